package dev.mercato.core.storage;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** An idempotency key was reused for a request with different content: a caller bug. */
public final class IdempotencyKeyReusedException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String firstFingerprint;
    private final String newFingerprint;

    /**
     * Creates the exception.
     *
     * @param key the reused key
     * @param firstFingerprint the fingerprint recorded first
     * @param newFingerprint the fingerprint of the rejected request
     */
    public IdempotencyKeyReusedException(IdempotencyKey key, String firstFingerprint, String newFingerprint) {
        super("idempotency key " + key + " was first used for [" + firstFingerprint
                + "] and cannot be reused for [" + newFingerprint + "]");
        this.key = key.toString();
        this.firstFingerprint = firstFingerprint;
        this.newFingerprint = newFingerprint;
    }

    /**
     * The reused key.
     *
     * @return {@code scope/key}
     */
    public String key() {
        return key;
    }

    /**
     * The fingerprint of the first request.
     *
     * @return the fingerprint
     */
    public String firstFingerprint() {
        return firstFingerprint;
    }

    /**
     * The fingerprint of the rejected request.
     *
     * @return the fingerprint
     */
    public String newFingerprint() {
        return newFingerprint;
    }
}
