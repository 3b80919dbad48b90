package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * What redeeming points at checkout does: how many points are spent and the cash offset they
 * buy. Immutable and thread-safe.
 *
 * @param points the points spent, not negative; never more than offered
 * @param offset the cash offset, in the order's currency, not negative
 */
public record RedemptionQuote(long points, MonetaryAmount offset) {

    /**
     * Validates the quote.
     *
     * @throws InvalidInputException if a value is missing or negative
     */
    public RedemptionQuote {
        if (points < 0) {
            throw new InvalidInputException("points", points, "must not be negative");
        }
        InvalidInputException.requireNonNull(offset, "offset");
        if (offset.isNegative()) {
            throw new InvalidInputException("offset", offset, "must not be negative");
        }
    }

    /**
     * Whether nothing is redeemed.
     *
     * @return {@code true} when no points are spent
     */
    public boolean isEmpty() {
        return points == 0;
    }
}
