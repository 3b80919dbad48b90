package dev.mercato.logistics;

import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * A request to ship one parcel: book the carrier, obtain a tracking number and a label.
 *
 * <p>{@code requestId} is the caller's idempotency key: a carrier guarantees that replaying
 * an equal request returns the shipment created the first time, and that the same id with
 * different content is rejected with {@link ConflictingShipmentRequestException}.
 *
 * <p>A <em>return shipment</em> carries the tracking number of the delivered shipment it
 * sends back in {@code returnOf}; its origin is the buyer and its destination the seller or
 * warehouse. A delivery to a <em>pickup point</em> names the point in {@code pickupPoint};
 * its destination is then the point's address. Immutable and thread-safe.
 *
 * @param requestId the caller's idempotency key, never {@code null}
 * @param service the service booked, never {@code null}
 * @param origin where the carrier collects, never {@code null}
 * @param destination where the carrier delivers, never {@code null}
 * @param parcel the parcel, never {@code null}
 * @param currency the currency of the charge, never {@code null}
 * @param pickupPoint the pickup point to deliver to, or empty for a door delivery; never {@code null}
 * @param returnOf the shipment this one returns, or empty for an outbound shipment; never {@code null}
 */
public record ShipmentRequest(ShipmentRequestId requestId, ServiceLevel service, Address origin, Address destination,
        Parcel parcel, CurrencyUnit currency, Optional<PickupPointId> pickupPoint, Optional<TrackingNumber> returnOf) {

    /**
     * Validates the request.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}
     */
    public ShipmentRequest {
        InvalidLogisticsInputException.requireNonNull(requestId, "requestId");
        InvalidLogisticsInputException.requireNonNull(service, "service");
        InvalidLogisticsInputException.requireNonNull(origin, "origin");
        InvalidLogisticsInputException.requireNonNull(destination, "destination");
        InvalidLogisticsInputException.requireNonNull(parcel, "parcel");
        InvalidLogisticsInputException.requireNonNull(currency, "currency");
        InvalidLogisticsInputException.requireNonNull(pickupPoint, "pickupPoint");
        InvalidLogisticsInputException.requireNonNull(returnOf, "returnOf");
    }

    /**
     * An outbound door-to-door shipment.
     *
     * @param requestId the caller's idempotency key
     * @param service the service booked
     * @param origin where the carrier collects
     * @param destination where the carrier delivers
     * @param parcel the parcel
     * @param currency the currency of the charge
     * @return the request
     */
    public static ShipmentRequest outbound(ShipmentRequestId requestId, ServiceLevel service, Address origin,
            Address destination, Parcel parcel, CurrencyUnit currency) {
        return new ShipmentRequest(requestId, service, origin, destination, parcel, currency,
                Optional.empty(), Optional.empty());
    }

    /**
     * A return of a delivered shipment: from the buyer back to the seller or warehouse.
     *
     * @param requestId the caller's idempotency key
     * @param original the tracking number of the delivered shipment being returned
     * @param service the service booked
     * @param buyer where the carrier collects the return
     * @param returnTo where the carrier delivers it
     * @param parcel the returned parcel
     * @param currency the currency of the charge
     * @return the request
     */
    public static ShipmentRequest returnOf(ShipmentRequestId requestId, TrackingNumber original, ServiceLevel service,
            Address buyer, Address returnTo, Parcel parcel, CurrencyUnit currency) {
        InvalidLogisticsInputException.requireNonNull(original, "original");
        return new ShipmentRequest(requestId, service, buyer, returnTo, parcel, currency,
                Optional.empty(), Optional.of(original));
    }

    /**
     * The same request, delivered to a pickup point instead of the door.
     *
     * @param point the pickup point; {@code destination} should be its address
     * @return a new request
     */
    public ShipmentRequest toPickupPoint(PickupPointId point) {
        InvalidLogisticsInputException.requireNonNull(point, "point");
        return new ShipmentRequest(requestId, service, origin, destination, parcel, currency, Optional.of(point),
                returnOf);
    }

    /**
     * The same request under another idempotency key.
     *
     * @param id the new key
     * @return a new request
     */
    public ShipmentRequest withRequestId(ShipmentRequestId id) {
        return new ShipmentRequest(id, service, origin, destination, parcel, currency, pickupPoint, returnOf);
    }

    /**
     * The same request for another parcel.
     *
     * @param other the new parcel
     * @return a new request
     */
    public ShipmentRequest withParcel(Parcel other) {
        return new ShipmentRequest(requestId, service, origin, destination, other, currency, pickupPoint, returnOf);
    }

    /**
     * Whether this request sends a delivered shipment back.
     *
     * @return {@code true} when {@code returnOf} is present
     */
    public boolean isReturn() {
        return returnOf.isPresent();
    }
}
