package dev.mercato.core.fulfilment;

import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * One carrier parcel of an order, outbound or returning, with everything its carrier has reported
 * so far. Immutable and thread-safe.
 *
 * @param orderId the order
 * @param returnCase for a return shipment, the after-sale case it returns; empty for an outbound parcel
 * @param dispatchKey the caller's key of the command that booked it (outbound), or {@code "return"}
 * @param warehouse where an outbound parcel leaves from, or where a return goes back to
 * @param items the order units in the parcel
 * @param shipment what the carrier booked: tracking number, label, charge, promise
 * @param tracking the parcel's events so far, folded
 * @param request a description of the booking request, to recognise a retried command
 */
public record TrackedParcel(OrderId orderId, Optional<String> returnCase, String dispatchKey, WarehouseId warehouse,
        List<Shipment.Item> items, dev.mercato.logistics.Shipment shipment, Tracking tracking, String request) {

    /** Validates the fields. */
    public TrackedParcel {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(returnCase, "returnCase");
        InvalidInputException.requireNonNull(dispatchKey, "dispatchKey");
        InvalidInputException.requireNonNull(warehouse, "warehouse");
        items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
        InvalidInputException.requireNonNull(shipment, "shipment");
        InvalidInputException.requireNonNull(tracking, "tracking");
        InvalidInputException.requireNonNull(request, "request");
        if (!tracking.trackingNumber().equals(shipment.trackingNumber())) {
            throw new InvalidInputException("tracking", tracking.trackingNumber(),
                    "is not the tracking of parcel " + shipment.trackingNumber());
        }
    }

    /**
     * The storage key: carrier and tracking number (two carriers may issue the same number).
     *
     * @return {@code carrier/trackingNumber}
     */
    public String key() {
        return Parcels.key(shipment.carrier(), shipment.trackingNumber());
    }

    /**
     * The carrier's tracking number.
     *
     * @return the number
     */
    public TrackingNumber trackingNumber() {
        return shipment.trackingNumber();
    }

    /**
     * Whether this parcel carries goods back from the buyer.
     *
     * @return {@code true} for a return shipment
     */
    public boolean isReturn() {
        return returnCase.isPresent();
    }

    /**
     * Where the parcel is.
     *
     * @return the folded phase
     */
    public TrackingPhase phase() {
        return tracking.phase();
    }

    /**
     * Whether the parcel may still move: not delivered and not returned to its sender.
     *
     * @return {@code true} until a terminal tracking event
     */
    public boolean isOpen() {
        return !tracking.phase().isTerminal();
    }

    /**
     * This parcel with more of its tracking.
     *
     * @param next the folded tracking, of this parcel
     * @return the new parcel
     */
    public TrackedParcel withTracking(Tracking next) {
        return new TrackedParcel(orderId, returnCase, dispatchKey, warehouse, items, shipment, next, request);
    }
}
