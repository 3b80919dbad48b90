package dev.mercato.logistics;

/**
 * The caller's idempotency key for one shipment creation. The caller generates it (typically from its order and parcel ids) before the first attempt and reuses it on every retry; a carrier returns the first shipment for a replayed request and rejects the same id with different content ({@link ConflictingShipmentRequestException}).
 *
 * <p>Immutable value; equal when the values are equal (case-sensitive).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}, never {@code null}
 */
public record ShipmentRequestId(String value) {

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, too long or has other characters
     */
    public ShipmentRequestId {
        Identifiers.check(value, "shipment request id");
    }

    @Override
    public String toString() {
        return value;
    }
}
