package dev.mercato.logistics;

/**
 * One parcel as handed to a carrier: its actual weight in grams and its outer dimensions in
 * millimetres. Whole units only; carriers round up when they bill in coarser steps.
 *
 * <p>Immutable and thread-safe. Each dimension is at most {@value #MAX_DIMENSION_MM} mm, so
 * the volume always fits a {@code long}.
 *
 * @param weightGrams actual weight, positive
 * @param lengthMm length, positive, at most {@value #MAX_DIMENSION_MM}
 * @param widthMm width, positive, at most {@value #MAX_DIMENSION_MM}
 * @param heightMm height, positive, at most {@value #MAX_DIMENSION_MM}
 */
public record Parcel(long weightGrams, long lengthMm, long widthMm, long heightMm) {
    /** The largest dimension accepted: 100 m, far beyond any carrier and safe from overflow. */
    public static final long MAX_DIMENSION_MM = 100_000L;

    /**
     * Validates the measures.
     *
     * @throws InvalidLogisticsInputException if a measure is not positive or a dimension exceeds
     *     {@value #MAX_DIMENSION_MM} mm
     */
    public Parcel {
        InvalidLogisticsInputException.requirePositive(weightGrams, "weightGrams");
        requireDimension(lengthMm, "lengthMm");
        requireDimension(widthMm, "widthMm");
        requireDimension(heightMm, "heightMm");
    }

    /**
     * The outer volume.
     *
     * @return length x width x height in cubic millimetres, positive
     */
    public long volumeCubicMillimetres() {
        return lengthMm * widthMm * heightMm;
    }

    /**
     * The same box with another weight.
     *
     * @param grams the new actual weight, positive
     * @return a parcel with the same dimensions
     */
    public Parcel withWeightGrams(long grams) {
        return new Parcel(grams, lengthMm, widthMm, heightMm);
    }

    /**
     * The longest of the three dimensions.
     *
     * @return the longest side in millimetres
     */
    public long longestSideMm() {
        return Math.max(lengthMm, Math.max(widthMm, heightMm));
    }

    private static void requireDimension(long value, String field) {
        InvalidLogisticsInputException.requirePositive(value, field);
        if (value > MAX_DIMENSION_MM) {
            throw new InvalidLogisticsInputException(field, value, "must be at most " + MAX_DIMENSION_MM + " mm");
        }
    }
}
