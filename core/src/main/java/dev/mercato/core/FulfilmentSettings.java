package dev.mercato.core;

import dev.mercato.core.fulfilment.DeliveryHook;
import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.logistics.Address;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How orders ship through the carrier, wired once by the builder.
 *
 * @param warehouses where each warehouse's parcels are collected (and returns go back to)
 * @param packing how a parcel's units become a box
 * @param pollEvery how often open parcels are tracked by {@code runDueTimers}
 * @param onDelivery told after an order is delivered (the escrow's confirmation clock, the host's own)
 * @param lateDelivery the late-delivery rule evaluated at each carrier delivery, if any
 */
record FulfilmentSettings(Map<WarehouseId, Address> warehouses, Packing packing, Duration pollEvery,
        List<DeliveryHook> onDelivery, java.util.Optional<dev.mercato.core.fulfilment.LateDeliveryRule> lateDelivery) {

    FulfilmentSettings {
        warehouses = Map.copyOf(warehouses);
        onDelivery = List.copyOf(onDelivery);
    }
}
