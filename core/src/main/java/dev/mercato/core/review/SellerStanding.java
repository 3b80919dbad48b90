package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A seller's rating and whether it is demoted, as of {@code asOf}. Immutable.
 *
 * @param rating the rating over the window
 * @param demoted whether the seller is demoted
 * @param since when the demotion flag last changed (first computed, demoted or reinstated)
 * @param asOf when this standing was computed
 */
public record SellerStanding(Rating rating, boolean demoted, Instant since, Instant asOf) {
    /** Validates the fields. */
    public SellerStanding {
        InvalidInputException.requireNonNull(rating, "rating");
        InvalidInputException.requireNonNull(since, "since");
        InvalidInputException.requireNonNull(asOf, "asOf");
    }
}
