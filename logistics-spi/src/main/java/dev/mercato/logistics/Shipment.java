package dev.mercato.logistics;

import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * A parcel booked with a carrier: what the carrier created for a {@link ShipmentRequest}.
 *
 * <p>A carrier guarantees that replaying the request returns an equal shipment (same
 * tracking number, label, charge and promise). Immutable and thread-safe.
 *
 * @param carrier the carrier, never {@code null}
 * @param requestId the caller's idempotency key it was created under, never {@code null}
 * @param trackingNumber the carrier's tracking number, never {@code null}
 * @param label the label to print, never {@code null}
 * @param service the service booked, never {@code null}
 * @param charge what the carrier charges, in the requested currency, never {@code null}
 * @param promise when it will be delivered, never {@code null}
 * @param createdAt when the carrier created it (by the carrier's injected clock), never {@code null}
 * @param pickupPoint the pickup point it goes to, or empty for a door delivery; never {@code null}
 * @param returnOf the shipment this one returns, or empty for an outbound shipment; never {@code null}
 */
public record Shipment(CarrierId carrier, ShipmentRequestId requestId, TrackingNumber trackingNumber,
        LabelReference label, ServiceLevel service, MonetaryAmount charge, DeliveryPromise promise, Instant createdAt,
        Optional<PickupPointId> pickupPoint, Optional<TrackingNumber> returnOf) {

    /**
     * Validates the shipment.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null} or the charge is negative
     */
    public Shipment {
        InvalidLogisticsInputException.requireNonNull(carrier, "carrier");
        InvalidLogisticsInputException.requireNonNull(requestId, "requestId");
        InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
        InvalidLogisticsInputException.requireNonNull(label, "label");
        InvalidLogisticsInputException.requireNonNull(service, "service");
        InvalidLogisticsInputException.requireNonNull(charge, "charge");
        InvalidLogisticsInputException.requireNonNull(promise, "promise");
        InvalidLogisticsInputException.requireNonNull(createdAt, "createdAt");
        InvalidLogisticsInputException.requireNonNull(pickupPoint, "pickupPoint");
        InvalidLogisticsInputException.requireNonNull(returnOf, "returnOf");
        if (charge.isNegative()) {
            throw new InvalidLogisticsInputException("charge", charge, "must not be negative");
        }
    }

    /**
     * Whether this shipment sends a delivered shipment back.
     *
     * @return {@code true} when {@code returnOf} is present
     */
    public boolean isReturn() {
        return returnOf.isPresent();
    }
}
