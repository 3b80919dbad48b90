package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A timer that fires at {@code dueAt}: unpaid close, auto-confirm, points expiry.
 *
 * @param key what fires for which aggregate
 * @param dueAt when it becomes due
 */
public record DueTimer(TimerKey key, Instant dueAt) {
    /** Validates the fields. */
    public DueTimer {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(dueAt, "dueAt");
    }
}
