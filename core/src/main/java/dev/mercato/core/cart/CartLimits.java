package dev.mercato.core.cart;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.Map;
import java.util.Optional;

/**
 * Limits a cart enforces. Exceeding one is a business refusal, not an error.
 *
 * @param maxPerSku the most units of one SKU, at least 1
 * @param maxLines the most distinct SKUs, at least 1
 * @param flashSaleCaps per-buyer caps of flash-sale SKUs (units per buyer, counting units already
 *     ordered), at least 1 each
 */
public record CartLimits(long maxPerSku, int maxLines, Map<SkuId, Long> flashSaleCaps) {
    /** 99 units per SKU, 120 lines, no flash sales. */
    public static final CartLimits DEFAULT = new CartLimits(99, 120, Map.of());

    /** Validates the limits and copies the caps. */
    public CartLimits {
        if (maxPerSku < 1 || maxLines < 1) {
            throw new InvalidInputException("limits", maxPerSku + "/" + maxLines, "must be at least 1");
        }
        flashSaleCaps = Map.copyOf(InvalidInputException.requireNonNull(flashSaleCaps, "flashSaleCaps"));
        flashSaleCaps.forEach((sku, cap) -> {
            if (cap < 1) {
                throw new InvalidInputException("flashSaleCaps." + sku, cap, "must be at least 1");
            }
        });
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
        return new CartLimits(maxPerSku, maxLines, caps);
    }
}
