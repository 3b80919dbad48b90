package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.OptionalLong;

/**
 * The units of one SKU a single order may take, as the catalog sets it per SKU: a minimum order
 * quantity (起订量), an optional maximum of the SKU's own, and a step (sold in multiples, e.g.
 * packs of 12). Immutable.
 *
 * <p>A quantity {@code q} is within it when {@code min <= q}, {@code q <= max} and {@code q} is a
 * multiple of {@code step}. Without a maximum of its own, the platform-wide maximum of the cart
 * limits applies ({@code CartLimits.maxPerSku}); with one, it replaces the platform-wide maximum
 * for this SKU only, so a wholesale SKU may take 5,000 units while the others keep theirs.
 *
 * @param min the minimum order quantity, at least 1, a multiple of {@code step}
 * @param max the SKU's own maximum, at least {@code min}, at most {@link #MAX_UNITS}; empty for the
 *     platform-wide maximum
 * @param step the units are a multiple of it; at least 1 (1: any number of units)
 */
public record OrderQuantity(long min, OptionalLong max, long step) {
    /** The most units any limit may allow: bounds the arithmetic on quantities (10^9). */
    public static final long MAX_UNITS = 1_000_000_000L;

    /** Any number of units from 1, up to the platform-wide maximum: what a SKU has by default. */
    public static final OrderQuantity ANY = new OrderQuantity(1, OptionalLong.empty(), 1);

    /**
     * Validates the bounds.
     *
     * @throws InvalidInputException if {@code min < 1}, {@code step < 1}, {@code min} is not a
     *     multiple of {@code step}, or the maximum is below {@code min} or above {@link #MAX_UNITS}
     */
    public OrderQuantity {
        InvalidInputException.requireNonNull(max, "max");
        if (step < 1 || step > MAX_UNITS) {
            throw new InvalidInputException("orderQuantity.step", step, "must be between 1 and " + MAX_UNITS);
        }
        if (min < 1 || min > MAX_UNITS) {
            throw new InvalidInputException("orderQuantity.min", min, "must be between 1 and " + MAX_UNITS);
        }
        if (min % step != 0) {
            throw new InvalidInputException("orderQuantity.min", min, "must be a multiple of the step " + step);
        }
        if (max.isPresent() && (max.getAsLong() < min || max.getAsLong() > MAX_UNITS)) {
            throw new InvalidInputException("orderQuantity.max", max.getAsLong(),
                    "must be between the minimum " + min + " and " + MAX_UNITS);
        }
    }

    /**
     * From a minimum to a maximum of the SKU's own, in single units.
     *
     * @param min the minimum order quantity, at least 1
     * @param max the most units, at least {@code min}, at most {@link #MAX_UNITS}
     * @return the order quantity
     * @throws InvalidInputException if the bounds are not valid
     */
    public static OrderQuantity between(long min, long max) {
        return new OrderQuantity(min, OptionalLong.of(max), 1);
    }

    /**
     * From a minimum, up to the platform-wide maximum, in single units.
     *
     * @param min the minimum order quantity, at least 1
     * @return the order quantity
     * @throws InvalidInputException if {@code min} is not valid
     */
    public static OrderQuantity atLeast(long min) {
        return new OrderQuantity(min, OptionalLong.empty(), 1);
    }

    /**
     * This order quantity sold in multiples of a step; the minimum must be a multiple of it.
     *
     * @param units the step, at least 1 (e.g. 12 for packs of 12)
     * @return a new order quantity
     * @throws InvalidInputException if the step is not valid or the minimum is not a multiple of it
     */
    public OrderQuantity inMultiplesOf(long units) {
        return new OrderQuantity(min, max, units);
    }

    /**
     * Whether this is {@link #ANY}: no minimum above 1, no maximum of its own, no step.
     *
     * @return {@code true} for the default
     */
    public boolean isAny() {
        return equals(ANY);
    }
}
