package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The host's id of a stock-keeping unit.
 *
 * @param value the id, not blank
 */
public record SkuId(String value) implements Comparable<SkuId> {
    /** Validates the id. */
    public SkuId {
        InvalidInputException.requireNonNull(value, "skuId");
        if (value.isBlank()) {
            throw new InvalidInputException("skuId", "\"" + value + "\"", "must not be blank");
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param value the id
     * @return the SKU id
     */
    public static SkuId of(String value) {
        return new SkuId(value);
    }

    @Override
    public int compareTo(SkuId other) {
        return value.compareTo(other.value);
    }

    /** The bare id. */
    @Override
    public String toString() {
        return value;
    }
}
