package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * What points are worth as a cash offset at checkout: {@code pointsPerUnit} points buy one major
 * currency unit (100 points = 1 yuan), the offset may cover at most {@code maxShareOfOrder} of
 * the order, and fewer than {@code minimumPoints} points are not redeemed.
 *
 * <p>The offset is rounded down to the minor unit and the member pays exactly the points that
 * offset is worth (rounded up), which is never more than offered: a member never pays for a
 * fraction of a minor unit they did not get. Immutable and thread-safe.
 *
 * @param pointsPerUnit points per major currency unit, positive
 * @param maxShareOfOrder the largest share of the order the offset may cover
 * @param minimumPoints the fewest points a redemption uses, not negative
 */
public record RedemptionPolicy(long pointsPerUnit, Rate maxShareOfOrder, long minimumPoints) {

    /**
     * Validates the policy.
     *
     * @throws InvalidInputException if a value is missing, the rate not positive or the minimum negative
     */
    public RedemptionPolicy {
        if (pointsPerUnit <= 0) {
            throw new InvalidInputException("pointsPerUnit", pointsPerUnit, "must be positive");
        }
        InvalidInputException.requireNonNull(maxShareOfOrder, "maxShareOfOrder");
        if (minimumPoints < 0) {
            throw new InvalidInputException("minimumPoints", minimumPoints, "must not be negative");
        }
    }

    /**
     * The offset a number of points buys, ignoring the order share.
     *
     * @param points the points, not negative
     * @param currency the order's currency
     * @return minor units, rounded down
     */
    public long offsetMinor(long points, CurrencyUnit currency) {
        requireNotNegative(points);
        return Exact.multiply(points, MinorUnits.unitsPerMajor(currency)) / pointsPerUnit;
    }

    /**
     * The points an offset costs.
     *
     * @param offsetMinor the offset in minor units, not negative
     * @param currency the order's currency
     * @return the points, rounded up
     */
    public long pointsForMinor(long offsetMinor, CurrencyUnit currency) {
        if (offsetMinor < 0) {
            throw new InvalidInputException("offsetMinor", offsetMinor, "must not be negative");
        }
        long units = MinorUnits.unitsPerMajor(currency);
        long numerator = Exact.multiply(offsetMinor, pointsPerUnit);
        return numerator / units + (numerator % units == 0 ? 0 : 1);
    }

    /**
     * The largest offset allowed on an order amount.
     *
     * @param orderMinor the order amount in minor units, not negative
     * @return minor units, rounded down
     */
    public long maxOffsetMinor(long orderMinor) {
        return maxShareOfOrder.applyToMinor(orderMinor, RoundingPolicy.DOWN);
    }

    /**
     * Quotes redeeming up to {@code pointsOffered} against an order, in minor units.
     *
     * @param pointsOffered the points the member offers, not negative
     * @param orderMinor the order amount the offset applies to, minor units, not negative
     * @param currency the order's currency
     * @return the quote; empty when below the minimum or nothing can be offset
     */
    public RedemptionQuote quoteMinor(long pointsOffered, long orderMinor, CurrencyUnit currency) {
        requireNotNegative(pointsOffered);
        if (orderMinor < 0) {
            throw new InvalidInputException("orderMinor", orderMinor, "must not be negative");
        }
        if (pointsOffered < minimumPoints) {
            return new RedemptionQuote(0, MinorUnits.toAmount(0, currency));
        }
        long offset = Math.min(offsetMinor(pointsOffered, currency), maxOffsetMinor(orderMinor));
        long points = pointsForMinor(offset, currency);
        if (points < minimumPoints) {
            return new RedemptionQuote(0, MinorUnits.toAmount(0, currency));
        }
        return new RedemptionQuote(points, MinorUnits.toAmount(offset, currency));
    }

    /**
     * Quotes redeeming up to {@code pointsOffered} against an order.
     *
     * @param pointsOffered the points the member offers, not negative
     * @param order the order amount the offset applies to, not negative
     * @return the quote, in the order's currency
     */
    public RedemptionQuote quote(long pointsOffered, MonetaryAmount order) {
        InvalidInputException.requireNonNull(order, "order");
        return quoteMinor(pointsOffered, MinorUnits.toMinor(order), order.getCurrency());
    }

    private static void requireNotNegative(long points) {
        if (points < 0) {
            throw new InvalidInputException("points", points, "must not be negative");
        }
    }
}
