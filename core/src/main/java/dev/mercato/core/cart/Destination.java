package dev.mercato.core.cart;

import dev.mercato.logistics.Address;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * Where a buyer ships a cart: the postal address carriers quote to, and the region code the
 * inventory's warehouse choice measures distances with (see {@link
 * dev.mercato.core.inventory.WarehouseChoice#nearest}). Immutable.
 *
 * @param address the delivery address
 * @param region the destination's region code in the inventory's terms, not blank
 */
public record Destination(Address address, String region) {
    /** Validates the fields. */
    public Destination {
        InvalidInputException.requireNonNull(address, "address");
        InvalidInputException.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new InvalidInputException("region", "\"" + region + "\"", "must not be blank");
        }
    }

    /**
     * A destination whose warehouse region code is the address's region (province, state), for
     * hosts whose warehouses are located by the same names.
     *
     * @param address the delivery address
     * @return the destination
     */
    public static Destination of(Address address) {
        InvalidInputException.requireNonNull(address, "address");
        return new Destination(address, address.region());
    }
}
