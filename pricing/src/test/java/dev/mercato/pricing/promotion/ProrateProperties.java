package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mercato.pricing.money.Allocation;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class ProrateProperties {

    @Provide
    Arbitrary<List<Long>> weights() {
        // Small weights make equal remainders (ties) common; large ones reach the overflow path.
        Arbitrary<Long> weight = Arbitraries.oneOf(Arbitraries.longs().between(0, 5),
                Arbitraries.longs().between(0, 1_000_000), Arbitraries.longs().between(0, Long.MAX_VALUE / 64));
        return weight.list().ofMinSize(1).ofMaxSize(120).filter(w -> w.stream().anyMatch(x -> x > 0));
    }

    @Property
    void theEnginesSplitGivesTheAllocatorsPartsOverThePositiveWeights(@ForAll("weights") List<Long> weightList,
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long amount, @ForAll boolean small) {
        long total = small ? 1 + amount % 1000 : amount;
        long[] weights = weightList.stream().mapToLong(Long::longValue).toArray();
        int[] index = new int[weights.length];
        int count = 0;
        long sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                index[count++] = i;
                sum = Math.addExact(sum, weights[i]);
            }
        }
        long[] compact = new long[count];
        for (int k = 0; k < count; k++) {
            compact[k] = weights[index[k]];
        }
        long[] expectedShares = Allocation.allocate(total, compact);
        long[] expected = new long[weights.length];
        for (int k = 0; k < count; k++) {
            expected[index[k]] = expectedShares[k];
        }

        long[] parts = new long[weights.length];
        new Prorate().split(total, weights, index, count, sum, parts);

        assertArrayEquals(expected, parts, () -> "total " + Arrays.toString(new long[] {total}) + " weights "
                + Arrays.toString(weights));
    }

    @Property
    void theSelectionFindsTheValueAtEachRank(@ForAll("weights") List<Long> values, @ForAll int seed) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = Math.floorMod(seed, sorted.length);
        long[] scratch = values.stream().mapToLong(Long::longValue).toArray();
        assertEquals(sorted[rank], Prorate.kthSmallest(scratch, scratch.length, rank));
    }
}
