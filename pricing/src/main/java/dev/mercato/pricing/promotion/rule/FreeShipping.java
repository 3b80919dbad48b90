package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
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
 * Kind 10, free shipping over a threshold: each seller whose lines in scope reach
 * {@code threshold} (measured after every merchandise lane, i.e. on what the buyer pays for
 * them) ships free. A zero threshold expresses a membership free-shipping benefit (restrict it
 * with tiers). Shipping lane.
 *
 * @param terms the common terms
 * @param scope the lines that count; its sellers restrict which shops ship free
 * @param threshold the spend per seller, zero for always
 */
public record FreeShipping(PromotionTerms terms, Scope scope, MonetaryAmount threshold) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "free-shipping";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the threshold negative
     */
    public FreeShipping {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(threshold, "threshold");
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Lane lane() {
        return Lane.SHIPPING;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        boolean[] in = Rules.inScope(context, scope);
        if (in == null) {
            return Rules.noMatchingLines();
        }
        long[] spend = new long[context.sellerCount()];
        boolean[] present = new boolean[spend.length];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                spend[context.sellerOf(i)] = Exact.add(spend[context.sellerOf(i)], context.laneStartAmount(i));
                present[context.sellerOf(i)] = true;
            }
        }
        long min = context.minor(threshold);
        long[] discounts = new long[spend.length];
        long best = -1;
        boolean any = false;
        for (int s = 0; s < spend.length; s++) {
            if (!present[s]) {
                continue;
            }
            if (spend[s] >= min) {
                discounts[s] = context.shippingLeft(s);
                any = true;
            } else {
                best = Math.max(best, spend[s]);
            }
        }
        if (!any) {
            return Outcome.rejected(Rules.belowThreshold(context, min, best));
        }
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.ShippingDiscounts(discounts), () -> "free shipping from " + Rules.text(min, currency));
    }
}
