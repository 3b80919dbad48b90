package dev.mercato.core.fulfilment;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The answer to redeeming a late-delivery coupon ({@code Commerce.redeemLateDeliveryCoupon}):
 * redeemed (a replay for the same order answers the same), or refused with a reason and nothing
 * changed.
 */
public sealed interface CouponResult {

    /**
     * Redeemed: the buyer credit was released to fund the order's discount.
     *
     * @param coupon the coupon, redeemed
     * @param entryKey the journal entry of the redemption
     */
    record Redeemed(LateDeliveryCoupon.Redeemed coupon, String entryKey) implements CouponResult {
        /** Validates the fields. */
        public Redeemed {
            InvalidInputException.requireNonNull(coupon, "coupon");
            InvalidInputException.requireNonNull(entryKey, "entryKey");
        }
    }

    /**
     * Refused: nothing was posted or stored.
     *
     * @param reason why
     * @param detail the facts, in words
     */
    record Refused(Reason reason, String detail) implements CouponResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /** Why a redemption was refused. */
    enum Reason {
        /** The order earned no late-delivery coupon. */
        NO_COUPON,
        /** The coupon was already spent on another order. */
        ALREADY_REDEEMED,
        /** The coupon's validity has ended. */
        EXPIRED,
        /** The order it would be spent on is another buyer's. */
        NOT_THE_BUYERS_ORDER,
        /** The order it would be spent on is not paid (awaiting payment, cancelled, closed or refunded). */
        ORDER_NOT_PAID,
        /** The order it would be spent on is in another currency than the coupon. */
        OTHER_CURRENCY
    }
}
