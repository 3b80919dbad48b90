package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * One tier of a {@link ShippingDiscount}: from {@code threshold} of merchandise spend, either a
 * percentage or a fixed amount off shipping.
 *
 * @param threshold the spend from which the tier applies, not negative
 * @param percent the percentage off shipping, or empty
 * @param off the fixed amount off shipping, or empty; exactly one of the two is present
 */
public record ShippingTier(MonetaryAmount threshold, Optional<Rate> percent, Optional<MonetaryAmount> off) {

    /**
     * Validates the tier.
     *
     * @throws InvalidInputException if a value is missing, negative, or not exactly one of
     *     {@code percent} and {@code off} is present
     */
    public ShippingTier {
        Rules.requireNonNegative(threshold, "threshold");
        InvalidInputException.requireNonNull(percent, "percent");
        InvalidInputException.requireNonNull(off, "off");
        if (percent.isPresent() == off.isPresent()) {
            throw new InvalidInputException("percent", percent, "a shipping tier needs exactly one of percent or off");
        }
        off.ifPresent(o -> Rules.requirePositive(o, "off"));
    }

    /**
     * A percentage off shipping from a spend.
     *
     * @param threshold the spend
     * @param rate the rate
     * @return the tier
     */
    public static ShippingTier percent(MonetaryAmount threshold, Rate rate) {
        return new ShippingTier(threshold, Optional.of(rate), Optional.empty());
    }

    /**
     * A fixed amount off shipping from a spend.
     *
     * @param threshold the spend
     * @param off the amount
     * @return the tier
     */
    public static ShippingTier amount(MonetaryAmount threshold, MonetaryAmount off) {
        return new ShippingTier(threshold, Optional.empty(), Optional.of(off));
    }
}
