package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import javax.money.MonetaryAmount;

/**
 * One band of a tiered rate: from {@code from} (inclusive) of the seller's period GMV up to the
 * next band's {@code from} (exclusive), or without limit for the last band.
 *
 * @param from where the band starts, never negative; the first band starts at zero
 * @param rate the band's rate
 */
public record Tier(MonetaryAmount from, Rate rate) {
    /** Validates the band. */
    public Tier {
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(rate, "rate");
        if (from.isNegative()) {
            throw new InvalidInputException("from", from, "must not be negative");
        }
    }
}
