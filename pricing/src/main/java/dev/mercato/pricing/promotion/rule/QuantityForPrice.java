package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 17, a fixed price for N units ("any 3 for 100"): every full group of {@code quantity}
 * units in scope costs {@code price}, at most {@code maxApplications} groups per order. The
 * groups take the units with the highest current unit amount first (where the price saves the
 * most), ties in canonical line order. The saving is the grouped units' value (line amount /
 * quantity per unit, rounded once per line) minus the groups' price, one rounded amount prorated
 * over the grouped lines by their grouped value. Item lane.
 *
 * @param terms the common terms
 * @param scope the units that count
 * @param quantity units per group, at least 1
 * @param price the price of one group, not negative
 * @param maxApplications the most groups per order, at least 1 ({@link Long#MAX_VALUE} for no limit)
 */
public record QuantityForPrice(PromotionTerms terms, Scope scope, long quantity, MonetaryAmount price,
        long maxApplications) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "quantity-for-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public QuantityForPrice {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireAtLeast(quantity, 1, "quantity");
        Rules.requireNonNegative(price, "price");
        Rules.requireAtLeast(maxApplications, 1, "maxApplications");
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
        long units = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                units = Exact.add(units, context.line(i).quantity());
            }
        }
        long groups = Math.min(units / quantity, maxApplications);
        if (groups == 0) {
            return Outcome.rejected(new RejectionReason.BelowQuantity(quantity, units));
        }
        long left = Exact.multiply(groups, quantity);
        long[] weights = new long[in.length];
        long value = 0;
        for (int i : Rules.byUnitAmount(context, in, true)) {
            if (left == 0) {
                break;
            }
            long q = context.line(i).quantity();
            long take = Math.min(left, q);
            left -= take;
            weights[i] = Rules.mulDiv(context.currentAmount(i), take, q, context.rounding());
            value = Exact.add(value, weights[i]);
        }
        long pay = Rules.times(context.minor(price), groups);
        if (value <= pay) {
            return Outcome.rejected(new RejectionReason.PriceLevelIsLower("the units already cost "
                    + Rules.text(value, context.currency()) + ", not more than " + Rules.text(pay, context.currency())));
        }
        long saving = value - pay;
        long count = groups;
        long each = context.minor(price);
        CurrencyUnit currency = context.currency();
        return Rules.pooled(List.of(new Effect.Pool(saving, weights)), () -> count + " x " + quantity + " units for "
                + Rules.text(each, currency) + " each, saves " + Rules.text(saving, currency));
    }
}
