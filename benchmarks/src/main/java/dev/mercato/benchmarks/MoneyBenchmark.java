package dev.mercato.benchmarks;

import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The money kernel beside its references, in one run.
 *
 * <p>Allocation: Mercato's {@link Allocation} (from and to {@link MonetaryAmount}, and its
 * {@code long} core) against a hand-written {@code BigDecimal} largest-remainder split that
 * returns {@code BigDecimal}s. Target: the {@code MonetaryAmount} path within 2x of the
 * {@code BigDecimal} split.
 *
 * <p>Arithmetic: summing a line's amounts with {@link MinorAmount}, with Moneta {@link Money},
 * with {@code BigDecimal}, and with a bare {@code long}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MoneyBenchmark {

    /** How many parts the total is split into. */
    @Param({"3", "30"})
    public int parts;

    private MonetaryAmount total;
    private BigDecimal totalDecimal;
    private long totalMinor;
    private long[] weights;
    private BigDecimal[] decimalWeights;

    private MinorAmount[] minorAmounts;
    private Money[] monetaAmounts;
    private BigDecimal[] decimalAmounts;
    private long[] longAmounts;

    /** Builds the inputs once per trial. */
    @Setup
    public void setUp() {
        total = Money.of(new BigDecimal("98765.43"), "CNY");
        totalDecimal = new BigDecimal("98765.43");
        totalMinor = 9_876_543L;
        weights = new long[parts];
        decimalWeights = new BigDecimal[parts];
        minorAmounts = new MinorAmount[parts];
        monetaAmounts = new Money[parts];
        decimalAmounts = new BigDecimal[parts];
        longAmounts = new long[parts];
        for (int i = 0; i < parts; i++) {
            long w = 1_000 + 7_919L * i % 10_000;
            weights[i] = w;
            decimalWeights[i] = BigDecimal.valueOf(w);
            BigDecimal amount = BigDecimal.valueOf(w, 2);
            minorAmounts[i] = MinorAmount.of(Money.of(amount, "CNY"));
            monetaAmounts[i] = Money.of(amount, "CNY");
            decimalAmounts[i] = amount;
            longAmounts[i] = w;
        }
    }

    /** Mercato: MonetaryAmount in, MonetaryAmounts out. */
    @Benchmark
    public List<MonetaryAmount> allocateMercato() {
        return Allocation.byWeights(total, weights);
    }

    /** Mercato's minor-unit core, as the pricing engine uses it. */
    @Benchmark
    public long[] allocateMercatoMinorUnits() {
        return Allocation.allocate(totalMinor, weights);
    }

    /** Reference: a hand-written largest-remainder split in BigDecimal. */
    @Benchmark
    public BigDecimal[] allocateBigDecimalReference() {
        BigDecimal weightSum = BigDecimal.ZERO;
        for (BigDecimal w : decimalWeights) {
            weightSum = weightSum.add(w);
        }
        int n = decimalWeights.length;
        BigDecimal[] result = new BigDecimal[n];
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = totalDecimal.multiply(decimalWeights[i]).divide(weightSum, 10, RoundingMode.DOWN);
            result[i] = exact.setScale(2, RoundingMode.DOWN);
            remainders[i] = exact.subtract(result[i]);
            assigned = assigned.add(result[i]);
        }
        BigDecimal cent = new BigDecimal("0.01");
        BigDecimal leftover = totalDecimal.subtract(assigned);
        while (leftover.signum() > 0) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i].compareTo(remainders[best]) > 0) {
                    best = i;
                }
            }
            result[best] = result[best].add(cent);
            remainders[best] = BigDecimal.valueOf(-1);
            leftover = leftover.subtract(cent);
        }
        return result;
    }

    /** Mercato: summing with overflow-checked minor units. */
    @Benchmark
    public MinorAmount sumMinorAmount() {
        MinorAmount sum = MinorAmount.zero(minorAmounts[0].currency());
        for (MinorAmount a : minorAmounts) {
            sum = sum.plus(a);
        }
        return sum;
    }

    /** Reference: summing with Moneta's Money. */
    @Benchmark
    public Money sumMoneta() {
        Money sum = Money.zero(monetaAmounts[0].getCurrency());
        for (Money a : monetaAmounts) {
            sum = sum.add(a);
        }
        return sum;
    }

    /** Reference: summing BigDecimals. */
    @Benchmark
    public BigDecimal sumBigDecimal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal a : decimalAmounts) {
            sum = sum.add(a);
        }
        return sum;
    }

    /** Lower bound: summing bare longs without overflow checks. */
    @Benchmark
    public long sumLong() {
        long sum = 0;
        for (long a : longAmounts) {
            sum += a;
        }
        return sum;
    }
}
