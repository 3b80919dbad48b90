package dev.mercato.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WarehouseCommitExamples {
    static final SkuId TEA = SkuId.of("tea");
    static final WarehouseId EAST = new WarehouseId("east");
    static final WarehouseId WEST = new WarehouseId("west");

    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
            .addWarehouse(Warehouse.of("east", "shanghai")).addWarehouse(Warehouse.of("west", "hangzhou"))
            .setStock(EAST, TEA, 3, 0).setStock(WEST, TEA, 2, 0);
    final ReservationId id = new ReservationId("o-1");

    private long onHand(WarehouseId warehouse) {
        return inventory.stock(TEA).stream().filter(s -> s.warehouse().id().equals(warehouse)).findFirst()
                .orElseThrow().onHand();
    }

    @Test
    void aParcelFromOneWarehouseCommitsThatWarehousesUnitsOnlyAndOnce() {
        Reservation reserved = assertInstanceOf(ReservationResult.Reserved.class, inventory.reserve(
                new ReservationRequest(id, Optional.empty(), List.of(new ReservationRequest.Item(TEA, 5))))).reservation();
        assertEquals(List.of(new Reservation.Pick(TEA, EAST, 3), new Reservation.Pick(TEA, WEST, 2)), reserved.picks());

        inventory.commit(id, "parcel-west", WEST, List.of(new ReservationRequest.Item(TEA, 2)));
        assertEquals(3, onHand(EAST), "the east warehouse still has its units");
        assertEquals(0, onHand(WEST));
        inventory.commit(id, "parcel-west", WEST, List.of(new ReservationRequest.Item(TEA, 2)));
        assertEquals(0, onHand(WEST), "a replayed parcel commits nothing more");

        assertThrows(InvalidInputException.class,
                () -> inventory.commit(id, "parcel-west-2", WEST, List.of(new ReservationRequest.Item(TEA, 1))));
        Reservation done = inventory.commit(id, "parcel-east", EAST, List.of(new ReservationRequest.Item(TEA, 3)))
                .orElseThrow();
        assertEquals(0, onHand(EAST));
        assertEquals(Reservation.Status.COMMITTED, done.status());
    }
}
