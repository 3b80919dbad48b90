package dev.mercato.core;

import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.Shipment;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Dispatch planning: which units of an order ship, from which warehouses, packed into which
 * parcels, and whether the carrier would take them. Planning books nothing and changes nothing;
 * {@link ParcelBooking} books what it plans, and {@link ReturnShipments} packs returns the same way.
 */
final class DispatchPlanning {
    private final Context context;
    private final FulfilmentSettings settings;

    DispatchPlanning(Context context, FulfilmentSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** One parcel to book: the units one warehouse ships. */
    record Planned(WarehouseId warehouse, List<Shipment.Item> items, List<ReservationRequest.Item> units,
            ShipmentRequest request) {}

    /** What planning a dispatch came to: the parcels to book, or the answer that nothing ships. */
    sealed interface Plan permits Plan.Parcels, Plan.Refused {
        /** One parcel per warehouse, in the reservation's pick order; none is booked yet. */
        record Parcels(List<Planned> parcels) implements Plan {}

        /** Nothing can ship: the refusal or the carrier's unavailability, to return as is. */
        record Refused(DispatchResult answer) implements Plan {}
    }

    /**
     * Plans a dispatch of an order: its destination (the dispatch's, else the order's), its units
     * (the dispatch's, else everything not shipped yet), one parcel per warehouse holding them,
     * each quoted by the carrier before any is booked.
     *
     * @param requestIds the carrier request id of each warehouse's parcel
     * @throws InvalidInputException if a warehouse has no address
     */
    Plan plan(Order order, CarrierDispatch dispatch, Function<WarehouseId, ShipmentRequestId> requestIds) {
        Optional<Address> destination = dispatch.destination().or(() -> order.facts().destination());
        if (destination.isEmpty()) {
            return new Plan.Refused(new DispatchResult.Refused(Optional.empty(), "order " + order.id()
                    + " was checked out without a delivery address; give one in the CarrierDispatch"));
        }
        List<Shipment.Item> items = dispatch.items().isEmpty() ? unshipped(order) : dispatch.items();
        Optional<String> refusal = shipmentRefusal(order, items);
        if (refusal.isPresent()) {
            return new Plan.Refused(new DispatchResult.Refused(Optional.empty(), refusal.get()));
        }
        Map<WarehouseId, Map<Integer, Long>> byWarehouse = new LinkedHashMap<>();
        Optional<String> shortage = splitByWarehouse(order, items, byWarehouse);
        if (shortage.isPresent()) {
            return new Plan.Refused(new DispatchResult.Refused(Optional.empty(), shortage.get()));
        }
        List<Planned> plan = new ArrayList<>();
        for (Map.Entry<WarehouseId, Map<Integer, Long>> parcel : byWarehouse.entrySet()) {
            plan.add(parcel(order, dispatch, destination.get(), parcel.getKey(), parcel.getValue(),
                    requestIds.apply(parcel.getKey())));
        }
        Optional<DispatchResult> unfit = preCheck(plan);
        if (unfit.isPresent()) {
            return new Plan.Refused(unfit.get());
        }
        return new Plan.Parcels(List.copyOf(plan));
    }

    private static List<Shipment.Item> unshipped(Order order) {
        List<Shipment> earlier = order instanceof Order.Dispatched d ? d.shipments() : List.of();
        List<Shipment.Item> items = new ArrayList<>();
        for (OrderLine line : order.facts().snapshot().lines()) {
            long shipped = earlier.stream().flatMap(s -> s.items().stream()).filter(i -> i.lineNo() == line.lineNo())
                    .mapToLong(Shipment.Item::quantity).sum();
            if (shipped < line.quantity()) {
                items.add(new Shipment.Item(line.lineNo(), line.quantity() - shipped));
            }
        }
        return items;
    }

    /** Why these units of the order cannot ship now, if they cannot. */
    static Optional<String> shipmentRefusal(Order order, List<Shipment.Item> items) {
        if (items.isEmpty()) {
            return Optional.of("order " + order.id() + " has nothing left to ship");
        }
        Shipment probe = new Shipment("planned", items, order.facts().placedAt());
        if (order instanceof Order.StockAllocated allocated) {
            return allocated.shipmentRefusal(probe);
        }
        if (order instanceof Order.PartiallyShipped partial) {
            return partial.shipmentRefusal(probe);
        }
        return Optional.of("order " + order.id() + " is " + order.stateName() + " and cannot ship");
    }

    /** Splits the units by the warehouses still holding them, in the reservation's pick order. */
    private Optional<String> splitByWarehouse(Order order, List<Shipment.Item> items,
            Map<WarehouseId, Map<Integer, Long>> byWarehouse) {
        Optional<Reservation> reservation = context.inventory().find(new ReservationId(order.id().value()));
        if (reservation.isEmpty()) {
            return Optional.of("order " + order.id() + " has no stock reservation to ship from");
        }
        Map<List<Object>, Long> left = new LinkedHashMap<>();
        for (Reservation.Pick pick : reservation.get().picks()) {
            left.merge(List.of(pick.sku(), pick.warehouse()), pick.quantity(), Long::sum);
        }
        for (Reservation.Pick gone : reservation.get().shipped()) {
            left.merge(List.of(gone.sku(), gone.warehouse()), -gone.quantity(), Long::sum);
        }
        for (Shipment.Item item : items) {
            SkuId sku = order.facts().snapshot().line(item.lineNo()).sku();
            long need = item.quantity();
            for (Map.Entry<List<Object>, Long> stock : left.entrySet()) {
                if (need == 0 || !stock.getKey().get(0).equals(sku) || stock.getValue() <= 0) {
                    continue;
                }
                long take = Math.min(need, stock.getValue());
                stock.setValue(stock.getValue() - take);
                need -= take;
                byWarehouse.computeIfAbsent((WarehouseId) stock.getKey().get(1), w -> new LinkedHashMap<>())
                        .merge(item.lineNo(), take, Long::sum);
            }
            if (need > 0) {
                return Optional.of("line " + item.lineNo() + " (" + sku + "): " + need
                        + " of the units to ship are not held by the order's reservation");
            }
        }
        return Optional.empty();
    }

    /** The parcel one warehouse ships: its lines, its units per SKU, and the request that books it. */
    private Planned parcel(Order order, CarrierDispatch dispatch, Address destination, WarehouseId warehouse,
            Map<Integer, Long> lines, ShipmentRequestId requestId) {
        List<Shipment.Item> items = new ArrayList<>();
        Map<SkuId, Long> perSku = new LinkedHashMap<>();
        lines.forEach((lineNo, quantity) -> {
            items.add(new Shipment.Item(lineNo, quantity));
            perSku.merge(order.facts().snapshot().line(lineNo).sku(), quantity, Long::sum);
        });
        List<ReservationRequest.Item> units = perSku.entrySet().stream()
                .map(e -> new ReservationRequest.Item(e.getKey(), e.getValue())).toList();
        ShipmentRequest request = ShipmentRequest.outbound(requestId, dispatch.service(), addressOf(warehouse),
                destination, pack(perSku), order.facts().snapshot().currency());
        return new Planned(warehouse, items, units, request);
    }

    /**
     * Where a warehouse's parcels are collected and its returns go back to.
     *
     * @throws InvalidInputException if the warehouse has no address
     */
    Address addressOf(WarehouseId warehouse) {
        Address address = settings.warehouses().get(warehouse);
        if (address == null) {
            throw new InvalidInputException("warehouse", warehouse,
                    "has no address to ship from; give it with Commerce.Builder.warehouseAddress");
        }
        return address;
    }

    /** Packs units into one parcel, with the catalog's weights and sizes (none for an unknown SKU). */
    Parcel pack(Map<SkuId, Long> perSku) {
        List<Packing.Units> units = new ArrayList<>();
        perSku.forEach((sku, quantity) -> {
            Optional<Sku> known = context.catalog().find(sku);
            units.add(new Packing.Units(sku, quantity, known.map(Sku::weightGrams).orElse(0L),
                    known.map(Sku::size).orElse(Dimensions.NONE)));
        });
        return settings.packing().pack(units);
    }

    /**
     * Quotes every parcel before booking any: a route, service, weight or currency the carrier
     * would refuse is found without side effects.
     */
    private Optional<DispatchResult> preCheck(List<Planned> plan) {
        for (Planned p : plan) {
            ShipmentRequest r = p.request();
            QuoteOutcome quote;
            try {
                quote = context.carrier().quote(new QuoteRequest(r.origin(), r.destination(), r.parcel(), r.currency(),
                        context.now()));
            } catch (CarrierUnavailableException e) {
                return Optional.of(new DispatchResult.CarrierUnavailable(e.getMessage() + "; nothing was booked"));
            }
            if (quote instanceof QuoteOutcome.Unquotable unquotable) {
                return Optional.of(new DispatchResult.Refused(
                        Optional.of(ShipmentRefusal.valueOf(unquotable.reason().name())),
                        "the carrier cannot take the parcel from " + p.warehouse() + ": " + unquotable.detail()));
            }
            if (((QuoteOutcome.Quoted) quote).forService(r.service()).isEmpty()) {
                return Optional.of(new DispatchResult.Refused(Optional.of(ShipmentRefusal.SERVICE_NOT_OFFERED),
                        r.service() + " is not offered from " + p.warehouse() + " to " + r.destination().city()));
            }
        }
        return Optional.empty();
    }
}
