package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Splits an amount into parts that add up to it exactly: the one allocator behind every
 * proration, commission split, settlement and refund in Mercato.
 *
 * <h2>Method: largest remainder on minor units</h2>
 * For a total of {@code T} minor units and weights {@code w1..wn} summing to {@code W}, part
 * {@code i} first gets {@code floor(|T| * wi / W)}. The minor units left over (fewer than
 * {@code n}) go one each to the parts with the largest remainders {@code |T| * wi mod W}.
 *
 * <h2>Tie-break (deterministic)</h2>
 * Among equal remainders, the part that comes <em>first</em> in the input gets the extra unit.
 * So 100.00 split three ways is 33.34, 33.33, 33.33, and the same input always gives the same
 * output. Callers that need independence from input order (the pricing engine does) sort
 * their inputs into a canonical order first.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>The parts sum exactly to the total: no minor unit is lost or invented.</li>
 *   <li>Each part is within one minor unit of its exact share {@code T * wi / W}.</li>
 *   <li>A larger weight never gets a smaller part (in absolute value) than a smaller weight.</li>
 *   <li>A negative total is split as its absolute value with every part negated, so
 *       {@code split(-x) == -split(x)}.</li>
 *   <li>A zero weight gets zero.</li>
 * </ul>
 * Weights must be non-negative with a positive sum; otherwise {@link InvalidWeightsException}.
 * Intermediate products that do not fit in a {@code long} are computed with {@link BigInteger},
 * so there is no size limit beyond the total itself fitting in minor units.
 *
 * <p>Stateless and thread-safe.
 */
public final class Allocation {
    /** Up to this many parts, the leftover units are handed out by selection instead of a sort. */
    private static final int SMALL = 8;

    private Allocation() {}

    /**
     * Splits an amount by whole-number weights.
     *
     * @param total the amount to split, any sign
     * @param weights one non-negative weight per part, with a positive sum
     * @return one part per weight, in the same order, summing exactly to {@code total}
     * @throws InvalidWeightsException if no weights, a negative weight, or a zero sum
     */
    public static List<MonetaryAmount> byWeights(MonetaryAmount total, long... weights) {
        InvalidInputException.requireNonNull(weights, "weights");
        return toAmounts(allocate(MinorUnits.toMinor(total), weights), total.getCurrency());
    }

    /**
     * Splits an amount by decimal weights, e.g. {@code 0.75} and {@code 0.25}. Weights are
     * exact decimals; the split is the same as for whole-number weights scaled to a common
     * number of decimals.
     *
     * @param total the amount to split, any sign
     * @param weights one non-negative weight per part, with a positive sum
     * @return one part per weight, in the same order, summing exactly to {@code total}
     * @throws InvalidWeightsException if no weights, a negative weight, or a zero sum
     */
    public static List<MonetaryAmount> byDecimalWeights(MonetaryAmount total, List<BigDecimal> weights) {
        InvalidInputException.requireNonNull(total, "total");
        InvalidInputException.requireNonNull(weights, "weights");
        int scale = 0;
        for (BigDecimal w : weights) {
            InvalidInputException.requireNonNull(w, "weight");
            scale = Math.max(scale, w.scale());
        }
        BigInteger[] scaled = new BigInteger[weights.size()];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = weights.get(i).setScale(scale).unscaledValue();
        }
        return toAmounts(allocate(BigInteger.valueOf(MinorUnits.toMinor(total)), scaled, weights.toString()),
                total.getCurrency());
    }

    /**
     * Splits an amount into equal parts; the first parts get the leftover minor units.
     *
     * @param total the amount to split
     * @param parts how many parts, at least 1
     * @return {@code parts} amounts summing exactly to {@code total}
     * @throws InvalidWeightsException if {@code parts} is less than 1
     */
    public static List<MonetaryAmount> evenly(MonetaryAmount total, int parts) {
        if (parts < 1) {
            throw new InvalidWeightsException(parts + " parts", "at least one part is needed");
        }
        long[] weights = new long[parts];
        Arrays.fill(weights, 1L);
        return byWeights(total, weights);
    }

    /**
     * Splits an amount in proportion to other amounts of the same currency, e.g. a shop
     * discount across the shop's lines in proportion to their amounts.
     *
     * @param total the amount to split
     * @param proportions non-negative amounts in the currency of {@code total}, not all zero
     * @return one part per proportion, in the same order, summing exactly to {@code total}
     * @throws CurrencyMismatchException if a proportion is in another currency
     * @throws InvalidWeightsException if a proportion is negative or all are zero
     */
    public static List<MonetaryAmount> proportionally(MonetaryAmount total, List<? extends MonetaryAmount> proportions) {
        InvalidInputException.requireNonNull(total, "total");
        InvalidInputException.requireNonNull(proportions, "proportions");
        long[] weights = new long[proportions.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = MinorUnits.toMinor(proportions.get(i), total.getCurrency());
        }
        return byWeights(total, weights);
    }

    /**
     * The minor-unit core of every split: allocates {@code total} minor units by weights.
     *
     * @param total the minor units to split, any sign
     * @param weights one non-negative weight per part, with a positive sum
     * @return one part per weight, summing exactly to {@code total}
     * @throws InvalidWeightsException if no weights, a negative weight, or a zero sum
     */
    public static long[] allocate(long total, long[] weights) {
        InvalidInputException.requireNonNull(weights, "weights");
        long weightSum = checkedWeightSum(weights);
        if (weightSum < 0 || total == Long.MIN_VALUE) {
            return allocate(BigInteger.valueOf(total), toBig(weights), Arrays.toString(weights));
        }
        long magnitude = Math.abs(total);
        int n = weights.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            long high = Math.multiplyHigh(magnitude, weights[i]);
            long product = magnitude * weights[i];
            if (high != 0 || product < 0) {
                return allocate(BigInteger.valueOf(total), toBig(weights), Arrays.toString(weights));
            }
            parts[i] = product / weightSum;
            remainders[i] = product % weightSum;
            assigned += parts[i];
        }
        distributeLeftover(parts, remainders, magnitude - assigned);
        if (total < 0) {
            for (int i = 0; i < n; i++) {
                parts[i] = -parts[i];
            }
        }
        return parts;
    }

    /** Gives one unit each to the {@code leftover} parts with the largest remainders, earliest first on ties. */
    private static void distributeLeftover(long[] parts, long[] remainders, long leftover) {
        if (leftover == 0) {
            return;
        }
        if (parts.length <= SMALL) {
            // Few parts: pick the largest remaining remainder leftover times (earliest on ties),
            // with no copy and no sort. Remainders are never negative, so -1 marks a part served.
            for (long k = 0; k < leftover; k++) {
                int best = -1;
                for (int i = 0; i < remainders.length; i++) {
                    if (remainders[i] >= 0 && (best < 0 || remainders[i] > remainders[best])) {
                        best = i;
                    }
                }
                parts[best]++;
                remainders[best] = -1;
            }
            return;
        }
        // The leftover goes to every part whose remainder is above the leftover-th largest
        // remainder, then to the earliest parts whose remainder equals it: the same choice as
        // sorting by remainder (descending) then index, without boxing or a comparator.
        long[] sorted = remainders.clone();
        Arrays.sort(sorted);
        long threshold = sorted[sorted.length - (int) leftover];
        long atThreshold = leftover;
        for (int i = 0; i < parts.length; i++) {
            if (remainders[i] > threshold) {
                parts[i]++;
                atThreshold--;
            }
        }
        for (int i = 0; i < parts.length && atThreshold > 0; i++) {
            if (remainders[i] == threshold) {
                parts[i]++;
                atThreshold--;
            }
        }
    }

    /** Sum of weights, or -1 when the sum does not fit in a long (the caller switches to BigInteger). */
    private static long checkedWeightSum(long[] weights) {
        if (weights.length == 0) {
            throw new InvalidWeightsException("[]", "at least one weight is needed");
        }
        long sum = 0;
        boolean overflow = false;
        for (long w : weights) {
            if (w < 0) {
                throw new InvalidWeightsException(Arrays.toString(weights), "weight " + w + " is negative");
            }
            if (!overflow) {
                long next = sum + w;
                if (next < 0) {
                    overflow = true;
                } else {
                    sum = next;
                }
            }
        }
        if (!overflow && sum == 0) {
            throw new InvalidWeightsException(Arrays.toString(weights), "weights sum to zero");
        }
        return overflow ? -1 : sum;
    }

    private static long[] allocate(BigInteger total, BigInteger[] weights, String shown) {
        if (weights.length == 0) {
            throw new InvalidWeightsException(shown, "at least one weight is needed");
        }
        BigInteger weightSum = BigInteger.ZERO;
        for (BigInteger w : weights) {
            if (w.signum() < 0) {
                throw new InvalidWeightsException(shown, "weight " + w + " is negative");
            }
            weightSum = weightSum.add(w);
        }
        if (weightSum.signum() == 0) {
            throw new InvalidWeightsException(shown, "weights sum to zero");
        }
        BigInteger magnitude = total.abs();
        int n = weights.length;
        BigInteger[] shares = new BigInteger[n];
        BigInteger[] remainders = new BigInteger[n];
        BigInteger assigned = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = magnitude.multiply(weights[i]).divideAndRemainder(weightSum);
            shares[i] = qr[0];
            remainders[i] = qr[1];
            assigned = assigned.add(qr[0]);
        }
        long leftover = magnitude.subtract(assigned).longValueExact();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byRemainder = remainders[b].compareTo(remainders[a]);
            return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            shares[order[k]] = shares[order[k]].add(BigInteger.ONE);
        }
        long[] parts = new long[n];
        for (int i = 0; i < n; i++) {
            // The sign goes on before narrowing: -2^63 fits in a long, 2^63 does not.
            parts[i] = (total.signum() < 0 ? shares[i].negate() : shares[i]).longValueExact();
        }
        return parts;
    }

    private static BigInteger[] toBig(long[] weights) {
        BigInteger[] big = new BigInteger[weights.length];
        for (int i = 0; i < weights.length; i++) {
            big[i] = BigInteger.valueOf(weights[i]);
        }
        return big;
    }

    private static List<MonetaryAmount> toAmounts(long[] parts, CurrencyUnit currency) {
        // One array, wrapped without a further copy; equal parts share one (immutable) amount.
        MonetaryAmount[] amounts = new MonetaryAmount[parts.length];
        for (int i = 0; i < parts.length; i++) {
            amounts[i] = i > 0 && parts[i] == parts[i - 1] ? amounts[i - 1] : MinorUnits.toAmount(parts[i], currency);
        }
        return Collections.unmodifiableList(Arrays.asList(amounts));
    }
}
