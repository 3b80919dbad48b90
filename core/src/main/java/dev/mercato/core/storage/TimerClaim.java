package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A due timer leased to one claimant until {@code leaseUntil}: no other claim returns it before
 * then. The claimant fires it and calls {@link DueTimers#complete} in the unit of work that
 * records the effect; that commit succeeds only while this claim still holds the timer, so a
 * timer whose lease expired and was claimed again fires once.
 *
 * @param timer the timer
 * @param token identifies this claim, not blank
 * @param leaseUntil when the lease expires
 */
public record TimerClaim(DueTimer timer, String token, Instant leaseUntil) {
    /** Validates the fields. */
    public TimerClaim {
        InvalidInputException.requireNonNull(timer, "timer");
        InvalidInputException.requireNonNull(token, "token");
        InvalidInputException.requireNonNull(leaseUntil, "leaseUntil");
        if (token.isBlank()) {
            throw new InvalidInputException("token", "\"\"", "must not be blank");
        }
    }
}
