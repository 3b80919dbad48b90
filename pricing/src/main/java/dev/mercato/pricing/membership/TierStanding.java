package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * Where a member stands on a tier ladder: the level held, when its retention is next reviewed,
 * and, when a review found the member short, when the grace period ends. Immutable and
 * thread-safe; changed only through {@link TierPolicy}.
 *
 * @param level the index of the level held in the policy's ladder, 0 for the lowest
 * @param reviewAt the end of the current qualification period, when retention is reviewed
 * @param graceUntil when the grace period after a failed review ends, or empty
 */
public record TierStanding(int level, Instant reviewAt, Optional<Instant> graceUntil) {

    /**
     * Validates the standing.
     *
     * @throws InvalidInputException if a value is missing or the level negative
     */
    public TierStanding {
        if (level < 0) {
            throw new InvalidInputException("level", level, "must not be negative");
        }
        InvalidInputException.requireNonNull(reviewAt, "reviewAt");
        InvalidInputException.requireNonNull(graceUntil, "graceUntil");
    }

    /**
     * When this standing next needs a review: the grace end while in grace, else the period end.
     *
     * @return the instant
     */
    public Instant nextReviewAt() {
        return graceUntil.orElse(reviewAt);
    }
}
