package dev.mercato.pricing.fee;

import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Revenue share (分成) for the creators and referrers who brought a buyer: level 1 (the party
 * nearest the sale, first in {@link dev.mercato.pricing.commission.SaleLine#attribution()})
 * gets {@code levelRates[0]} of the line's base, level 2 gets {@code levelRates[1]}, and so on.
 * Parties beyond the configured levels get nothing. Shares are borne by the seller, each rounded
 * once, and reversed in proportion on refund.
 *
 * @param levelRates the rate per level, nearest first; at most {@code maxLevels}, summing to at most 100%
 * @param base what the rates are charged on
 * @param maxLevels how many levels the platform allows (the default is 2)
 */
public record RevenueSharePolicy(List<Rate> levelRates, ChargeBase base, int maxLevels) {

    /** The default limit on levels: a creator and the one who referred that creator. */
    public static final int DEFAULT_MAX_LEVELS = 2;

    /**
     * Validates the policy.
     *
     * @throws InvalidInputException if there are more levels than allowed or the rates sum above 100%
     */
    public RevenueSharePolicy {
        InvalidInputException.requireNonNull(levelRates, "levelRates");
        levelRates = List.copyOf(levelRates);
        InvalidInputException.requireNonNull(base, "base");
        if (maxLevels < 1) {
            throw new InvalidInputException("maxLevels", maxLevels, "must be at least 1");
        }
        if (levelRates.size() > maxLevels) {
            throw new InvalidInputException("levelRates", levelRates, "has more than " + maxLevels + " levels");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Rate r : levelRates) {
            sum = sum.add(r.fraction());
        }
        if (sum.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("levelRates", levelRates, "must sum to at most 100%");
        }
    }

    /**
     * A policy with the default limit of {@value #DEFAULT_MAX_LEVELS} levels.
     *
     * @param base what the rates are charged on
     * @param levelRates the rate per level, nearest first
     * @return the policy
     */
    public static RevenueSharePolicy of(ChargeBase base, Rate... levelRates) {
        return new RevenueSharePolicy(Arrays.asList(levelRates), base, DEFAULT_MAX_LEVELS);
    }
}
