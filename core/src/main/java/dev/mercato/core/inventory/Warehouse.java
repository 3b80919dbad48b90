package dev.mercato.core.inventory;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A place that holds stock, located by a region code the host chooses (a province, a postcode
 * prefix, a zone); {@link WarehouseChoice#nearest} measures between regions.
 *
 * @param id the warehouse id
 * @param region the region code, not blank
 */
public record Warehouse(WarehouseId id, String region) {
    /** Validates the fields. */
    public Warehouse {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new InvalidInputException("region", "\"" + region + "\"", "must not be blank");
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param id the warehouse id
     * @param region the region code
     * @return the warehouse
     */
    public static Warehouse of(String id, String region) {
        return new Warehouse(new WarehouseId(id), region);
    }
}
