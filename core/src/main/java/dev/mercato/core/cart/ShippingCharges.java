package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * What {@link ShippingRates} answer for a cart: a charge per seller, or the refusal of a seller's
 * part that cannot ship to the destination (then the cart is neither priced nor checked out).
 */
public sealed interface ShippingCharges {

    /**
     * The charges per seller; sellers left out ship free.
     *
     * @param bySeller the shipping per seller id, in seller order
     */
    record Charged(Map<String, SellerShipping> bySeller) implements ShippingCharges {
        /** Copies the map, keeping its order. */
        public Charged {
            InvalidInputException.requireNonNull(bySeller, "bySeller");
            bySeller.forEach((seller, shipping) -> {
                InvalidInputException.requireNonNull(seller, "seller");
                InvalidInputException.requireNonNull(shipping, "shipping of " + seller);
            });
            bySeller = Collections.unmodifiableMap(new LinkedHashMap<>(bySeller));
        }

        /**
         * The charges alone, as the pricing port takes them.
         *
         * @return the charge per seller
         */
        public Map<String, MonetaryAmount> amounts() {
            Map<String, MonetaryAmount> amounts = new LinkedHashMap<>();
            bySeller.forEach((seller, shipping) -> amounts.put(seller, shipping.charge()));
            return amounts;
        }

        /**
         * Charges without quotes or promises, as table rates compute them.
         *
         * @param amounts the charge per seller
         * @return the charges
         */
        public static Charged of(Map<String, MonetaryAmount> amounts) {
            Map<String, SellerShipping> bySeller = new LinkedHashMap<>();
            InvalidInputException.requireNonNull(amounts, "amounts")
                    .forEach((seller, amount) -> bySeller.put(seller, SellerShipping.of(amount)));
            return new Charged(bySeller);
        }
    }

    /**
     * A seller's part cannot ship to the destination.
     *
     * @param refusal the seller and the named reason
     */
    record Unshippable(ShippingRefusal refusal) implements ShippingCharges {
        /** Validates the field. */
        public Unshippable {
            InvalidInputException.requireNonNull(refusal, "refusal");
        }
    }

    /**
     * The refusal, if the cart cannot ship.
     *
     * @return the refusal, or empty when charged
     */
    default Optional<ShippingRefusal> refused() {
        return this instanceof Unshippable u ? Optional.of(u.refusal()) : Optional.empty();
    }
}
