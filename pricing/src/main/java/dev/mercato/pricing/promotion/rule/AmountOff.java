package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 2, amount off: a fixed amount off each unit of the lines in scope, never taking a line
 * below zero. Item lane.
 *
 * @param terms the common terms
 * @param scope the lines it applies to
 * @param perUnit the amount off each unit, positive
 */
public record AmountOff(PromotionTerms terms, Scope scope, MonetaryAmount perUnit) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "amount-off";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the amount not positive
     */
    public AmountOff {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requirePositive(perUnit, "perUnit");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.ITEM;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        long unit = context.minor(perUnit);
        long[] amounts = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                amounts[i] = Rules.times(unit, context.line(i).quantity());
            }
        }
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.LineDiscounts(amounts), () -> Rules.text(unit, currency) + " off each unit");
    }
}
