package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.MoneyOverflowException;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.Effect;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PromotionContext;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.Scope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** Helpers shared by the built-in kinds. */
final class Rules {
    private Rules() {}

    static void requireNonNegative(MonetaryAmount amount, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (amount.isNegative()) {
            throw new InvalidInputException(field, amount, "must not be negative");
        }
    }

    static void requirePositive(MonetaryAmount amount, String field) {
        InvalidInputException.requireNonNull(amount, field);
        if (!amount.isPositive()) {
            throw new InvalidInputException(field, amount, "must be positive");
        }
    }

    static void requireAtLeast(long value, long min, String field) {
        if (value < min) {
            throw new InvalidInputException(field, value, "must be at least " + min);
        }
    }

    static long measured(PromotionContext c, int i, Measure measure) {
        return measure == Measure.LIST ? c.listAmount(i) : c.laneStartAmount(i);
    }

    /** Marks the lines in scope; returns {@code null} when none is. */
    static boolean[] inScope(PromotionContext c, Scope scope) {
        boolean[] in = c.linesIn(scope);
        for (boolean b : in) {
            if (b) {
                return in;
            }
        }
        return null;
    }

    static Outcome noMatchingLines() {
        return Outcome.rejected(new RejectionReason.NoMatchingLines());
    }

    static RejectionReason belowThreshold(PromotionContext c, long threshold, long measured) {
        return new RejectionReason.BelowThreshold(c.amount(threshold), c.amount(measured),
                c.amount(threshold - measured));
    }

    /** A pool over the lines in {@code in} (restricted to one seller when {@code seller >= 0}) weighted by current amount. */
    static Effect.Pool pool(PromotionContext c, boolean[] in, int seller, long amount) {
        int n = c.lineCount();
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            if (in[i] && (seller < 0 || c.sellerOf(i) == seller)) {
                weights[i] = c.currentAmount(i);
            }
        }
        return new Effect.Pool(amount, weights);
    }

    static Outcome pooled(List<Effect.Pool> pools, Supplier<String> detail) {
        return Outcome.applied(new Effect.Pooled(pools), detail);
    }

    /** Minor units for an explanation, e.g. {@code "CNY 5.90"}. */
    static String text(long minorUnits, CurrencyUnit currency) {
        return MinorUnits.format(minorUnits, currency);
    }

    /** {@code round(a * b / c)} exactly, with one rounding. */
    static long mulDiv(long a, long b, long c, RoundingPolicy rounding) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
            return rounding.divide(low, c);
        }
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
                .divide(BigDecimal.valueOf(c), 0, rounding.mode());
        return toMinor(exact);
    }

    /** A whole decimal as minor units; one beyond the range of {@code long} is an overflow, never a raw exception. */
    static long toMinor(BigDecimal whole) {
        try {
            return whole.longValueExact();
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("conversion of " + whole + " to minor units", e);
        }
    }

    /**
     * The lines in {@code in}, ordered by current unit amount (line amount / quantity, compared
     * exactly), the highest first when {@code dearestFirst}, ties in canonical line order.
     */
    static int[] byUnitAmount(PromotionContext c, boolean[] in, boolean dearestFirst) {
        int count = 0;
        for (boolean b : in) {
            if (b) {
                count++;
            }
        }
        Integer[] order = new Integer[count];
        for (int i = 0, k = 0; i < in.length; i++) {
            if (in[i]) {
                order[k++] = i;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> {
            BigInteger left = BigInteger.valueOf(c.currentAmount(a)).multiply(BigInteger.valueOf(c.line(b).quantity()));
            BigInteger right = BigInteger.valueOf(c.currentAmount(b)).multiply(BigInteger.valueOf(c.line(a).quantity()));
            int byAmount = dearestFirst ? right.compareTo(left) : left.compareTo(right);
            return byAmount != 0 ? byAmount : Integer.compare(a, b);
        });
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = order[k];
        }
        return out;
    }

    static long times(long unitMinor, long quantity) {
        return Exact.multiply(unitMinor, quantity);
    }
}
