package dev.mercato.core.cart;

import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.Sku;
import dev.mercato.logistics.Parcel;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Packs units into one parcel: the weight is the sum of the units' catalog weights (at least one
 * gram); the box is the most cube-like box of the units' summed volume that still fits the
 * longest unit: side {@code s = ceil(cbrt(volume))}, length {@code max(s, longest unit side)},
 * width {@code max(ceil(sqrt(volume / length)), longest middle side)}, height {@code
 * max(ceil(volume / (length x width)), longest shortest side)}, each at least 1 mm.
 */
final class ParcelBox {
    private ParcelBox() {}

    /** Why units do not fit one parcel. */
    enum Misfit {
        /** The weight overflows. */
        TOO_HEAVY,
        /** A side exceeds {@link Parcel#MAX_DIMENSION_MM} or the volume overflows. */
        TOO_LARGE
    }

    /** Either the parcel or why there is none. */
    record Packed(Optional<Parcel> parcel, Optional<Misfit> misfit) {}

    /**
     * Whether a unit needs shipping at all: digital goods and services weigh nothing and have no size.
     *
     * @param sku the SKU
     * @return whether it ships
     */
    static boolean ships(Sku sku) {
        return sku.weightGrams() > 0 || !sku.size().equals(Dimensions.NONE);
    }

    static Packed pack(Map<Sku, Long> units) {
        long weight = 0;
        long volume = 0;
        long longest = 1;
        long middle = 1;
        long shortest = 1;
        try {
            for (Map.Entry<Sku, Long> unit : units.entrySet()) {
                weight = Math.addExact(weight, Math.multiplyExact(unit.getKey().weightGrams(), unit.getValue()));
            }
        } catch (ArithmeticException overflow) {
            return new Packed(Optional.empty(), Optional.of(Misfit.TOO_HEAVY));
        }
        try {
            for (Map.Entry<Sku, Long> unit : units.entrySet()) {
                Dimensions size = unit.getKey().size();
                long[] sides = {size.lengthMm(), size.widthMm(), size.heightMm()};
                Arrays.sort(sides);
                longest = Math.max(longest, sides[2]);
                middle = Math.max(middle, sides[1]);
                shortest = Math.max(shortest, sides[0]);
                long each = Math.multiplyExact(Math.multiplyExact(sides[0], sides[1]), sides[2]);
                volume = Math.addExact(volume, Math.multiplyExact(each, unit.getValue()));
            }
        } catch (ArithmeticException overflow) {
            return new Packed(Optional.empty(), Optional.of(Misfit.TOO_LARGE));
        }
        long length = Math.max(longest, ceilCbrt(volume));
        long width = Math.max(middle, ceilSqrt(ceilDiv(volume, length)));
        if (length > Parcel.MAX_DIMENSION_MM || width > Parcel.MAX_DIMENSION_MM) {
            return new Packed(Optional.empty(), Optional.of(Misfit.TOO_LARGE));
        }
        long height = Math.max(shortest, ceilDiv(volume, length * width));
        if (height > Parcel.MAX_DIMENSION_MM) {
            return new Packed(Optional.empty(), Optional.of(Misfit.TOO_LARGE));
        }
        return new Packed(Optional.of(new Parcel(Math.max(1, weight), length, width, height)), Optional.empty());
    }

    private static long ceilDiv(long a, long b) {
        return a == 0 ? 0 : (a - 1) / b + 1;
    }

    /** The smallest s with s^3 >= v (v >= 0). */
    static long ceilCbrt(long v) {
        long s = (long) Math.cbrt((double) v);
        while (s > 0 && cube(s - 1) >= v) {
            s--;
        }
        while (cube(s) < v) {
            s++;
        }
        return s;
    }

    /** The smallest s with s^2 >= v (v >= 0). */
    static long ceilSqrt(long v) {
        long s = (long) Math.sqrt((double) v);
        while (s > 0 && (s - 1) * (s - 1) >= v) {
            s--;
        }
        while (s * s < v) {
            s++;
        }
        return s;
    }

    private static long cube(long s) {
        // s <= 2^21 + a little for any long v, so s^3 fits; saturate beyond.
        return s > 2_097_152 ? Long.MAX_VALUE : s * s * s;
    }
}
