package dev.mercato.core.inventory;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The host's id of a warehouse.
 *
 * @param value the id, not blank
 */
public record WarehouseId(String value) implements Comparable<WarehouseId> {
    /** Validates the id. */
    public WarehouseId {
        InvalidInputException.requireNonNull(value, "warehouseId");
        if (value.isBlank()) {
            throw new InvalidInputException("warehouseId", "\"" + value + "\"", "must not be blank");
        }
    }

    @Override
    public int compareTo(WarehouseId other) {
        return value.compareTo(other.value);
    }

    /** The bare id. */
    @Override
    public String toString() {
        return value;
    }
}
