package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/** The outcome of a cart command: the updated cart, or a refusal with a reason (nothing changed). */
public sealed interface CartResult {

    /**
     * The cart after the command.
     *
     * @param cart the updated cart
     * @param notes adjustments made on the way (e.g. a merged quantity cut to the limit); may be empty
     */
    record Updated(Cart cart, List<String> notes) implements CartResult {
        /** Validates the fields. */
        public Updated {
            InvalidInputException.requireNonNull(cart, "cart");
            notes = List.copyOf(notes);
        }
    }

    /**
     * The command was refused; the cart is unchanged.
     *
     * @param reason why, as a value a caller can branch on
     * @param message why, in words for a person
     */
    record Refused(Reason reason, String message) implements CartResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(message, "message");
        }
    }

    /** Why a command was refused. */
    enum Reason {
        /** The cart already holds as many different items as the limits allow. */
        TOO_MANY_LINES,
        /** A per-SKU or flash-sale quantity limit. */
        QUANTITY_LIMIT,
        /** The SKU is not in the cart. */
        NOT_IN_CART,
        /** Fewer units than the SKU's minimum order quantity ({@link CartLimits#minUnits(dev.mercato.core.catalog.Sku)}). */
        BELOW_MINIMUM_QUANTITY,
        /** Units that are not a multiple of the SKU's step (sold in packs; {@link CartLimits#unitStep}). */
        QUANTITY_STEP;
    }
}
