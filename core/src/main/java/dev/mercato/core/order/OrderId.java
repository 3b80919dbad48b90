package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The id of an order.
 *
 * @param value the id, not blank
 */
public record OrderId(String value) {
    /** Validates the id. */
    public OrderId {
        InvalidInputException.requireNonNull(value, "orderId");
        if (value.isBlank()) {
            throw new InvalidInputException("orderId", "\"" + value + "\"", "must not be blank");
        }
    }

    /** The bare id. */
    @Override
    public String toString() {
        return value;
    }
}
