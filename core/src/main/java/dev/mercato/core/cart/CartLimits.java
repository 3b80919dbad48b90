package dev.mercato.core.cart;

import dev.mercato.core.catalog.OrderQuantity;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Limits a cart enforces, checked again at checkout. Exceeding one is a business refusal, not an
 * error (docs/core.md, "Carts").
 *
 * @param maxPerSku the most units of one SKU, at least 1, unless the SKU has its own range
 * @param maxLines the most distinct SKUs, at least 1
 * @param flashSaleCaps per-buyer caps of flash-sale SKUs (units per buyer, counting units already
 *     ordered), at least 1 each
 * @param skuQuantities per-SKU unit ranges set by the platform: a minimum order quantity and a
 *     maximum that replaces {@code maxPerSku} for that SKU (so a wholesale SKU may allow 5,000
 *     units while the platform default stays 99); a range here replaces the SKU's own {@link
 *     Sku#orderQuantity()} from the catalog entirely (its step too)
 * @param sellerMinimums per-seller minimum order amounts: a seller's goods in one checkout (the
 *     sum of its lines' payable amounts, after every line discount, before shipping) must reach it
 *     (docs/core.md, "Order quantities and minimums")
 */
public record CartLimits(long maxPerSku, int maxLines, Map<SkuId, Long> flashSaleCaps,
        Map<SkuId, QuantityRange> skuQuantities, Map<String, MonetaryAmount> sellerMinimums) {
    /** 99 units per SKU, 120 lines, no flash sales, no per-SKU ranges, no seller minimums. */
    public static final CartLimits DEFAULT = new CartLimits(99, 120, Map.of());

    /** The most units any limit may allow: bounds the arithmetic on quantities ({@link OrderQuantity#MAX_UNITS}). */
    public static final long MAX_UNITS = OrderQuantity.MAX_UNITS;

    /**
     * The units of one SKU a cart may hold.
     *
     * @param min the minimum order quantity, at least 1
     * @param max the most units, at least {@code min}, at most {@link #MAX_UNITS}
     */
    public record QuantityRange(long min, long max) {
        /**
         * Validates the range.
         *
         * @throws InvalidInputException if {@code min < 1}, {@code max < min} or {@code max > MAX_UNITS}
         */
        public QuantityRange {
            if (min < 1 || max < min || max > MAX_UNITS) {
                throw new InvalidInputException("quantityRange", min + ".." + max,
                        "must have 1 <= min <= max <= " + MAX_UNITS);
            }
        }
    }

    /** Validates the limits and copies the maps. */
    public CartLimits {
        if (maxPerSku < 1 || maxLines < 1 || maxPerSku > MAX_UNITS) {
            throw new InvalidInputException("limits", maxPerSku + "/" + maxLines, "must be at least 1 (and"
                    + " maxPerSku at most " + MAX_UNITS + ")");
        }
        flashSaleCaps = Map.copyOf(InvalidInputException.requireNonNull(flashSaleCaps, "flashSaleCaps"));
        flashSaleCaps.forEach((sku, cap) -> {
            if (cap < 1) {
                throw new InvalidInputException("flashSaleCaps." + sku, cap, "must be at least 1");
            }
        });
        skuQuantities = Map.copyOf(InvalidInputException.requireNonNull(skuQuantities, "skuQuantities"));
        sellerMinimums = Map.copyOf(InvalidInputException.requireNonNull(sellerMinimums, "sellerMinimums"));
        sellerMinimums.forEach((seller, amount) -> {
            if (amount.isNegative() || amount.isZero()) {
                throw new InvalidInputException("sellerMinimums." + seller, amount, "must be positive");
            }
        });
    }

    /**
     * Limits without per-SKU ranges or seller minimums.
     *
     * @param maxPerSku the most units of one SKU, at least 1
     * @param maxLines the most distinct SKUs, at least 1
     * @param flashSaleCaps per-buyer caps of flash-sale SKUs
     * @throws InvalidInputException as the canonical constructor
     */
    public CartLimits(long maxPerSku, int maxLines, Map<SkuId, Long> flashSaleCaps) {
        this(maxPerSku, maxLines, flashSaleCaps, Map.of(), Map.of());
    }

    /**
     * The most units of a SKU one cart (and one checkout) may hold.
     *
     * @param sku the SKU
     * @return its range's maximum, or {@code maxPerSku}
     */
    public long maxUnits(SkuId sku) {
        QuantityRange range = skuQuantities.get(sku);
        return range == null ? maxPerSku : range.max();
    }

    /**
     * The minimum order quantity of a SKU.
     *
     * @param sku the SKU
     * @return its range's minimum, or 1
     */
    public long minUnits(SkuId sku) {
        QuantityRange range = skuQuantities.get(sku);
        return range == null ? 1 : range.min();
    }

    /**
     * The most units of a SKU one cart (and one checkout) may hold: a platform range's maximum
     * ({@link #withSkuQuantities}) if set, else the SKU's own maximum ({@link Sku#orderQuantity()}),
     * else {@code maxPerSku}; rounded down to a multiple of the SKU's step.
     *
     * @param sku the SKU as the catalog has it now
     * @return the maximum (below {@link #minUnits(Sku)} when the SKU's minimum is above the
     *     platform-wide maximum and it has no maximum of its own: then no quantity is accepted)
     */
    public long maxUnits(Sku sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        QuantityRange range = skuQuantities.get(sku.id());
        if (range != null) {
            return range.max();
        }
        OrderQuantity own = sku.orderQuantity();
        long max = own.max().orElse(maxPerSku);
        return max - max % own.step();
    }

    /**
     * The minimum order quantity of a SKU: a platform range's minimum if set, else the SKU's own.
     *
     * @param sku the SKU as the catalog has it now
     * @return the minimum, at least 1
     */
    public long minUnits(Sku sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        QuantityRange range = skuQuantities.get(sku.id());
        return range == null ? sku.orderQuantity().min() : range.min();
    }

    /**
     * The step a SKU's units must be a multiple of: 1 under a platform range, else the SKU's own.
     *
     * @param sku the SKU as the catalog has it now
     * @return the step, at least 1
     */
    public long unitStep(Sku sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        return skuQuantities.containsKey(sku.id()) ? 1 : sku.orderQuantity().step();
    }

    /**
     * Why a number of units of a SKU cannot be in one cart or one checkout, if it cannot: above the
     * maximum ({@link CartResult.Reason#QUANTITY_LIMIT}), below the minimum order quantity ({@link
     * CartResult.Reason#BELOW_MINIMUM_QUANTITY}) or not a multiple of the step ({@link
     * CartResult.Reason#QUANTITY_STEP}), checked in that order. Flash-sale caps are not checked
     * here. Any {@code long} is answered without overflow.
     *
     * @param sku the SKU as the catalog has it now
     * @param units the units the cart would hold
     * @return the refusal, or empty when the units are allowed
     */
    public Optional<CartResult.Refused> quantityRefusal(Sku sku, long units) {
        long min = minUnits(sku);
        long max = maxUnits(sku);
        long step = unitStep(sku);
        if (max < min) {
            return Optional.of(new CartResult.Refused(CartResult.Reason.QUANTITY_LIMIT, "SKU " + sku.id()
                    + " has a minimum order quantity of " + min + " above the most units a cart may hold (" + max
                    + ", the platform-wide maximum): give it a maximum of its own (Sku.withOrderQuantity)"));
        }
        if (units > max) {
            return Optional.of(new CartResult.Refused(CartResult.Reason.QUANTITY_LIMIT, "at most " + max + " units of "
                    + sku.id() + " per order; " + units + " asked"));
        }
        if (units < min) {
            return Optional.of(new CartResult.Refused(CartResult.Reason.BELOW_MINIMUM_QUANTITY, "SKU " + sku.id()
                    + " is sold in at least " + min + " units (minimum order quantity); " + units + " asked"));
        }
        if (units % step != 0) {
            // min and max are multiples of step, so both neighbours are within them
            long lower = units - units % step;
            return Optional.of(new CartResult.Refused(CartResult.Reason.QUANTITY_STEP, "SKU " + sku.id()
                    + " is sold in multiples of " + step + " units; " + units + " asked (" + lower + " or "
                    + (lower + step) + " would do)"));
        }
        return Optional.empty();
    }

    /**
     * A seller's minimum order amount.
     *
     * @param sellerId the seller
     * @return the amount, or empty
     */
    public Optional<MonetaryAmount> sellerMinimum(String sellerId) {
        return Optional.ofNullable(sellerMinimums.get(sellerId));
    }

    /**
     * These limits with a unit range for one SKU (a minimum order quantity and its own maximum).
     *
     * @param sku the SKU
     * @param min the minimum order quantity, at least 1
     * @param max the most units, at least {@code min}
     * @return new limits
     * @throws InvalidInputException if the range is not valid
     */
    public CartLimits withSkuQuantities(SkuId sku, long min, long max) {
        java.util.HashMap<SkuId, QuantityRange> ranges = new java.util.HashMap<>(skuQuantities);
        ranges.put(InvalidInputException.requireNonNull(sku, "sku"), new QuantityRange(min, max));
        return new CartLimits(maxPerSku, maxLines, flashSaleCaps, ranges, sellerMinimums);
    }

    /**
     * These limits with a seller's minimum order amount.
     *
     * @param sellerId the seller
     * @param amount the minimum, positive
     * @return new limits
     * @throws InvalidInputException if the amount is not positive
     */
    public CartLimits withSellerMinimum(String sellerId, MonetaryAmount amount) {
        java.util.HashMap<String, MonetaryAmount> minimums = new java.util.HashMap<>(sellerMinimums);
        minimums.put(InvalidInputException.requireNonNull(sellerId, "sellerId"),
                InvalidInputException.requireNonNull(amount, "amount"));
        return new CartLimits(maxPerSku, maxLines, flashSaleCaps, skuQuantities, minimums);
    }

    /**
     * The per-buyer cap of a flash-sale SKU.
     *
     * @param sku the SKU
     * @return the cap, or empty when the SKU is not on flash sale
     */
    public Optional<Long> flashSaleCap(SkuId sku) {
        return Optional.ofNullable(flashSaleCaps.get(sku));
    }

    /**
     * These limits with one more flash-sale SKU.
     *
     * @param sku the SKU
     * @param perBuyer units per buyer
     * @return new limits
     */
    public CartLimits withFlashSale(SkuId sku, long perBuyer) {
        java.util.HashMap<SkuId, Long> caps = new java.util.HashMap<>(flashSaleCaps);
        caps.put(sku, perBuyer);
        return new CartLimits(maxPerSku, maxLines, caps, skuQuantities, sellerMinimums);
    }
}
