package dev.mercato.core.storage;

import java.util.Optional;

/**
 * Remembers the first result of each idempotent command, within a {@link UnitOfWork}, so that a
 * replay returns it and the same key with different content is rejected.
 *
 * <p>The request fingerprint is a string the caller derives from the command's content (for
 * example its canonical text). Results must be immutable values.
 */
public interface IdempotencyStore {
    /**
     * Looks up an earlier result.
     *
     * @param key the idempotency key
     * @param fingerprint the fingerprint of the current request
     * @param resultType the expected result class
     * @param <R> the result type
     * @return the first result when the key was used with the same fingerprint, empty when unused
     * @throws IdempotencyKeyReusedException if the key was used with another fingerprint
     */
    <R> Optional<R> find(IdempotencyKey key, String fingerprint, Class<R> resultType);

    /**
     * Stages the result of the first execution. If another commit records the same key first,
     * this commit fails with {@link ConcurrencyConflictException}; a retry then finds that result.
     *
     * @param key the idempotency key
     * @param fingerprint the fingerprint of the request
     * @param result the result, an immutable value
     */
    void remember(IdempotencyKey key, String fingerprint, Object result);
}
