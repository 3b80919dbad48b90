package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * One contribution to a member's qualification measure: a paid order's amount in minor units
 * (negative for a refund), or score points. Immutable and thread-safe.
 *
 * @param at when it counted
 * @param amount minor units of spend or score points; negative for a reversal
 */
public record Activity(Instant at, long amount) {

    /**
     * Validates the activity.
     *
     * @throws InvalidInputException if the instant is missing
     */
    public Activity {
        InvalidInputException.requireNonNull(at, "activity.at");
    }
}
