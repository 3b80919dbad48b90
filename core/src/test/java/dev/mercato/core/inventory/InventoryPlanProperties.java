package dev.mercato.core.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.catalog.SkuId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What shipping quotes price before checkout is what checkout reserves: for random stock over
 * three warehouses, {@link Inventory#plan} holds nothing and names exactly the picks a
 * reservation then makes; when stock is short it still places every unit of a carried SKU.
 */
class InventoryPlanProperties {
    static final List<Warehouse> WAREHOUSES = List.of(Warehouse.of("a", "north"), Warehouse.of("b", "south"),
            Warehouse.of("c", "north"));
    static final List<String> REGIONS = List.of("north", "south", "west");

    /** Stock of one SKU: on hand and safety stock per warehouse (absent = not carried), units wanted. */
    record SkuCase(List<Optional<long[]>> levels, long wanted) {}

    @Provide
    Arbitrary<List<SkuCase>> cases() {
        Arbitrary<Optional<long[]>> level = Combinators.combine(Arbitraries.longs().between(0, 8),
                Arbitraries.longs().between(0, 2)).as((onHand, safety) -> new long[] {onHand, safety}).optional(0.7);
        return Combinators.combine(level.list().ofSize(3), Arbitraries.longs().between(1, 10)).as(SkuCase::new)
                .list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 200)
    void aPlanIsWhatAReservationPicksAndHoldsNothing(@ForAll("cases") List<SkuCase> cases,
            @ForAll("regions") Optional<String> region) {
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.nearest(
                WarehouseChoice.RegionDistance.sameRegionFirst()));
        WAREHOUSES.forEach(inventory::addWarehouse);
        List<ReservationRequest.Item> items = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            SkuId sku = SkuId.of("sku-" + i);
            for (int w = 0; w < WAREHOUSES.size(); w++) {
                Optional<long[]> level = cases.get(i).levels().get(w);
                if (level.isPresent()) {
                    inventory.setStock(WAREHOUSES.get(w).id(), sku, level.get()[0], level.get()[1]);
                }
            }
            items.add(new ReservationRequest.Item(sku, cases.get(i).wanted()));
        }
        Map<SkuId, Long> availableBefore = items.stream()
                .collect(Collectors.toMap(ReservationRequest.Item::sku, item -> inventory.available(item.sku())));

        List<Reservation.Pick> plan = inventory.plan(items, region);

        for (ReservationRequest.Item item : items) {
            assertEquals(availableBefore.get(item.sku()), inventory.available(item.sku()), "a plan must hold nothing");
            long planned = plan.stream().filter(p -> p.sku().equals(item.sku())).mapToLong(Reservation.Pick::quantity).sum();
            boolean carried = !inventory.stock(item.sku()).isEmpty();
            assertEquals(carried ? item.quantity() : 0, planned, "every unit of a carried SKU is placed once");
        }
        ReservationResult reserved = inventory.reserve(new ReservationRequest(new ReservationId("r"), region, items));
        if (reserved instanceof ReservationResult.Reserved done) {
            assertEquals(done.reservation().picks(), plan);
        } else {
            assertTrue(items.stream().anyMatch(i -> availableBefore.get(i.sku()) < i.quantity()));
        }
    }

    @Provide
    Arbitrary<Optional<String>> regions() {
        return Arbitraries.of(REGIONS).optional(0.8);
    }
}
