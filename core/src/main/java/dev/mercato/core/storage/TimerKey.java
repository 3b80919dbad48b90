package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * Identifies a due timer: what fires ({@code kind}, e.g. {@code "order.unpaid-close"}) for which
 * aggregate ({@code target}, its key as text). At most one timer per key.
 *
 * @param kind the timer kind, not blank
 * @param target the target aggregate's key, not blank
 */
public record TimerKey(String kind, String target) {
    /** Validates the fields. */
    public TimerKey {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(target, "target");
        if (kind.isBlank() || target.isBlank()) {
            throw new InvalidInputException("timer", kind + "/" + target, "kind and target must not be blank");
        }
    }
}
