package dev.mercato.pricing.error;

import java.io.Serial;

/**
 * Root of every exception Mercato throws for a violated precondition or a bug in the caller's
 * input: a missing value, a negative quantity, a currency mismatch, a malformed rule file.
 *
 * <p>Business rejections (a declined payment, an ineligible coupon, a refused transition) are
 * never exceptions; they are returned as values. A command that throws a {@code
 * MercatoException} has changed nothing.
 *
 * <p>Subtypes carry typed fields describing what was wrong, and their messages name the
 * offending values so that a developer can act on them without a debugger.
 */
public abstract class MercatoException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message naming what was wrong.
     *
     * @param message what was wrong, with the values involved
     */
    protected MercatoException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the low-level cause.
     *
     * @param message what was wrong, with the values involved
     * @param cause the underlying exception
     */
    protected MercatoException(String message, Throwable cause) {
        super(message, cause);
    }
}
