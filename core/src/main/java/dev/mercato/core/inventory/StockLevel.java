package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * The stock of one SKU in one warehouse.
 *
 * @param warehouse the warehouse
 * @param sku the SKU
 * @param onHand units physically there, not negative
 * @param reserved units promised to orders not yet shipped, not negative
 * @param safetyStock units kept back and never promised, not negative
 */
public record StockLevel(Warehouse warehouse, SkuId sku, long onHand, long reserved, long safetyStock) {
    /** Validates the counts. */
    public StockLevel {
        InvalidInputException.requireNonNull(warehouse, "warehouse");
        InvalidInputException.requireNonNull(sku, "sku");
        if (onHand < 0 || reserved < 0 || safetyStock < 0) {
            throw new InvalidInputException("stock", onHand + "/" + reserved + "/" + safetyStock, "counts must not be negative");
        }
    }

    /**
     * Units that may still be reserved: on hand minus reserved minus safety stock, at least 0.
     *
     * @return the available units
     */
    public long available() {
        return Math.max(0, onHand - reserved - safetyStock);
    }
}
