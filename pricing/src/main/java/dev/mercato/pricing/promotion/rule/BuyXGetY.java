package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Kind 6, buy X get Y: among the units in scope, every full group of {@code buy + get} units
 * makes {@code get} units free (or {@code rate} off when it is below 100%). The discounted units
 * are the <em>cheapest</em> ones, by current unit amount (line amount / quantity), ties in
 * canonical line order. Computed arithmetically, never per unit: a line of 6000 units costs the
 * same as a line of one. Each line's discount is rounded once. Item lane.
 *
 * @param terms the common terms
 * @param scope the units that count and may be discounted
 * @param buy units to pay for per group, at least 1
 * @param get units discounted per group, at least 1
 * @param rate the discount on those units, 100% for free
 */
public record BuyXGetY(PromotionTerms terms, Scope scope, long buy, long get, Rate rate) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "buy-x-get-y";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or a count is below 1
     */
    public BuyXGetY {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireAtLeast(buy, 1, "buy");
        Rules.requireAtLeast(get, 1, "get");
        if (get > Long.MAX_VALUE - buy) {
            throw new InvalidInputException("get", get, "added to buy (" + buy + ") leaves the range of whole numbers");
        }
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
        int n = in.length;
        long units = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (in[i]) {
                units = Exact.add(units, context.line(i).quantity());
                count++;
            }
        }
        long group = Exact.add(buy, get);
        long groups = units / group;
        if (groups == 0) {
            return Outcome.rejected(new RejectionReason.BelowQuantity(group, units));
        }
        long discounted = Exact.multiply(groups, get);
        Integer[] order = new Integer[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (in[i]) {
                order[k++] = i;
            }
        }
        Arrays.sort(order, (a, b) -> compareUnitAmounts(context, a, b));
        long[] amounts = new long[n];
        long left = discounted;
        for (int k = 0; k < count && left > 0; k++) {
            int i = order[k];
            long quantity = context.line(i).quantity();
            long take = Math.min(left, quantity);
            left -= take;
            BigDecimal exact = BigDecimal.valueOf(context.currentAmount(i)).multiply(BigDecimal.valueOf(take))
                    .multiply(rate.fraction());
            amounts[i] = Rules.toMinor(exact.divide(BigDecimal.valueOf(quantity), 0, context.rounding().mode()));
        }
        long inScope = units;
        return Outcome.applied(new Effect.LineDiscounts(amounts), () -> discounted + " of " + inScope + " units at "
                + rate + " off (buy " + buy + " get " + get + ")");
    }

    private static int compareUnitAmounts(PromotionContext c, int a, int b) {
        // amount_a / q_a versus amount_b / q_b, exactly: amount_a * q_b versus amount_b * q_a.
        BigDecimal left = BigDecimal.valueOf(c.currentAmount(a)).multiply(BigDecimal.valueOf(c.line(b).quantity()));
        BigDecimal right = BigDecimal.valueOf(c.currentAmount(b)).multiply(BigDecimal.valueOf(c.line(a).quantity()));
        int byAmount = left.compareTo(right);
        return byAmount != 0 ? byAmount : Integer.compare(a, b);
    }
}
