package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A bonus a member earns for an activity rather than a payment: writing a review, signing in
 * daily. Immutable and thread-safe.
 *
 * @param code the activity code, e.g. {@code "review"}; not blank
 * @param points the points earned each time, positive
 * @param perDayLimit how many times a day the bonus is granted, at least 1
 */
public record BonusEvent(String code, long points, int perDayLimit) {

    /**
     * Validates the bonus.
     *
     * @throws InvalidInputException if the code is blank, the points not positive or the limit below 1
     */
    public BonusEvent {
        InvalidInputException.requireNonNull(code, "bonus.code");
        if (code.isBlank()) {
            throw new InvalidInputException("bonus.code", "\"" + code + "\"", "must not be blank");
        }
        if (points <= 0) {
            throw new InvalidInputException("bonus.points", points, "must be positive");
        }
        if (perDayLimit < 1) {
            throw new InvalidInputException("bonus.perDayLimit", perDayLimit, "must be at least 1");
        }
    }

    /**
     * Whether one more grant is allowed today.
     *
     * @param grantedToday how many times the member already got it on the same day
     * @return {@code true} while under the daily limit
     */
    public boolean allows(int grantedToday) {
        return grantedToday < perDayLimit;
    }
}
