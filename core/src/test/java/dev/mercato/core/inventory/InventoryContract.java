package dev.mercato.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.core.catalog.SkuId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link Inventory} implementations: extend it and implement {@link
 * #stocked(List, WarehouseChoice)}.
 */
public abstract class InventoryContract {
    /** For subclasses. */
    protected InventoryContract() {}

    /**
     * An inventory holding exactly this stock (reserved counts are 0).
     *
     * @param levels on-hand and safety stock per warehouse and SKU
     * @param choice the warehouse choice to use
     * @return the inventory
     */
    protected abstract Inventory stocked(List<StockLevel> levels, WarehouseChoice choice);

    static final SkuId TEA = SkuId.of("tea");
    static final SkuId CUP = SkuId.of("cup");
    static final Warehouse EAST = Warehouse.of("east", "shanghai");
    static final Warehouse WEST = Warehouse.of("west", "chengdu");

    static StockLevel level(Warehouse warehouse, SkuId sku, long onHand, long safety) {
        return new StockLevel(warehouse, sku, onHand, 0, safety);
    }

    static ReservationRequest request(String id, Optional<String> destination, ReservationRequest.Item... items) {
        return new ReservationRequest(new ReservationId(id), destination, List.of(items));
    }

    static ReservationRequest.Item item(SkuId sku, long quantity) {
        return new ReservationRequest.Item(sku, quantity);
    }

    @Test
    void aReservationHoldsStockAndSafetyStockIsNeverPromised() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 10, 3)), WarehouseChoice.best());
        assertEquals(7, inventory.available(TEA));
        assertInstanceOf(ReservationResult.Reserved.class, inventory.reserve(request("o1", Optional.empty(), item(TEA, 5))));
        assertEquals(2, inventory.available(TEA));
        assertEquals(new ReservationResult.Insufficient(TEA, 3, 2),
                inventory.reserve(request("o2", Optional.empty(), item(TEA, 3))));
        assertEquals(2, inventory.available(TEA));
    }

    @Test
    void aReservationIsAllOrNothing() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 10, 0), level(EAST, CUP, 1, 0)), WarehouseChoice.best());
        ReservationResult result = inventory.reserve(request("o1", Optional.empty(), item(TEA, 4), item(CUP, 2)));
        assertEquals(new ReservationResult.Insufficient(CUP, 2, 1), result);
        assertEquals(10, inventory.available(TEA));
        assertEquals(Optional.empty(), inventory.find(new ReservationId("o1")));
    }

    @Test
    void reservingTwiceWithOneIdReturnsTheFirstReservation() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 10, 0)), WarehouseChoice.best());
        ReservationResult first = inventory.reserve(request("o1", Optional.empty(), item(TEA, 4)));
        ReservationResult again = inventory.reserve(request("o1", Optional.empty(), item(TEA, 4)));
        assertEquals(first, again);
        assertEquals(6, inventory.available(TEA));
    }

    @Test
    void committingOnShipmentLowersOnHandAndReleasingGivesStockBack() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 10, 0)), WarehouseChoice.best());
        inventory.reserve(request("shipped", Optional.empty(), item(TEA, 4)));
        inventory.reserve(request("cancelled", Optional.empty(), item(TEA, 3)));
        assertEquals(3, inventory.available(TEA));
        assertEquals(Reservation.Status.COMMITTED, inventory.commit(new ReservationId("shipped")).orElseThrow().status());
        assertEquals(Reservation.Status.RELEASED, inventory.release(new ReservationId("cancelled")).orElseThrow().status());
        assertEquals(new StockLevel(EAST, TEA, 6, 0, 0), inventory.stock(TEA).get(0));
        // Both moves are idempotent, and they do not cross.
        inventory.commit(new ReservationId("shipped"));
        inventory.release(new ReservationId("cancelled"));
        assertEquals(6, inventory.available(TEA));
        assertThrows(ReservationStateException.class, () -> inventory.release(new ReservationId("shipped")));
        assertThrows(ReservationStateException.class, () -> inventory.commit(new ReservationId("cancelled")));
        assertEquals(Optional.empty(), inventory.release(new ReservationId("unknown")));
    }

    @Test
    void eachParcelCommitsItsOwnUnitsOnceAndReleasingGivesBackOnlyWhatDidNotShip() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 10, 0), level(EAST, CUP, 10, 0)), WarehouseChoice.best());
        ReservationId id = new ReservationId("o1");
        inventory.reserve(request("o1", Optional.empty(), item(TEA, 4), item(CUP, 2)));
        Reservation afterFirst = inventory.commit(id, "parcel-1", List.of(item(TEA, 3))).orElseThrow();
        assertEquals(Reservation.Status.HELD, afterFirst.status());
        assertEquals(1, afterFirst.heldOf(TEA));
        assertEquals(new StockLevel(EAST, TEA, 7, 1, 0), inventory.stock(TEA).get(0));
        // The same parcel again changes nothing.
        assertEquals(afterFirst, inventory.commit(id, "parcel-1", List.of(item(TEA, 3))).orElseThrow());
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> inventory.commit(id, "parcel-2", List.of(item(TEA, 2))));
        Reservation released = inventory.release(id).orElseThrow();
        assertEquals(Reservation.Status.RELEASED, released.status());
        assertEquals(new StockLevel(EAST, TEA, 7, 0, 0), inventory.stock(TEA).get(0));
        assertEquals(new StockLevel(EAST, CUP, 10, 0, 0), inventory.stock(CUP).get(0));
        assertThrows(ReservationStateException.class,
                () -> inventory.reserve(request("o1", Optional.empty(), item(TEA, 4), item(CUP, 2))));
    }

    @Test
    void shippingEveryUnitInParcelsCompletesTheReservation() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 3, 0), level(WEST, TEA, 3, 0)), WarehouseChoice.best());
        ReservationId id = new ReservationId("o1");
        inventory.reserve(request("o1", Optional.empty(), item(TEA, 5)));
        inventory.commit(id, "p1", List.of(item(TEA, 4)));
        Reservation done = inventory.commit(id, "p2", List.of(item(TEA, 1))).orElseThrow();
        assertEquals(Reservation.Status.COMMITTED, done.status());
        assertEquals(1, inventory.stock(TEA).stream().mapToLong(StockLevel::onHand).sum());
        assertEquals(0, inventory.stock(TEA).stream().mapToLong(StockLevel::reserved).sum());
        assertThrows(ReservationStateException.class, () -> inventory.release(id));
    }

    @Test
    void theNearestWarehouseIsUsedFirstAndTheRestComesFromTheNext() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 5, 0), level(WEST, TEA, 5, 0)),
                WarehouseChoice.nearest(WarehouseChoice.RegionDistance.sameRegionFirst()));
        Reservation toChengdu = ((ReservationResult.Reserved) inventory.reserve(
                request("o1", Optional.of("chengdu"), item(TEA, 7)))).reservation();
        assertEquals(List.of(new Reservation.Pick(TEA, WEST.id(), 5), new Reservation.Pick(TEA, EAST.id(), 2)),
                toChengdu.picks());
    }

    @Test
    void aPlanDrawsAsAReservationWouldAndHoldsNothing() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 5, 0), level(WEST, TEA, 5, 0), level(EAST, CUP, 4, 1)),
                WarehouseChoice.nearest(WarehouseChoice.RegionDistance.sameRegionFirst()));
        List<Reservation.Pick> plan = inventory.plan(List.of(item(TEA, 7), item(CUP, 2)), Optional.of("chengdu"));
        assertEquals(10, inventory.available(TEA));
        assertEquals(3, inventory.available(CUP));
        Reservation reserved = ((ReservationResult.Reserved) inventory.reserve(
                request("o1", Optional.of("chengdu"), item(TEA, 7), item(CUP, 2)))).reservation();
        assertEquals(reserved.picks(), plan);
    }

    @Test
    void aPlanTakesAShortfallFromThePreferredWarehouseCarryingTheSkuAndLeavesOutUnknownSkus() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 2, 0), level(WEST, TEA, 1, 1)),
                WarehouseChoice.nearest(WarehouseChoice.RegionDistance.sameRegionFirst()));
        assertEquals(List.of(new Reservation.Pick(TEA, EAST.id(), 2), new Reservation.Pick(TEA, WEST.id(), 3)),
                inventory.plan(List.of(item(TEA, 5), item(CUP, 1)), Optional.of("chengdu")));
    }

    @Test
    void theBestWarehouseShipsTheWholeQuantityAlone() {
        Inventory inventory = stocked(List.of(level(EAST, TEA, 3, 0), level(WEST, TEA, 9, 0)), WarehouseChoice.best());
        Reservation reservation = ((ReservationResult.Reserved) inventory.reserve(
                request("o1", Optional.of("shanghai"), item(TEA, 2)))).reservation();
        assertEquals(List.of(new Reservation.Pick(TEA, WEST.id(), 2)), reservation.picks());
    }

    @Test
    void threadsRacingForTheLastUnitsLeaveExactlyThatManyReservations() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 200; round++) {
                raceForTheLastUnits(pool, 5, 16);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void raceForTheLastUnits(ExecutorService pool, int lastUnits, int buyers) throws Exception {
        Inventory inventory = stocked(List.of(level(EAST, TEA, lastUnits - 2, 0), level(WEST, TEA, 2, 0)),
                WarehouseChoice.best());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReservationResult>> results = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            String id = "order-" + b;
            results.add(pool.submit(() -> {
                start.await();
                return inventory.reserve(request(id, Optional.empty(), item(TEA, 1)));
            }));
        }
        start.countDown();
        int reserved = 0;
        for (Future<ReservationResult> result : results) {
            if (result.get(30, TimeUnit.SECONDS) instanceof ReservationResult.Reserved) {
                reserved++;
            }
        }
        assertEquals(lastUnits, reserved, "reservations");
        assertEquals(0, inventory.available(TEA));
        assertEquals(lastUnits, inventory.stock(TEA).stream().mapToLong(StockLevel::reserved).sum(), "units reserved");
    }
}
