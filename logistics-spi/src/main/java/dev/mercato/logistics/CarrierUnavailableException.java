package dev.mercato.logistics;

import java.io.Serial;

/**
 * The carrier could not be reached or its answer could not be understood (timeout, network
 * error, unexpected response). The outcome of the call is unknown: a caller retries a
 * shipment creation with the same {@link ShipmentRequestId}, which the carrier guarantees to
 * be idempotent, and never assumes the call failed.
 */
public final class CarrierUnavailableException extends LogisticsException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String carrierId;

    /**
     * Creates the exception.
     *
     * @param carrier the carrier that could not be reached, never {@code null}
     * @param problem what happened, e.g. {@code "timed out after 5s"}
     * @param cause the low-level exception; may be {@code null}
     */
    public CarrierUnavailableException(CarrierId carrier, String problem, Throwable cause) {
        super("carrier " + carrier.value() + " unavailable: " + problem, cause);
        this.carrierId = carrier.value();
    }

    /**
     * The carrier that could not be reached.
     *
     * @return the carrier id, never {@code null}
     */
    public CarrierId carrier() {
        return new CarrierId(carrierId);
    }
}
