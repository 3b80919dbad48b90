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
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Kind 16, first-item / additional-item prices: on each line in scope (one SKU of one shop) the
 * first unit costs {@code firstUnitPrice} and every further unit {@code additionalUnitPrice}. The
 * discount is the line's current amount minus that price, and nothing when the line already
 * costs less (the rule never raises a price). Item lane.
 *
 * @param terms the common terms
 * @param scope the lines it applies to
 * @param firstUnitPrice the price of a line's first unit, not negative
 * @param additionalUnitPrice the price of each further unit, not negative
 */
public record FirstAndAdditionalPrice(PromotionTerms terms, Scope scope, MonetaryAmount firstUnitPrice,
        MonetaryAmount additionalUnitPrice) implements Promotion {

    /** The kind's name. */
    public static final String KIND = "first-and-additional-price";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing or negative
     */
    public FirstAndAdditionalPrice {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requireNonNegative(firstUnitPrice, "firstUnitPrice");
        Rules.requireNonNegative(additionalUnitPrice, "additionalUnitPrice");
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
        long first = context.minor(firstUnitPrice);
        long additional = context.minor(additionalUnitPrice);
        long[] amounts = new long[in.length];
        boolean any = false;
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                long price = Exact.add(first, Rules.times(additional, context.line(i).quantity() - 1));
                amounts[i] = Math.max(0, context.currentAmount(i) - price);
                any |= amounts[i] > 0;
            }
        }
        if (!any) {
            return Outcome.rejected(new RejectionReason.PriceLevelIsLower("every line in scope already costs less"));
        }
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.LineDiscounts(amounts), () -> "first unit " + Rules.text(first, currency)
                + ", each further unit " + Rules.text(additional, currency));
    }
}
