package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;

/**
 * Kind 15, an item discount limited to a maximum quantity per order ("20% off, at most 2 per
 * order"): {@code off} applies to at most {@code maxQuantity} units in scope, the units with the
 * highest current unit amount first (where it saves the most), ties in canonical line order. Each
 * line's discount is rounded once. Item lane.
 *
 * @param terms the common terms
 * @param scope the lines it applies to
 * @param off what it takes off each unit
 * @param maxQuantity the most units discounted per order, at least 1
 */
public record QuantityLimitedDiscount(PromotionTerms terms, Scope scope, UnitOff off, long maxQuantity)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "quantity-limited-discount";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or the quantity below 1
     */
    public QuantityLimitedDiscount {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        InvalidInputException.requireNonNull(off, "off");
        Rules.requireAtLeast(maxQuantity, 1, "maxQuantity");
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
        int[] order = Rules.byUnitAmount(context, in, true);
        long[] amounts = new long[in.length];
        long left = maxQuantity;
        long units = 0;
        for (int i : order) {
            if (left == 0) {
                break;
            }
            long quantity = context.line(i).quantity();
            long take = Math.min(left, quantity);
            left -= take;
            units += take;
            amounts[i] = off.on(context, context.currentAmount(i), quantity, take);
        }
        long discounted = units;
        return Outcome.applied(new Effect.LineDiscounts(amounts), () -> off + " on " + discounted + " unit"
                + (discounted == 1 ? "" : "s") + " (at most " + maxQuantity + " per order)");
    }
}
