package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request to hold stock for an order, all or nothing.
 *
 * @param id the reservation id, e.g. the order id
 * @param destinationRegion where the goods go, if known; used to pick the nearest warehouse
 * @param items what to hold, with positive quantities and no SKU twice
 */
public record ReservationRequest(ReservationId id, Optional<String> destinationRegion, List<Item> items) {
    /** Validates the request and copies the items. */
    public ReservationRequest {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(destinationRegion, "destinationRegion");
        items = List.copyOf(InvalidInputException.requireNonNull(items, "items"));
        if (items.isEmpty()) {
            throw new InvalidInputException("items", items, "must not be empty");
        }
        Map<SkuId, Item> seen = new LinkedHashMap<>();
        for (Item item : items) {
            if (seen.put(item.sku(), item) != null) {
                throw new InvalidInputException("items", items, "name SKU " + item.sku() + " twice");
            }
        }
    }

    /**
     * Units of one SKU to hold.
     *
     * @param sku the SKU
     * @param quantity the units, positive
     */
    public record Item(SkuId sku, long quantity) {
        /** Validates the fields. */
        public Item {
            InvalidInputException.requireNonNull(sku, "sku");
            if (quantity <= 0) {
                throw new InvalidInputException("quantity", quantity, "must be positive");
            }
        }
    }
}
