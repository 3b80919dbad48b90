package dev.mercato.core.cart;

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
 * @param skuQuantities per-SKU unit ranges: a minimum order quantity and a maximum that replaces
 *     {@code maxPerSku} for that SKU (so a wholesale SKU may allow 5,000 units while the platform
 *     default stays 99)
 * @param sellerMinimums per-seller minimum order amounts: a seller's goods in one checkout
 *     (units times unit price, before discounts and shipping) must reach it
 */
public record CartLimits(long maxPerSku, int maxLines, Map<SkuId, Long> flashSaleCaps,
        Map<SkuId, QuantityRange> skuQuantities, Map<String, MonetaryAmount> sellerMinimums) {
    /** 99 units per SKU, 120 lines, no flash sales, no per-SKU ranges, no seller minimums. */
    public static final CartLimits DEFAULT = new CartLimits(99, 120, Map.of());

    /** The most units any limit may allow: bounds the arithmetic on quantities. */
    public static final long MAX_UNITS = 1_000_000_000L;

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
