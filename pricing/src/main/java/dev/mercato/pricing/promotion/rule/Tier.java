package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * One step of a tiered spend-X-save-Y: spend at least {@code threshold}, save {@code off}.
 *
 * @param threshold the spend that unlocks the tier, positive
 * @param off the saving, positive
 */
public record Tier(MonetaryAmount threshold, MonetaryAmount off) {
    /**
     * Validates the tier.
     *
     * @throws InvalidInputException if a value is missing or not positive
     */
    public Tier {
        Rules.requirePositive(threshold, "threshold");
        Rules.requirePositive(off, "off");
    }
}
