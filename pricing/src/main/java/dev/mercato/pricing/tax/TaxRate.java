package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.time.Instant;
import java.util.Optional;

/**
 * One row of a tax table: the rate of a category in a region from an instant, until another
 * (half-open). Immutable.
 *
 * @param region the region code
 * @param category the tax category, e.g. {@code "standard"}, {@code "food"}, {@code "shipping"}
 * @param rate the rate, e.g. 13%
 * @param from the first instant it applies
 * @param until the first instant it no longer applies; empty for open-ended
 */
public record TaxRate(String region, String category, Rate rate, Instant from, Optional<Instant> until) {

    /**
     * Validates the row.
     *
     * @throws InvalidInputException if a value is missing or the period is empty
     */
    public TaxRate {
        InvalidInputException.requireNonNull(region, "region");
        InvalidInputException.requireNonNull(category, "category");
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(until, "until");
        if (until.isPresent() && !until.get().isAfter(from)) {
            throw new InvalidInputException("until", until.get(), "must be after from (" + from + ")");
        }
    }

    /**
     * An open-ended rate.
     *
     * @param region the region code
     * @param category the category
     * @param rate the rate
     * @param from the first instant it applies
     * @return the row
     */
    public static TaxRate from(String region, String category, Rate rate, Instant from) {
        return new TaxRate(region, category, rate, from, Optional.empty());
    }

    /**
     * Whether the row applies at an instant.
     *
     * @param at the instant
     * @return {@code true} if {@code from <= at < until}
     */
    public boolean appliesAt(Instant at) {
        return !at.isBefore(from) && (until.isEmpty() || at.isBefore(until.get()));
    }

    boolean overlaps(TaxRate other) {
        boolean thisEndsFirst = until.isPresent() && !until.get().isAfter(other.from);
        boolean otherEndsFirst = other.until.isPresent() && !other.until.get().isAfter(from);
        return !thisEndsFirst && !otherEndsFirst;
    }
}
