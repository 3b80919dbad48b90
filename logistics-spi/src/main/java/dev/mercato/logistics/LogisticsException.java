package dev.mercato.logistics;

import java.io.Serial;

/**
 * Root of every exception the logistics SPI and its implementations throw for a violated
 * precondition or a broken promise of the contract: a missing value, a negative weight, a
 * reused request id with different content, a carrier that cannot be reached.
 *
 * <p>Business outcomes (a route the carrier does not serve, a cancellation refused after
 * pickup, a notification with a bad signature) are never exceptions; carriers return them as
 * values ({@link QuoteOutcome}, {@link ShipmentOutcome}, {@link CancellationOutcome},
 * {@link NotificationVerdict}). A call that throws a {@code LogisticsException} because of
 * the caller's input has changed nothing.
 */
public abstract class LogisticsException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception whose message names what was wrong.
     *
     * @param message what was wrong, with the values involved
     */
    protected LogisticsException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the low-level cause.
     *
     * @param message what was wrong, with the values involved
     * @param cause the underlying exception
     */
    protected LogisticsException(String message, Throwable cause) {
        super(message, cause);
    }
}
