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

    /** Renders as {@code scope/key}. */
    @Override
    public String toString() {
        return scope + "/" + key;
    }
}
