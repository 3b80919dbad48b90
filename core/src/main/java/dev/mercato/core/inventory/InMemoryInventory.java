package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;

/**
 * An inventory held in memory, stocked by the host: the embedded default. Thread-safe; all
 * changes are serialized, so concurrent reservations never oversell.
 */
public interface InMemoryInventory extends Inventory {
    /**
     * Adds a warehouse, or replaces its region.
     *
     * @param warehouse the warehouse
     * @return this inventory
     */
    InMemoryInventory addWarehouse(Warehouse warehouse);

    /**
     * Sets the on-hand units and safety stock of a SKU in a warehouse; reserved units stay.
     *
     * @param warehouse a warehouse added before
     * @param sku the SKU
     * @param onHand units on hand, not negative
     * @param safetyStock units never promised, not negative
     * @return this inventory
     */
    InMemoryInventory setStock(WarehouseId warehouse, SkuId sku, long onHand, long safetyStock);
}
