package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import java.util.Arrays;

/**
 * Kind 11, member percent discount (e.g. 88VIP 95%): a price level at the list unit price minus
 * {@code rate}, rounded once per unit price. Restrict the tiers in the terms. Price-level lane.
 *
 * @param terms the common terms, usually restricted to tiers
 * @param scope the lines
 * @param rate the member discount rate
 */
public record MemberPercentOff(PromotionTerms terms, Scope scope, Rate rate) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "member-percent-off";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing
     */
    public MemberPercentOff {
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
        return Lane.PRICE_LEVEL;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        int n = context.lineCount();
        long[] prices = new long[n];
        long[] units = new long[n];
        Arrays.fill(prices, -1);
        boolean any = false;
        boolean[] in = context.linesIn(scope);
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                long list = context.listUnitPrice(i);
                prices[i] = list - rate.applyToMinor(list, context.rounding());
                units[i] = Long.MAX_VALUE;
                any = true;
            }
        }
        return any ? Outcome.applied(new Effect.PriceOffers(prices, units), () -> "member " + rate + " off")
                : Rules.noMatchingLines();
    }
}
