package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/**
 * Stock held for one order, picked from one or more warehouses.
 *
 * @param id the reservation id
 * @param picks where each reserved unit comes from; quantities positive
 * @param shipped the units committed so far (shipped), by SKU and warehouse; a subset of {@code picks}
 * @param status whether some stock is still held, all of it has shipped, or the rest was given back
 */
public record Reservation(ReservationId id, List<Pick> picks, List<Pick> shipped, Status status) {
    /** Validates the fields and copies the lists. */
    public Reservation {
        InvalidInputException.requireNonNull(id, "id");
        picks = List.copyOf(InvalidInputException.requireNonNull(picks, "picks"));
        shipped = List.copyOf(InvalidInputException.requireNonNull(shipped, "shipped"));
        InvalidInputException.requireNonNull(status, "status");
    }

    /**
     * The units of one SKU reserved and not shipped yet.
     *
     * @param sku the SKU
     * @return the units still held (0 once released)
     */
    public long heldOf(SkuId sku) {
        if (status == Status.RELEASED) {
            return 0;
        }
        return quantityOf(sku) - shipped.stream().filter(p -> p.sku().equals(sku)).mapToLong(Pick::quantity).sum();
    }

    /**
     * The units of one SKU reserved in all warehouses.
     *
     * @param sku the SKU
     * @return the units, 0 when none
     */
    public long quantityOf(SkuId sku) {
        return picks.stream().filter(p -> p.sku().equals(sku)).mapToLong(Pick::quantity).sum();
    }

    /**
     * Units of one SKU taken from one warehouse.
     *
     * @param sku the SKU
     * @param warehouse the warehouse
     * @param quantity the units, positive
     */
    public record Pick(SkuId sku, WarehouseId warehouse, long quantity) {
        /** Validates the fields. */
        public Pick {
            InvalidInputException.requireNonNull(sku, "sku");
            InvalidInputException.requireNonNull(warehouse, "warehouse");
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
        }
    }

    /** Where a reservation stands. */
    public enum Status {
        /** Some stock is still held and counts as reserved (part of it may have shipped). */
        HELD,
        /** Every unit shipped: on-hand and reserved both went down. */
        COMMITTED,
        /** The order was cancelled, closed or refunded: the units not shipped are available again. */
        RELEASED
    }
}
