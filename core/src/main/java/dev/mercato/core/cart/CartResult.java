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
     * @param reason why, for the buyer
     */
    record Refused(String reason) implements CartResult {
        /** Validates the field. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
        }
    }
}
