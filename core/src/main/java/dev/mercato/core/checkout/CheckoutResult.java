package dev.mercato.core.checkout;

import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.cart.SellerMinimumShortfall;
import dev.mercato.core.cart.ShippingRefusal;
import dev.mercato.core.order.Order;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/**
 * The outcome of a checkout: orders placed under one payment, or a refusal with a reason (a
 * {@link Unshippable} one names why the cart cannot ship).
 */
public sealed interface CheckoutResult {

    /**
     * Orders were placed (or, for a replay of the same checkout key, had been placed): one per
     * seller, all awaiting the one payment.
     *
     * @param payment the buyer payment
     * @param orders the orders as placed, one per seller in cart order
     * @param priced the priced cart the orders froze
     */
    record Placed(BuyerPayment payment, List<Order.AwaitingPayment> orders, PricedCart priced) implements CheckoutResult {
        /** Validates the fields. */
        public Placed {
            InvalidInputException.requireNonNull(payment, "payment");
            orders = List.copyOf(InvalidInputException.requireNonNull(orders, "orders"));
            InvalidInputException.requireNonNull(priced, "priced");
        }
    }

    /**
     * Nothing was placed and nothing changed: a seller's part cannot ship to the destination (the
     * carrier does not serve it, no address was given to rates that need one, ...).
     *
     * @param refusal the seller and the named reason
     */
    record Unshippable(ShippingRefusal refusal) implements CheckoutResult {
        /** Validates the field. */
        public Unshippable {
            InvalidInputException.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * Nothing was placed and nothing changed: an empty cart, missing stock, a flash-sale cap.
     *
     * @param reason why, as a value a caller can branch on
     * @param message why, in words for a person
     * @param belowSellerMinimum for {@link Reason#BELOW_SELLER_MINIMUM}: every seller below its
     *     minimum order amount, with the minimum and the amount compared, in cart order; empty for
     *     the other reasons
     */
    record Refused(Reason reason, String message, List<SellerMinimumShortfall> belowSellerMinimum)
            implements CheckoutResult {
        /**
         * A refusal without seller shortfalls.
         *
         * @param reason why
         * @param message why, in words
         */
        public Refused(Reason reason, String message) {
            this(reason, message, List.of());
        }

        /**
         * Validates the fields and copies the list.
         *
         * @throws InvalidInputException if a field is missing, or shortfalls come with another
         *     reason than {@link Reason#BELOW_SELLER_MINIMUM} (or that reason without them)
         */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(message, "message");
            belowSellerMinimum = List.copyOf(InvalidInputException.requireNonNull(belowSellerMinimum,
                    "belowSellerMinimum"));
            if (belowSellerMinimum.isEmpty() == (reason == Reason.BELOW_SELLER_MINIMUM)) {
                throw new InvalidInputException("belowSellerMinimum", belowSellerMinimum,
                        "must name the sellers exactly when the reason is " + Reason.BELOW_SELLER_MINIMUM);
            }
        }
    }

    /** Why a command was refused. */
    enum Reason {
        /** The cart is empty. */
        EMPTY_CART,
        /** Items are no longer on sale. */
        UNAVAILABLE,
        /** The buyer would exceed a flash sale's per-buyer units. */
        FLASH_SALE_CAP,
        /** Not enough stock to reserve. */
        OUT_OF_STOCK,
        /** A promotion's uses or budget ran out while checking out. */
        PROMOTION_CAP,
        /** The checkout guard (risk checks, inactive sellers) refused or held it for review. */
        GUARD_REFUSED,
        /**
         * A SKU's units are outside what one order may take (the SKU's {@code OrderQuantity} as
         * the catalog has it now, or {@code CartLimits}: below its minimum order quantity, above
         * its maximum, not a multiple of its step), checked again at checkout.
         */
        QUANTITY_LIMIT,
        /**
         * A seller's goods do not reach that seller's minimum order amount (after discounts,
         * before shipping); {@link Refused#belowSellerMinimum()} names each seller with its
         * minimum and the amount compared.
         */
        BELOW_SELLER_MINIMUM,
        /**
         * The checkout lost its commit to concurrent checkouts on the same rows (a coupon budget,
         * the same stock) every time it was tried, with backoff: nothing was placed; try again.
         */
        CONTENDED,
        /** The group-buy group to join has every place taken. */
        GROUP_FULL,
        /**
         * The group-buy choice cannot be taken: an unknown campaign or group, a group that formed,
         * failed or passed its deadline, or a buyer who already holds a place in it.
         */
        GROUP_REFUSED,
        /** A group checkout's cart holds SKUs outside the campaign. */
        NOT_A_GROUP_CART,
        /**
         * A checkout in stages that cannot be staged: a pre-sale checkout with no line on pre-sale,
         * a balance due date that has passed, or an order too small to split.
         */
        CANNOT_STAGE;
    }
}
