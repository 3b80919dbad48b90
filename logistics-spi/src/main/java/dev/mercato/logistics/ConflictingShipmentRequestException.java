package dev.mercato.logistics;

import java.io.Serial;

/**
 * A shipment request reuses a {@link ShipmentRequestId} that the carrier already holds for a
 * request with different content. Replaying the same request is fine (the carrier returns
 * the first shipment); reusing the id for another parcel, address or service is a bug in the
 * caller, and the carrier changes nothing.
 */
public final class ConflictingShipmentRequestException extends LogisticsException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String requestId;

    /**
     * Creates the exception.
     *
     * @param requestId the reused id, never {@code null}
     */
    public ConflictingShipmentRequestException(ShipmentRequestId requestId) {
        super("shipment request " + requestId.value()
                + " was already used for a request with different content; use a new request id");
        this.requestId = requestId.value();
    }

    /**
     * The reused request id.
     *
     * @return the id, never {@code null}
     */
    public ShipmentRequestId requestId() {
        return new ShipmentRequestId(requestId);
    }
}
