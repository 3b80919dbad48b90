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
 * Kind 14, pre-sale (定金 / 尾款): the buyer pays {@code deposit} per unit now, and it counts as
 * {@code depositValue} per unit against the price (pay 50, worth 100). The difference is a line
 * discount (funded by the seller by default); the result prices the line as two payments, the
 * deposit now and the balance later ({@link dev.mercato.pricing.promotion.DepositSchedule}).
 * Item lane.
 *
 * @param terms the common terms
 * @param scope the pre-sale lines
 * @param deposit the deposit per unit, positive
 * @param depositValue what the deposit counts for per unit, at least {@code deposit}
 */
public record PreSale(PromotionTerms terms, Scope scope, MonetaryAmount deposit, MonetaryAmount depositValue)
        implements Promotion {

    /** The kind's name. */
    public static final String KIND = "pre-sale";

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException if a value is missing, the deposit not positive or worth less than it costs
     */
    public PreSale {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(scope, "scope");
        Rules.requirePositive(deposit, "deposit");
        Rules.requirePositive(depositValue, "depositValue");
        if (depositValue.isLessThan(deposit)) {
            throw new InvalidInputException("depositValue", depositValue, "must be at least the deposit " + deposit);
        }
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
        long paid = context.minor(deposit);
        long worth = context.minor(depositValue);
        long[] bonus = new long[in.length];
        long[] deposits = new long[in.length];
        for (int i = 0; i < in.length; i++) {
            if (in[i]) {
                long quantity = context.line(i).quantity();
                bonus[i] = Rules.times(worth - paid, quantity);
                deposits[i] = Rules.times(paid, quantity);
            }
        }
        CurrencyUnit currency = context.currency();
        return Outcome.applied(new Effect.Deposits(bonus, deposits),
                () -> "deposit " + Rules.text(paid, currency) + " counts as " + Rules.text(worth, currency));
    }
}
