package dev.mercato.core.fulfilment;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.order.OrderId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * A late-delivery compensation paid as a coupon ({@link LateDeliveryRule#asCoupon}): a buyer
 * credit of the compensation's amount, {@link Issued} when the late delivery is scanned (its funder
 * pays it into {@code Account.BuyerCredit(buyer)}), then {@link Redeemed} on a later order of the
 * buyer or {@link Expired} at the end of its validity (the credit goes back to the funder). One per
 * late order, stored under the late order's id. Immutable and thread-safe.
 */
public sealed interface LateDeliveryCoupon {

    /**
     * The late order that earned the coupon; also the coupon's id.
     *
     * @return the order
     */
    OrderId orderId();

    /**
     * The buyer who holds it.
     *
     * @return the buyer id
     */
    String buyerId();

    /**
     * What it is worth.
     *
     * @return the amount, positive
     */
    MonetaryAmount amount();

    /**
     * The account that funded it (the seller's payable, the platform's clearing or the carrier's
     * claims), which an expiry credits back.
     *
     * @return the account
     */
    Account fundedFrom();

    /**
     * Issued and not used yet.
     *
     * @param orderId the late order
     * @param buyerId the buyer
     * @param amount the credit
     * @param fundedFrom the funder's account
     * @param issuedAt when it was issued
     * @param expiresAt when it expires
     */
    record Issued(OrderId orderId, String buyerId, MonetaryAmount amount, Account fundedFrom, Instant issuedAt,
            Instant expiresAt) implements LateDeliveryCoupon {
        /** Validates the fields. */
        public Issued {
            requireFields(orderId, buyerId, amount, fundedFrom);
            InvalidInputException.requireNonNull(issuedAt, "issuedAt");
            InvalidInputException.requireNonNull(expiresAt, "expiresAt");
        }

        /**
         * Spent on an order.
         *
         * @param on the order it paid part of
         * @param at when
         * @return the redeemed coupon
         */
        public Redeemed redeem(OrderId on, Instant at) {
            return new Redeemed(orderId, buyerId, amount, fundedFrom, on, at);
        }

        /**
         * Expired unused.
         *
         * @param at when
         * @return the expired coupon
         */
        public Expired expire(Instant at) {
            return new Expired(orderId, buyerId, amount, fundedFrom, at);
        }
    }

    /**
     * Spent on a later order of the buyer. Terminal.
     *
     * @param orderId the late order
     * @param buyerId the buyer
     * @param amount the credit
     * @param fundedFrom the funder's account
     * @param redeemedOn the order it was spent on
     * @param redeemedAt when
     */
    record Redeemed(OrderId orderId, String buyerId, MonetaryAmount amount, Account fundedFrom, OrderId redeemedOn,
            Instant redeemedAt) implements LateDeliveryCoupon {
        /** Validates the fields. */
        public Redeemed {
            requireFields(orderId, buyerId, amount, fundedFrom);
            InvalidInputException.requireNonNull(redeemedOn, "redeemedOn");
            InvalidInputException.requireNonNull(redeemedAt, "redeemedAt");
        }
    }

    /**
     * Expired unused: the credit went back to its funder. Terminal.
     *
     * @param orderId the late order
     * @param buyerId the buyer
     * @param amount the credit
     * @param fundedFrom the funder's account
     * @param expiredAt when
     */
    record Expired(OrderId orderId, String buyerId, MonetaryAmount amount, Account fundedFrom, Instant expiredAt)
            implements LateDeliveryCoupon {
        /** Validates the fields. */
        public Expired {
            requireFields(orderId, buyerId, amount, fundedFrom);
            InvalidInputException.requireNonNull(expiredAt, "expiredAt");
        }
    }

    private static void requireFields(OrderId orderId, String buyerId, MonetaryAmount amount, Account fundedFrom) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(fundedFrom, "fundedFrom");
    }
}
