package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A stored value with its version. The first committed version is 1; every committed update
 * adds 1. A writer states the version it read, and the commit fails with {@link
 * ConcurrencyConflictException} when someone else committed in between.
 *
 * @param value the value, never {@code null}
 * @param version the committed version, at least 1
 * @param <V> the value type
 */
public record Versioned<V>(V value, long version) {
    /** Validates the fields. */
    public Versioned {
        InvalidInputException.requireNonNull(value, "value");
        if (version < 1) {
            throw new InvalidInputException("version", version, "must be at least 1");
        }
    }
}
