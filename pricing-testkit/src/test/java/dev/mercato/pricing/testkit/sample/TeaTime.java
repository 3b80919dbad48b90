package dev.mercato.pricing.testkit.sample;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RejectionReason;
import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/**
 * A pricing team's own rule, as a team would write it against the public API: "tea time" -
 * when the lines of a category reach a minimum spend (measured when the item lane starts),
 * every line of the category gets a percentage off (rounded once per line) and the priciest of
 * them a further treat, never more than that line has left. Item lane.
 *
 * <p>{@link Flaw} plants one realistic mistake, so that the testkit's suite can be measured on
 * how many it catches; {@link Flaw#NONE} is the correct rule.
 *
 * @param terms the common terms
 * @param category the category whose lines count and get the discount
 * @param threshold the minimum spend on those lines
 * @param rate the percentage off each line
 * @param treat the further amount off the priciest line
 * @param flaw the planted mistake, or {@link Flaw#NONE}
 */
public record TeaTime(PromotionTerms terms, String category, MonetaryAmount threshold, Rate rate,
        MonetaryAmount treat, Flaw flaw) implements Promotion {

    /** Planted mistakes, one per variant. */
    public enum Flaw {
        /** The correct rule. */
        NONE,
        /** Rejects a spend exactly at the threshold ({@code <=} for {@code <}). */
        OFF_BY_ONE_THRESHOLD,
        /** Rounds the percentage on each unit's price, then multiplies by the quantity. */
        PER_UNIT_ROUNDING,
        /** Converts the threshold to minor units as if every currency had 2 decimals. */
        CURRENCY_DECIMALS,
        /** Gives the treat in full, whatever the priciest line has left. */
        DISCOUNT_BEYOND_THE_LINE,
        /** Subtracts the wrong way round when capping the treat. */
        SIGN_ERROR,
        /** Stops at the line that reaches the threshold and discounts only the lines seen so far. */
        ORDER_DEPENDENCE
    }

    /**
     * The correct rule.
     *
     * @param terms the common terms
     * @param category the category whose lines count and get the discount
     * @param threshold the minimum spend on those lines
     * @param rate the percentage off each line
     * @param treat the further amount off the priciest line
     */
    public TeaTime(PromotionTerms terms, String category, MonetaryAmount threshold, Rate rate, MonetaryAmount treat) {
        this(terms, category, threshold, rate, treat, Flaw.NONE);
    }

    @Override
    public String kind() {
        return "tea-time";
    }

    @Override
    public Lane lane() {
        return Lane.ITEM;
    }

    @Override
    public Outcome evaluate(PromotionContext context) {
        int n = context.lineCount();
        long min = flaw == Flaw.CURRENCY_DECIMALS
                ? threshold.getNumber().numberValue(BigDecimal.class).movePointRight(2).longValueExact()
                : context.minor(threshold);
        boolean[] in = new boolean[n];
        long spent = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (context.line(i).categoryPath().contains(category)) {
                in[i] = true;
                any = true;
                spent += context.laneStartAmount(i);
                if (flaw == Flaw.ORDER_DEPENDENCE && spent >= min) {
                    break;
                }
            }
        }
        if (!any) {
            return Outcome.rejected(new RejectionReason.NoMatchingLines());
        }
        boolean below = flaw == Flaw.OFF_BY_ONE_THRESHOLD ? spent <= min : spent < min;
        if (below) {
            return Outcome.rejected(new RejectionReason.BelowThreshold(context.amount(min), context.amount(spent),
                    context.amount(min - spent)));
        }
        long[] off = new long[n];
        int priciest = -1;
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                continue;
            }
            long current = context.currentAmount(i);
            off[i] = flaw == Flaw.PER_UNIT_ROUNDING
                    ? rate.applyToMinor(context.listUnitPrice(i), context.rounding()) * context.line(i).quantity()
                    : rate.applyToMinor(current, context.rounding());
            off[i] = Math.min(off[i], current);
            if (priciest < 0 || current > context.currentAmount(priciest)) {
                priciest = i;
            }
        }
        long extra = context.minor(treat);
        long left = context.currentAmount(priciest) - off[priciest];
        off[priciest] += switch (flaw) {
            case DISCOUNT_BEYOND_THE_LINE -> extra;
            case SIGN_ERROR -> Math.min(extra, off[priciest] - context.currentAmount(priciest));
            default -> Math.min(extra, left);
        };
        String spentText = context.format(spent);
        return Outcome.applied(new Effect.LineDiscounts(off), () -> "spent " + spentText + " on " + category);
    }
}
