package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The caller-chosen key of one money-moving command, within a scope such as {@code "checkout"}.
 *
 * @param scope the command family, not blank
 * @param key the caller's key, not blank
 */
public record IdempotencyKey(String scope, String key) {
    /** Validates the fields. */
    public IdempotencyKey {
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(key, "key");
        if (scope.isBlank() || key.isBlank()) {
            throw new InvalidInputException("key", scope + "/" + key, "scope and key must not be blank");
        }
    }

    /** The longest caller key accepted, so a hostile key cannot bloat the idempotency store. */
    public static final int MAX_CALLER_KEY_LENGTH = 200;

    /**
     * The key of a caller's command on behalf of an owner (a buyer, a member): {@code
     * owner/callerKey} within the scope. The caller's key is checked on its own, so a blank one is
     * refused even though the combined text would not be blank.
     *
     * @param scope the command family, not blank
     * @param owner whose command it is, not blank
     * @param callerKey the caller's key: not blank, at most {@link #MAX_CALLER_KEY_LENGTH} characters
     * @return the key
     * @throws InvalidInputException if the caller's key is null, blank or too long
     */
    public static IdempotencyKey of(String scope, String owner, String callerKey) {
        InvalidInputException.requireNonNull(owner, "owner");
        InvalidInputException.requireNonNull(callerKey, "idempotencyKey");
        if (callerKey.isBlank()) {
            throw new InvalidInputException("idempotencyKey", "\"" + callerKey + "\"", "must not be blank");
        }
        if (callerKey.length() > MAX_CALLER_KEY_LENGTH) {
            throw new InvalidInputException("idempotencyKey", callerKey.length() + " characters",
                    "must be at most " + MAX_CALLER_KEY_LENGTH + " characters");
        }
        return new IdempotencyKey(scope, owner + "/" + callerKey);
    }

    /** Renders as {@code scope/key}. */
    @Override
    public String toString() {
        return scope + "/" + key;
    }
}
