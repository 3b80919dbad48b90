package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import java.util.List;
import javax.money.CurrencyUnit;

/**
 * Kind 1, percent off: {@code rate} of the current amount of the lines in scope (a SKU, a
 * category, a seller or everything). The discount is computed on the lines' sum, rounded once
 * and prorated over them by amount. Item lane.
 *
 * @param terms the common terms
 * @param scope the lines it applies to
 * @param rate the discount rate, e.g. 10%
 */
public record PercentOff(PromotionTerms terms, Scope scope, Rate rate) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "percent-off";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing
     */
    public PercentOff {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(rate, "rate");
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
        long base = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                base = Exact.add(base, context.currentAmount(i));
            }
        }
        long discount = rate.applyToMinor(base, context.rounding());
        long measured = base;
        CurrencyUnit currency = context.currency();
        return Rules.pooled(List.of(Rules.pool(context, in, -1, discount)),
                () -> rate + " off " + Rules.text(measured, currency));
    }
}
