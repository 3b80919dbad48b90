package dev.mercato.core.inventory;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The caller-chosen id of a reservation, typically the order id; reserving twice with one id
 * returns the first reservation.
 *
 * @param value the id, not blank
 */
public record ReservationId(String value) {
    /** Validates the id. */
    public ReservationId {
        InvalidInputException.requireNonNull(value, "reservationId");
        if (value.isBlank()) {
            throw new InvalidInputException("reservationId", "\"" + value + "\"", "must not be blank");
        }
    }

    /** The bare id. */
    @Override
    public String toString() {
        return value;
    }
}
