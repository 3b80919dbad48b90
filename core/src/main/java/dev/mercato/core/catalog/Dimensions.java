package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The packed size of one unit, in whole millimetres.
 *
 * @param lengthMm length, not negative
 * @param widthMm width, not negative
 * @param heightMm height, not negative
 */
public record Dimensions(long lengthMm, long widthMm, long heightMm) {
    /** The size of an item whose size does not matter (digital goods, services). */
    public static final Dimensions NONE = new Dimensions(0, 0, 0);

    /** Validates the sizes. */
    public Dimensions {
        if (lengthMm < 0 || widthMm < 0 || heightMm < 0) {
            throw new InvalidInputException("dimensions", lengthMm + "x" + widthMm + "x" + heightMm, "must not be negative");
        }
    }
}
