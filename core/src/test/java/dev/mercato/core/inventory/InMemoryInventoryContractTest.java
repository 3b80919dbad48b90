package dev.mercato.core.inventory;

import java.util.List;

class InMemoryInventoryContractTest extends InventoryContract {
    @Override
    protected Inventory stocked(List<StockLevel> levels, WarehouseChoice choice) {
        InMemoryInventory inventory = Inventory.inMemory(choice);
        for (StockLevel level : levels) {
            inventory.addWarehouse(level.warehouse());
            inventory.setStock(level.warehouse().id(), level.sku(), level.onHand(), level.safetyStock());
        }
        return inventory;
    }
}
