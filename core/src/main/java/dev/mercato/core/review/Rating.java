package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A seller's rating over the policy's window, kept as the exact fraction {@code weightedStars /
 * totalWeight} (see {@link RatingPolicy}). Immutable.
 *
 * @param sellerId the seller
 * @param reviews how many reviews are in the window
 * @param weightedStars the sum of weight x stars
 * @param totalWeight the sum of weights; zero when there are no reviews
 */
public record Rating(String sellerId, long reviews, long weightedStars, long totalWeight) {
    /** Validates the fields. */
    public Rating {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (reviews < 0 || weightedStars < 0 || totalWeight < 0 || (totalWeight == 0) != (reviews == 0)) {
            throw new InvalidInputException("rating", reviews + "/" + weightedStars + "/" + totalWeight,
                    "must be non-negative, with a weight exactly when there are reviews");
        }
    }

    /**
     * The average, rounded half-even to two decimals, for display.
     *
     * @return e.g. 4.33; empty without reviews
     */
    public Optional<BigDecimal> average() {
        return totalWeight == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(weightedStars)
                .divide(BigDecimal.valueOf(totalWeight), 2, RoundingMode.HALF_EVEN));
    }

    /**
     * Whether the exact average is below a threshold (no rounding: 3.999 is below 4.0).
     *
     * @param threshold the threshold
     * @return {@code true} if there are reviews and the average is below it
     */
    public boolean isBelow(BigDecimal threshold) {
        InvalidInputException.requireNonNull(threshold, "threshold");
        return totalWeight > 0 && BigDecimal.valueOf(weightedStars).compareTo(threshold.multiply(BigDecimal.valueOf(totalWeight))) < 0;
    }
}
