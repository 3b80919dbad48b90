package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;

/** The outcome of a reservation: held, or refused because a SKU lacks stock (a business rejection). */
public sealed interface ReservationResult {

    /**
     * All requested units are held.
     *
     * @param reservation the reservation
     */
    record Reserved(Reservation reservation) implements ReservationResult {
        /** Validates the field. */
        public Reserved {
            InvalidInputException.requireNonNull(reservation, "reservation");
        }
    }

    /**
     * Nothing was held because one SKU lacks stock.
     *
     * @param sku the first SKU that could not be held
     * @param requested the units asked for
     * @param available the units that could be held
     */
    record Insufficient(SkuId sku, long requested, long available) implements ReservationResult {
        /** Validates the field. */
        public Insufficient {
            InvalidInputException.requireNonNull(sku, "sku");
        }
    }
}
