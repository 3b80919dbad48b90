package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The result of applying activity or a review to a {@link TierStanding}: the new standing and
 * what happened. Immutable and thread-safe.
 *
 * @param standing the standing after
 * @param what what happened
 */
public record TierChange(TierStanding standing, Kind what) {

    /** What a tier evaluation did. */
    public enum Kind {
        /** Nothing changed. */
        UNCHANGED,
        /** The member reached a higher threshold and moved up at once. */
        UPGRADED,
        /** A review found the member still qualified; a new period starts. */
        RETAINED,
        /** A review found the member short; the level is kept until the grace period ends. */
        GRACE_STARTED,
        /** The grace period ended with the member still short: one level down. */
        DOWNGRADED
    }

    /**
     * Validates the change.
     *
     * @throws InvalidInputException if a value is missing
     */
    public TierChange {
        InvalidInputException.requireNonNull(standing, "standing");
        InvalidInputException.requireNonNull(what, "what");
    }
}
