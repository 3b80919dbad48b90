package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import javax.money.MonetaryAmount;

/**
 * Kind 5, threshold percent (满折): when the lines in scope reach {@code minItems} units and
 * {@code minSpend} (both, when both are set), {@code rate} comes off their current amount,
 * e.g. 2 items or more, 10% off. Per shop or across shops.
 *
 * @param terms the common terms
 * @param scope the lines that count and get the discount
 * @param reach per shop or across shops
 * @param minItems the fewest units, 0 for no unit condition
 * @param minSpend the least spend, zero for no spend condition
 * @param rate the discount rate
 * @param measure what the spend is measured on
 */
public record ThresholdPercentOff(PromotionTerms terms, Scope scope, Reach reach, long minItems,
        MonetaryAmount minSpend, Rate rate, Measure measure) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "threshold-percent-off";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or negative, or neither condition is set
     */
    public ThresholdPercentOff {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(reach, "reach");
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(measure, "measure");
        Rules.requireAtLeast(minItems, 0, "minItems");
        Rules.requireNonNegative(minSpend, "minSpend");
        if (minItems == 0 && minSpend.isZero()) {
            throw new InvalidInputException("minItems", minItems, "or minSpend must be set");
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return reach == Reach.PER_SHOP ? Lane.SHOP : Lane.PLATFORM;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        long spend = context.minor(minSpend);
        return ThresholdGroups.evaluate(context, in, reach, measure, (measured, current, items) ->
                items < minItems || measured < spend ? -1 : rate.applyToMinor(current, context.rounding()),
                (measured, items) -> items < minItems
                        ? new RejectionReason.BelowQuantity(minItems, items)
                        : Rules.belowThreshold(context, spend, measured));
    }
}
