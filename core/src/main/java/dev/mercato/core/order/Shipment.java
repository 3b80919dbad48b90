package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;

/**
 * One parcel of an order: which units of which lines left, with which tracking number.
 *
 * @param trackingNumber the carrier's tracking number, not blank
 * @param items the units shipped, at least one
 * @param shippedAt when it left
 */
public record Shipment(String trackingNumber, List<Item> items, Instant shippedAt) {
    /** Validates the fields. */
    public Shipment {
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        if (trackingNumber.isBlank()) {
            throw new InvalidInputException("trackingNumber", "\"\"", "must not be blank");
        }
        items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new InvalidInputException("items", items, "must not be empty");
        }
        InvalidInputException.requireNonNull(shippedAt, "shippedAt");
    }

    /**
     * Units of one line in a shipment.
     *
     * @param lineNo the order line
     * @param quantity units, positive
     */
    public record Item(int lineNo, long quantity) {
        /** Validates the quantity. */
        public Item {
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
        }
    }
}
