package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The dry run of a reservation: which warehouses would ship which units. */
final class Plans {
    private Plans() {}

    static List<Reservation.Pick> plan(WarehouseChoice choice, Function<SkuId, List<StockLevel>> levels,
            List<ReservationRequest.Item> items, Optional<String> destinationRegion) {
        List<Reservation.Pick> picks = new ArrayList<>();
        for (ReservationRequest.Item item : items) {
            List<StockLevel> carrying = levels.apply(item.sku());
            List<StockLevel> candidates = carrying.stream().filter(s -> s.available() > 0).toList();
            long remaining = item.quantity();
            for (StockLevel level : choice.rank(item.sku(), item.quantity(), destinationRegion, candidates)) {
                long take = Math.min(remaining, level.available());
                if (take > 0) {
                    picks.add(new Reservation.Pick(item.sku(), level.warehouse().id(), take));
                    remaining -= take;
                }
                if (remaining == 0) {
                    break;
                }
            }
            if (remaining > 0 && !carrying.isEmpty()) {
                // A shortfall ships, once restocked, from the warehouse the choice prefers among all that carry the SKU.
                List<StockLevel> ranked = choice.rank(item.sku(), remaining, destinationRegion, carrying);
                StockLevel preferred = ranked.isEmpty() ? carrying.get(0) : ranked.get(0);
                picks.add(new Reservation.Pick(item.sku(), preferred.warehouse().id(), remaining));
            }
        }
        return List.copyOf(picks);
    }
}
