package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * One change of a member's points. A member's balance is always the sum of the deltas of its
 * entries. Immutable and thread-safe.
 *
 * @param key the idempotency key of the command that made the change, not blank
 * @param at when it happened
 * @param kind why
 * @param delta the signed change in points; zero only for a clawback the policy forgave entirely
 * @param reference what it refers to (an order id, a bonus event code), may be empty, never {@code null}
 * @param memo a sentence for the member's statement, never {@code null}
 */
public record PointsEntry(String key, Instant at, EntryKind kind, long delta, String reference, String memo) {

    /**
     * Validates the entry.
     *
     * @throws InvalidInputException if a value is missing or the key blank
     */
    public PointsEntry {
        InvalidInputException.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new InvalidInputException("key", "\"" + key + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(at, "at");
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(reference, "reference");
        InvalidInputException.requireNonNull(memo, "memo");
    }
}
