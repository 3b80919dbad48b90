package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;

/** The outcome of an order command: the order's new state, or a refusal with a reason (nothing changed). */
public sealed interface OrderResult {

    /**
     * The command was carried out.
     *
     * @param order the order's state after it
     */
    record Done(Order order) implements OrderResult {
        /** Validates the field. */
        public Done {
            InvalidInputException.requireNonNull(order, "order");
        }
    }

    /**
     * The command was refused; the order is unchanged.
     *
     * @param reason why
     */
    record Refused(String reason) implements OrderResult {
        /** Validates the field. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
        }
    }
}
