package dev.mercato.pricing.promotion;

import dev.mercato.pricing.money.Allocation;

/**
 * The engine's proration: {@link Allocation#allocate(long, long[])} restricted to the lines with
 * a positive weight, computed in place over an index list with reusable scratch arrays.
 *
 * <p>Same parts as {@code Allocation.allocate} over those weights, unit for unit: each line gets
 * {@code floor(amount * weight / sum)}, and the units left over go one each to the largest
 * remainders, the earliest line first among equal remainders. Only the search for the smallest
 * remainder that still gets a unit differs (a selection instead of a sort). Where a product does
 * not fit in a {@code long}, the split is handed to {@code Allocation.allocate} itself. Not
 * thread-safe (the scratch arrays belong to one run).
 */
final class Prorate {
    private long[] remainders = new long[0];
    private long[] select = new long[0];

    /**
     * Splits {@code amount} over the lines {@code index[0..count)}.
     *
     * @param amount the amount, at least 1
     * @param weights one weight per line; the listed lines' weights are positive
     * @param index the lines with a positive weight, ascending
     * @param count how many lines {@code index} lists, at least 1
     * @param weightSum the sum of the listed weights, which fits in a {@code long}
     * @param parts receives each listed line's part (other entries are left alone)
     */
    void split(long amount, long[] weights, int[] index, int count, long weightSum, long[] parts) {
        if (remainders.length < count) {
            remainders = new long[Math.max(count, 2 * remainders.length)];
            select = new long[remainders.length];
        }
        long assigned = 0;
        for (int k = 0; k < count; k++) {
            long w = weights[index[k]];
            long high = Math.multiplyHigh(amount, w);
            long product = amount * w;
            if (high != 0 || product < 0) {
                splitWide(amount, weights, index, count, parts);
                return;
            }
            long part = product / weightSum;
            parts[index[k]] = part;
            remainders[k] = product - part * weightSum;
            assigned += part;
        }
        long leftover = amount - assigned;
        if (leftover == 0) {
            return;
        }
        System.arraycopy(remainders, 0, select, 0, count);
        long threshold = kthSmallest(select, count, count - (int) leftover);
        long atThreshold = leftover;
        for (int k = 0; k < count; k++) {
            if (remainders[k] > threshold) {
                parts[index[k]]++;
                atThreshold--;
            }
        }
        for (int k = 0; k < count && atThreshold > 0; k++) {
            if (remainders[k] == threshold) {
                parts[index[k]]++;
                atThreshold--;
            }
        }
    }

    /** The overflow case: {@code Allocation.allocate} on the compacted weights. */
    private static void splitWide(long amount, long[] weights, int[] index, int count, long[] parts) {
        long[] compact = new long[count];
        for (int k = 0; k < count; k++) {
            compact[k] = weights[index[k]];
        }
        long[] shares = Allocation.allocate(amount, compact);
        for (int k = 0; k < count; k++) {
            parts[index[k]] = shares[k];
        }
    }

    /** The value at position {@code rank} (0-based) of {@code values[0..count)} in ascending order; reorders them. */
    static long kthSmallest(long[] values, int count, int rank) {
        int lo = 0;
        int hi = count - 1;
        while (hi > lo) {
            if (hi - lo < 16) {
                for (int a = lo + 1; a <= hi; a++) {
                    long v = values[a];
                    int b = a - 1;
                    while (b >= lo && values[b] > v) {
                        values[b + 1] = values[b];
                        b--;
                    }
                    values[b + 1] = v;
                }
                return values[rank];
            }
            long pivot = median(values[lo], values[(lo + hi) >>> 1], values[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return values[rank];
            }
        }
        return values[rank];
    }

    private static long median(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
