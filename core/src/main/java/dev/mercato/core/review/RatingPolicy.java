package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How a seller's rating is computed and when it demotes the seller. Immutable.
 *
 * <p>The rating is the weighted average of the stars (1 to 5) of the reviews submitted within the
 * last {@code window} (a review exactly {@code window} old no longer counts): a review submitted
 * within the last {@code recentWithin} weighs {@code recentWeight}, an older one weighs 1. So
 * {@code rating = sum(weight x stars) / sum(weight)}. A seller with at least {@code
 * minimumReviews} reviews in the window is demoted while its rating is below {@code
 * demoteBelow}, and reinstated once it is at or above it; with fewer reviews it is not demoted.
 *
 * @param window the rolling window, positive
 * @param recentWithin how recent a review must be to weigh more, positive, at most the window
 * @param recentWeight the weight of a recent review, at least 1
 * @param demoteBelow the threshold, from 1 to 5
 * @param minimumReviews the fewest reviews that can demote, at least 1
 */
public record RatingPolicy(Duration window, Duration recentWithin, int recentWeight, BigDecimal demoteBelow,
        int minimumReviews) {
    /** Validates the fields. */
    public RatingPolicy {
        InvalidInputException.requireNonNull(window, "window");
        InvalidInputException.requireNonNull(recentWithin, "recentWithin");
        if (window.isZero() || window.isNegative() || recentWithin.isZero() || recentWithin.isNegative()
                || recentWithin.compareTo(window) > 0) {
            throw new InvalidInputException("window", window + "/" + recentWithin,
                    "both must be positive and recentWithin at most the window");
        }
        if (recentWeight < 1) {
            throw new InvalidInputException("recentWeight", recentWeight, "must be at least 1");
        }
        InvalidInputException.requireNonNull(demoteBelow, "demoteBelow");
        if (demoteBelow.compareTo(BigDecimal.ONE) < 0 || demoteBelow.compareTo(BigDecimal.valueOf(5)) > 0) {
            throw new InvalidInputException("demoteBelow", demoteBelow, "must be from 1 to 5");
        }
        if (minimumReviews < 1) {
            throw new InvalidInputException("minimumReviews", minimumReviews, "must be at least 1");
        }
    }

    /**
     * The defaults: 180-day window, reviews of the last 30 days weigh 2, demoted below 4.0 with
     * at least 5 reviews.
     *
     * @return the policy
     */
    public static RatingPolicy defaults() {
        return new RatingPolicy(Duration.ofDays(180), Duration.ofDays(30), 2, new BigDecimal("4.0"), 5);
    }
}
