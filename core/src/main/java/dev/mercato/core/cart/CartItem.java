package dev.mercato.core.cart;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * Units of one SKU in a cart. Prices are not stored: the cart is priced when read.
 *
 * @param sku the SKU
 * @param sellerId the SKU's seller, kept to group the cart by shop
 * @param quantity units, positive
 * @param addedAt when the SKU was first added
 */
public record CartItem(SkuId sku, String sellerId, long quantity, Instant addedAt) {
    /** Validates the fields. */
    public CartItem {
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (quantity <= 0) {
            throw new InvalidInputException("quantity", quantity, "must be positive");
        }
        InvalidInputException.requireNonNull(addedAt, "addedAt");
    }
}
