package dev.mercato.core.inventory;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * Stock per warehouse and the reservations held against it.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #reserve} is all or nothing, never promises more than on hand minus reserved minus
 *       safety stock in any warehouse, and is idempotent by reservation id: a second call with
 *       the same id returns the first reservation.</li>
 *   <li>{@link #commit(ReservationId, String, List)} (a parcel shipped) lowers on-hand and reserved
 *       by the parcel's units, idempotent by parcel key; {@link #commit(ReservationId)} ships
 *       everything still held; {@link #release} (order cancelled, closed or refunded) gives back
 *       the units still held. All are idempotent; a released reservation cannot be committed or
 *       reserved again, a fully committed one cannot be released.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface Inventory {
    /**
     * Holds stock for an order.
     *
     * @param request what to hold
     * @return {@code Reserved}, or {@code Insufficient} with nothing held
     */
    ReservationResult reserve(ReservationRequest request);

    /**
     * Commits the units of one parcel: they leave on-hand and reserved stock. Units are taken from
     * the reservation's picks in order. Committing the same parcel key twice changes nothing.
     *
     * @param id the reservation id
     * @param parcelKey identifies the parcel, e.g. its tracking number
     * @param items the units in the parcel, each at most what is still held of its SKU
     * @return the reservation after the commit; empty when unknown
     * @throws ReservationStateException if it was released
     * @throws dev.mercato.pricing.error.InvalidInputException if a SKU has fewer units held
     */
    Optional<Reservation> commit(ReservationId id, String parcelKey, List<ReservationRequest.Item> items);

    /**
     * Commits the units of one parcel that leaves one warehouse: like {@link #commit(ReservationId,
     * String, List)}, but the units come from that warehouse's picks only, so an order whose stock
     * sits in two warehouses commits each parcel where it really left. Committing the same parcel
     * key twice changes nothing. The default ignores the warehouse (picks in order); the in-memory
     * inventory honours it.
     *
     * @param id the reservation id
     * @param parcelKey identifies the parcel, e.g. its shipment request id
     * @param from the warehouse the parcel leaves
     * @param items the units in the parcel, each at most what that warehouse still holds of its SKU
     * @return the reservation after the commit; empty when unknown
     * @throws ReservationStateException if it was released
     * @throws dev.mercato.pricing.error.InvalidInputException if a SKU has fewer units held there
     */
    default Optional<Reservation> commit(ReservationId id, String parcelKey, WarehouseId from,
            List<ReservationRequest.Item> items) {
        return commit(id, parcelKey, items);
    }

    /**
     * Commits everything still held, e.g. when the whole order shipped at once.
     *
     * @param id the reservation id
     * @return the reservation, committed; empty when unknown
     * @throws ReservationStateException if it was released
     */
    Optional<Reservation> commit(ReservationId id);

    /**
     * Gives held stock back.
     *
     * @param id the reservation id
     * @return the reservation, released; empty when unknown
     * @throws ReservationStateException if it was committed
     */
    Optional<Reservation> release(ReservationId id);

    /**
     * Reads a reservation.
     *
     * @param id the reservation id
     * @return the reservation, or empty
     */
    Optional<Reservation> find(ReservationId id);

    /**
     * The stock of a SKU in every warehouse that carries it, by warehouse id.
     *
     * @param sku the SKU
     * @return the levels, possibly empty
     */
    List<StockLevel> stock(SkuId sku);

    /**
     * Units of a SKU that may still be reserved, over all warehouses.
     *
     * @param sku the SKU
     * @return the available units
     */
    default long available(SkuId sku) {
        return stock(sku).stream().mapToLong(StockLevel::available).sum();
    }

    /**
     * The warehouses a reservation of these items would draw from now, without holding anything:
     * what shipping quotes price before checkout. Units no warehouse has available are planned
     * from the warehouse the choice prefers among all that carry the SKU; units of a SKU that no
     * warehouse carries are left out. The default ranks with {@link WarehouseChoice#best()};
     * implementations with their own choice use it.
     *
     * @param items the units, positive quantities
     * @param destinationRegion where the goods go, if known
     * @return the picks, per SKU in item order; possibly fewer units than asked
     */
    default List<Reservation.Pick> plan(List<ReservationRequest.Item> items, Optional<String> destinationRegion) {
        InvalidInputException.requireNonNull(items, "items");
        InvalidInputException.requireNonNull(destinationRegion, "destinationRegion");
        return Plans.plan(WarehouseChoice.best(), this::stock, items, destinationRegion);
    }

    /**
     * Creates an empty in-memory inventory.
     *
     * @param choice how to pick warehouses
     * @return a new, thread-safe inventory
     */
    static InMemoryInventory inMemory(WarehouseChoice choice) {
        return new MemoryInventory(choice);
    }
}
