package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.Collectors;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AllocationProperties {

    @Property
    void partsSumExactlyToTheTotal(@ForAll long total, @ForAll("weights") long[] weights) {
        assertEquals(BigInteger.valueOf(total), sum(Allocation.allocate(total, weights)));
    }

    @Property
    void eachPartIsWithinOneMinorUnitOfItsExactShare(@ForAll long total, @ForAll("weights") long[] weights) {
        long[] parts = Allocation.allocate(total, weights);
        BigInteger weightSum = sum(weights);
        for (int i = 0; i < parts.length; i++) {
            // |part - total * w / W| < 1  <=>  |part * W - total * w| < W
            BigInteger error = BigInteger.valueOf(parts[i]).multiply(weightSum)
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights[i])))
                    .abs();
            assertTrue(error.compareTo(weightSum) < 0,
                    "part " + i + " = " + parts[i] + " is a minor unit or more from its exact share");
        }
    }

    @Property
    void aLargerWeightNeverGetsASmallerPart(@ForAll long total, @ForAll("weights") long[] weights) {
        long[] parts = Allocation.allocate(total, weights);
        for (int i = 0; i < parts.length; i++) {
            for (int j = 0; j < parts.length; j++) {
                if (weights[i] > weights[j]) {
                    assertTrue(magnitude(parts[i]).compareTo(magnitude(parts[j])) >= 0,
                            "weight " + weights[i] + " got " + parts[i] + " but weight " + weights[j] + " got " + parts[j]);
                }
            }
        }
    }

    @Property
    void sameInputGivesSameOutput(@ForAll long total, @ForAll("weights") long[] weights) {
        assertArrayEquals(Allocation.allocate(total, weights.clone()), Allocation.allocate(total, weights.clone()));
    }

    @Property
    void negatingTheTotalNegatesEveryPart(@ForAll @LongRange(min = -Long.MAX_VALUE) long total,
            @ForAll("weights") long[] weights) {
        long[] positive = Allocation.allocate(total, weights);
        long[] negative = Allocation.allocate(-total, weights);
        for (int i = 0; i < positive.length; i++) {
            assertEquals(-positive[i], negative[i]);
        }
    }

    @Property
    void tiesBreakAsInTheBigIntegerPathForFewAndManyParts(@ForAll("amounts") MonetaryAmount total,
            @ForAll @Size(min = 1, max = 20) List<@IntRange(min = 0, max = 3) Integer> weights) {
        // Weights from {0..3} make equal remainders common; byDecimalWeights splits with BigInteger and a sort.
        if (weights.stream().allMatch(w -> w == 0)) {
            return;
        }
        List<BigDecimal> decimal = weights.stream().map(BigDecimal::valueOf).collect(Collectors.toList());
        long[] whole = weights.stream().mapToLong(Integer::longValue).toArray();
        assertEquals(Allocation.byDecimalWeights(total, decimal), Allocation.byWeights(total, whole));
    }

    @Property
    void decimalWeightsSplitLikeTheirScaledWholeNumbers(@ForAll("amounts") MonetaryAmount total,
            @ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 100_000) Integer> thousandths) {
        if (thousandths.stream().allMatch(t -> t == 0)) {
            return;
        }
        List<BigDecimal> decimal = thousandths.stream().map(t -> BigDecimal.valueOf(t, 3)).collect(Collectors.toList());
        long[] whole = thousandths.stream().mapToLong(Integer::longValue).toArray();
        assertEquals(Allocation.byWeights(total, whole), Allocation.byDecimalWeights(total, decimal));
    }

    @Property
    void amountsSplitInTheirOwnCurrencyAndSumToTheTotal(@ForAll("amounts") MonetaryAmount total,
            @ForAll("weights") long[] weights) {
        List<MonetaryAmount> parts = Allocation.byWeights(total, weights);
        MonetaryAmount sum = parts.stream().reduce(MonetaryAmount::add).orElseThrow();
        assertTrue(sum.isEqualTo(total), parts + " do not sum to " + total);
        assertTrue(parts.stream().allMatch(p -> p.getCurrency().equals(total.getCurrency())));
    }

    @Property
    void byWeightsIsTheMinorUnitCoreConvertedAtTheEdges(@ForAll("amounts") MonetaryAmount total,
            @ForAll("weights") long[] weights) {
        // The straightforward path: the total to BigDecimal minor units, the long core, one Money per part.
        java.math.BigDecimal exact = total.getNumber().numberValue(java.math.BigDecimal.class)
                .movePointRight(total.getCurrency().getDefaultFractionDigits());
        long[] parts = Allocation.allocate(exact.longValueExact(), weights);
        List<MonetaryAmount> expected = new java.util.ArrayList<>();
        for (long part : parts) {
            expected.add(org.javamoney.moneta.Money.of(java.math.BigDecimal.valueOf(part,
                    total.getCurrency().getDefaultFractionDigits()), total.getCurrency()));
        }
        List<MonetaryAmount> actual = Allocation.byWeights(total, weights);
        assertEquals(expected, actual);
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> actual.set(0, total));
    }

    @Provide
    Arbitrary<long[]> weights() {
        Arbitrary<Long> small = Arbitraries.longs().between(0, 1_000);
        Arbitrary<Long> any = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<Long> weight = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, small), net.jqwik.api.Tuple.of(1, any));
        return weight.array(long[].class).ofMinSize(1).ofMaxSize(12)
                .filter(w -> java.util.Arrays.stream(w).anyMatch(x -> x > 0));
    }

    @Provide
    Arbitrary<MonetaryAmount> amounts() {
        Arbitrary<String> currencies = Arbitraries.of("JPY", "CNY", "USD", "BHD", "KWD");
        Arbitrary<Long> units = Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L);
        return Combinators.combine(units, currencies)
                .as((u, c) -> MinorUnits.toAmount(u, javax.money.Monetary.getCurrency(c)));
    }

    private static BigInteger sum(long[] values) {
        BigInteger s = BigInteger.ZERO;
        for (long v : values) {
            s = s.add(BigInteger.valueOf(v));
        }
        return s;
    }

    private static BigInteger magnitude(long v) {
        return BigInteger.valueOf(v).abs();
    }
}
