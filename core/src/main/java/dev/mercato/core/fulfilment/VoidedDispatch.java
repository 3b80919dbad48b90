package dev.mercato.core.fulfilment;

import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * How many times a carrier dispatch of an order under one key booked parcels that the facade then
 * cancelled at the carrier (the carrier refused a later parcel of the same dispatch, or the order
 * could no longer ship when the parcels were to be recorded). A carrier answers a request id it
 * has seen with the same shipment, cancelled or not, so a later dispatch under the same key books
 * under new request ids ({@code <order>.<key>.w-<warehouse>.v<n>}) instead of recording a parcel
 * the carrier will never move. Written before the cancellation: if it cannot be written, nothing
 * is cancelled and a retry records the parcels already booked.
 *
 * <p>Immutable and thread-safe.
 *
 * @param orderId the order
 * @param dispatchKey the dispatch's idempotency key
 * @param voids how many of its attempts were cancelled, positive
 */
public record VoidedDispatch(OrderId orderId, String dispatchKey, int voids) {
    /** Stored per (order, key), keyed by {@link #key}. */
    public static final AggregateType<String, VoidedDispatch> TYPE =
            AggregateType.of("carrier-dispatch-void", String.class, VoidedDispatch.class, k -> k);

    /** Validates the fields. */
    public VoidedDispatch {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(dispatchKey, "dispatchKey");
        if (voids < 1) {
            throw new InvalidInputException("voids", voids, "must be positive");
        }
    }

    /**
     * The key of an order's dispatch under a key: the order id's length, the order id and the key,
     * so that no two (order, key) pairs share one.
     *
     * @param orderId the order
     * @param dispatchKey the dispatch key
     * @return the key
     */
    public static String key(OrderId orderId, String dispatchKey) {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(dispatchKey, "dispatchKey");
        return orderId.value().length() + ":" + orderId.value() + "/" + dispatchKey;
    }

    /**
     * The request-id suffix of the next attempt after these voids.
     *
     * @return {@code .v<voids>}
     */
    public String suffix() {
        return ".v" + voids;
    }
}
