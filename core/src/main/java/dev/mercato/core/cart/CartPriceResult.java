package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * A cart priced for display: the priced cart, nothing to price, or a refusal because a seller's
 * part cannot ship to the destination (then no total is shown: shipping is never silently free).
 */
public sealed interface CartPriceResult {

    /**
     * The cart is priced.
     *
     * @param cart the priced cart, with shipping per seller and, where quoted, delivery promises
     * @param belowSellerMinimum the sellers whose goods do not reach their minimum order amount
     *     yet, in cart order: adding to the cart is never refused for it, but checkout is until
     *     each reaches its minimum; empty when every seller does (or has none)
     */
    record Priced(PricedCart cart, List<SellerMinimumShortfall> belowSellerMinimum) implements CartPriceResult {
        /**
         * A priced cart without seller shortfalls.
         *
         * @param cart the priced cart
         */
        public Priced(PricedCart cart) {
            this(cart, List.of());
        }

        /** Validates the fields and copies the list. */
        public Priced {
            InvalidInputException.requireNonNull(cart, "cart");
            belowSellerMinimum = List.copyOf(InvalidInputException.requireNonNull(belowSellerMinimum,
                    "belowSellerMinimum"));
        }
    }

    /** The cart holds nothing that can be priced (empty, or every SKU is no longer sold). */
    record Empty() implements CartPriceResult {}

    /**
     * A seller's part cannot ship to the destination, or no destination was given to rates that
     * need one.
     *
     * @param refusal the seller and the named reason
     */
    record Unshippable(ShippingRefusal refusal) implements CartPriceResult {
        /** Validates the field. */
        public Unshippable {
            InvalidInputException.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * The priced cart, if priced.
     *
     * @return the priced cart, or empty for the other outcomes
     */
    default Optional<PricedCart> priced() {
        return this instanceof Priced p ? Optional.of(p.cart()) : Optional.empty();
    }
}
