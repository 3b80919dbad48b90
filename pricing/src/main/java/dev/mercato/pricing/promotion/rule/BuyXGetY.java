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
 * Kind 6, buy X get Y: every application needs {@code buy} units from the buy set
 * ({@code scope}) and discounts {@code get} further units from the get set ({@code getScope}),
 * {@code rate} off (100% for free). A unit counts once: a unit in both sets is either bought or
 * got. The number of applications is the most the cart allows, at most {@code maxApplications}.
 * The discounted units are picked from the get set {@link Pick#CHEAPEST cheapest} or
 * {@link Pick#MOST_EXPENSIVE most expensive} first, by current unit amount (line amount /
 * quantity), ties in canonical line order, never so many from lines in both sets that too few are
 * left to buy. With one set for both (the short constructor) every full group of
 * {@code buy + get} units makes its {@code get} cheapest units free. Computed arithmetically,
 * never per unit: a line of 6000 units costs the same as a line of one. Each line's discount is
 * rounded once. Item lane.
 *
 * @param terms the common terms
 * @param scope the buy set: units that count towards {@code buy}
 * @param buy units to pay for per application, at least 1
 * @param get units discounted per application, at least 1
 * @param rate the discount on those units, 100% for free
 * @param getScope the get set: units that may be discounted
 * @param pick which units of the get set are discounted first
 * @param maxApplications the most applications per order, at least 1 ({@link Long#MAX_VALUE} for no limit)
 */
public record BuyXGetY(PromotionTerms terms, Scope scope, long buy, long get, Rate rate, Scope getScope, Pick pick,
        long maxApplications) implements Promotion {

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
        InvalidInputException.requireNonNull(getScope, "getScope");
        InvalidInputException.requireNonNull(pick, "pick");
        Rules.requireAtLeast(maxApplications, 1, "maxApplications");
    }

    /**
     * One set for buying and getting, cheapest units discounted, no limit per order.
     *
     * @param terms the common terms
     * @param scope the units that count and may be discounted
     * @param buy units to pay for per group, at least 1
     * @param get units discounted per group, at least 1
     * @param rate the discount on those units, 100% for free
     * @throws InvalidInputException if a value is missing or a count is below 1
     */
    public BuyXGetY(PromotionTerms terms, Scope scope, long buy, long get, Rate rate) {
        this(terms, scope, buy, get, rate, scope, Pick.CHEAPEST, Long.MAX_VALUE);
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
        boolean[] buys = context.linesIn(scope);
        boolean[] gets = context.linesIn(getScope);
        int n = buys.length;
        long onlyBuy = 0;
        long onlyGet = 0;
        long both = 0;
        int count = 0;
        boolean any = false;
        for (int i = 0; i < n; i++) {
            long q = context.line(i).quantity();
            if (buys[i] && gets[i]) {
                both = Exact.add(both, q);
            } else if (buys[i]) {
                onlyBuy = Exact.add(onlyBuy, q);
            } else if (gets[i]) {
                onlyGet = Exact.add(onlyGet, q);
            }
            any |= buys[i] || gets[i];
            if (gets[i]) {
                count++;
            }
        }
        if (!any) {
            return Rules.noMatchingLines();
        }
        // k applications need k*buy units from buy-only or shared lines, k*get from get-only or
        // shared lines, and k*(buy+get) units in all.
        long applications = Math.min(Exact.add(onlyBuy, both) / buy, Exact.add(onlyGet, both) / get);
        applications = Math.min(applications, Exact.add(Exact.add(onlyBuy, onlyGet), both) / Exact.add(buy, get));
        applications = Math.min(applications, maxApplications);
        if (applications == 0) {
            return Outcome.rejected(new RejectionReason.BelowQuantity(Exact.add(buy, get), Exact.add(Exact.add(onlyBuy, onlyGet), both)));
        }
        long discounted = Exact.multiply(applications, get);
        long sharedForGetting = Exact.add(onlyBuy, both) - Exact.multiply(applications, buy); // shared units that may be got
        Integer[] order = new Integer[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (gets[i]) {
                order[k++] = i;
            }
        }
        boolean dearestFirst = pick == Pick.MOST_EXPENSIVE;
        Arrays.sort(order, (a, b) -> compareUnitAmounts(context, a, b, dearestFirst));
        long[] amounts = new long[n];
        long left = discounted;
        for (int k = 0; k < count && left > 0; k++) {
            int i = order[k];
            long quantity = context.line(i).quantity();
            long take = Math.min(left, quantity);
            if (buys[i]) {
                take = Math.min(take, sharedForGetting);
                sharedForGetting -= take;
            }
            if (take == 0) {
                continue;
            }
            left -= take;
            BigDecimal exact = BigDecimal.valueOf(context.currentAmount(i)).multiply(BigDecimal.valueOf(take))
                    .multiply(rate.fraction());
            amounts[i] = Rules.toMinor(exact.divide(BigDecimal.valueOf(quantity), 0, context.rounding().mode()));
        }
        long inScope = Exact.add(Exact.add(onlyBuy, onlyGet), both);
        return Outcome.applied(new Effect.LineDiscounts(amounts), () -> discounted + " of " + inScope + " units at "
                + rate + " off (buy " + buy + " get " + get + ")");
    }

    private static int compareUnitAmounts(PromotionContext c, int a, int b, boolean dearestFirst) {
        // amount_a / q_a versus amount_b / q_b, exactly: amount_a * q_b versus amount_b * q_a.
        BigDecimal left = BigDecimal.valueOf(c.currentAmount(a)).multiply(BigDecimal.valueOf(c.line(b).quantity()));
        BigDecimal right = BigDecimal.valueOf(c.currentAmount(b)).multiply(BigDecimal.valueOf(c.line(a).quantity()));
        int byAmount = dearestFirst ? right.compareTo(left) : left.compareTo(right);
        return byAmount != 0 ? byAmount : Integer.compare(a, b);
    }
}
