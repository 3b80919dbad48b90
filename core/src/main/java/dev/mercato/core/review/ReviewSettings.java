package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;

/**
 * The review windows and the rating policy. Immutable.
 *
 * @param reviewWithin how long after completion a line may be reviewed (exactly that long is still in time)
 * @param editWithin how long after submission a review may be edited (inclusive)
 * @param rating how ratings and demotion are computed
 */
public record ReviewSettings(Duration reviewWithin, Duration editWithin, RatingPolicy rating) {
    /** Validates the fields. */
    public ReviewSettings {
        InvalidInputException.requireNonNull(reviewWithin, "reviewWithin");
        InvalidInputException.requireNonNull(editWithin, "editWithin");
        if (reviewWithin.isNegative() || editWithin.isNegative()) {
            throw new InvalidInputException("windows", reviewWithin + "/" + editWithin, "must not be negative");
        }
        InvalidInputException.requireNonNull(rating, "rating");
    }

    /**
     * The defaults: review within 15 days of completion, edit within 30 days, {@link RatingPolicy#defaults()}.
     *
     * @return the settings
     */
    public static ReviewSettings defaults() {
        return new ReviewSettings(Duration.ofDays(15), Duration.ofDays(30), RatingPolicy.defaults());
    }
}
