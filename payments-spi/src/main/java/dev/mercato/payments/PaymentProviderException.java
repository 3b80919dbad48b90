package dev.mercato.payments;

/**
 * The provider could not be reached, or its answer could not be understood: a timeout, a
 * connection failure, an unexpected response, an internal error on either side.
 *
 * <p>The caller must treat the operation as {@link PaymentOutcome.Unknown}: money may or may
 * not have moved. It resolves the doubt with {@link PaymentProvider#status(TransactionId)} or
 * by replaying the same request with the same {@link TransactionId}, which is safe because
 * providers guarantee that a replay has no second effect. It never treats this exception as a
 * decline.
 *
 * <p>Implementers throw this (or a subclass) for every failure that is not a definitive
 * answer, and never let other unchecked exceptions from their HTTP client or parser escape.
 */
public class PaymentProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, never {@code null}
     */
    public PaymentProviderException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, never {@code null}
     * @param cause the underlying failure, may be {@code null}
     */
    public PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
