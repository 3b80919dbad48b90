package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.ParcelEvent;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.Tracking;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Return shipments: books the carrier's return parcel of an approved return or exchange case (from
 * the buyer back to the warehouse the goods left), once per case, and marks the case's goods
 * received when tracking reports that parcel delivered.
 */
final class ReturnShipments {
    private static final String RETURN_KEY = "return";

    private final Context context;
    private final FulfilmentSettings settings;
    private final DispatchPlanning planning;
    private final ParcelBooking bookings;

    ReturnShipments(Context context, FulfilmentSettings settings, DispatchPlanning planning, ParcelBooking bookings) {
        this.context = context;
        this.settings = settings;
        this.planning = planning;
        this.bookings = bookings;
    }


    /**
     * Books the return parcel of an approved case, collected at {@code from} or else at the order's
     * address: see {@link Commerce#shipReturn(Actor, OrderId, String, ServiceLevel)}.
     */
    DispatchResult shipReturn(Actor actor, OrderId id, String caseId, Optional<Address> from, ServiceLevel service) {
        InvalidInputException.requireNonNull(caseId, "caseId");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(service, "service");
        Order order = bookings.load(id);
        Access.order(actor, order.facts(), "book the return of", OrderRole.BUYER, OrderRole.SELLER, OrderRole.OPERATOR);
        Optional<Address> buyer = from.or(() -> order.facts().destination());
        List<TrackedParcel> parcels = bookings.parcelsOf(id);
        Optional<TrackedParcel> earlier = parcels.stream().filter(p -> p.returnCase().equals(Optional.of(caseId)))
                .findFirst();
        if (earlier.isPresent()) {
            return new DispatchResult.Dispatched(order, List.of(earlier.get()));
        }
        if (!(order instanceof Order.Delivered delivered)) {
            return new DispatchResult.Refused(Optional.empty(), "order " + id + " is " + order.stateName()
                    + " and takes no returns");
        }
        Optional<AfterSaleCase> found = delivered.findCase(caseId);
        if (found.isEmpty()) {
            return new DispatchResult.Refused(Optional.empty(), "order " + id + " has no after-sale case " + caseId);
        }
        if (!(found.get() instanceof AfterSaleCase.Approved approved)
                || approved.request().kind() == AfterSaleCase.Kind.REFUND_ONLY) {
            return new DispatchResult.Refused(Optional.empty(), "case " + caseId + " is "
                    + found.get().getClass().getSimpleName() + " " + found.get().request().kind()
                    + "; only an approved return or exchange gets a return shipment");
        }
        List<Shipment.Item> items = approved.request().items().stream()
                .map(i -> new Shipment.Item(i.lineNo(), i.quantity())).toList();
        int firstLine = items.get(0).lineNo();
        Optional<TrackedParcel> original = parcels.stream()
                .filter(p -> !p.isReturn() && p.items().stream().anyMatch(i -> i.lineNo() == firstLine)).findFirst();
        if (original.isEmpty()) {
            return new DispatchResult.Refused(Optional.empty(), "line " + firstLine + " of order " + id
                    + " did not ship through the carrier; arrange the return by hand");
        }
        if (buyer.isEmpty()) {
            return new DispatchResult.Refused(Optional.empty(), "order " + id
                    + " has no delivery address to collect the return from; give the buyer's address");
        }
        Address buyerAddress = buyer.get();
        Map<SkuId, Long> perSku = new LinkedHashMap<>();
        items.forEach(i -> perSku.merge(order.facts().snapshot().line(i.lineNo()).sku(), i.quantity(), Long::sum));
        WarehouseId returnTo = original.get().warehouse();
        ShipmentRequest request = ShipmentRequest.returnOf(ParcelBooking.requestId(id, RETURN_KEY, "r-" + caseId),
                original.get().trackingNumber(), service, buyerAddress, planning.addressOf(returnTo),
                planning.pack(perSku), order.facts().snapshot().currency());
        ShipmentOutcome outcome;
        try {
            outcome = context.carrier().createShipment(request);
        } catch (CarrierUnavailableException e) {
            return new DispatchResult.CarrierUnavailable(e.getMessage() + "; retry: the same return is requested again");
        }
        if (outcome instanceof ShipmentOutcome.Refused refused) {
            return new DispatchResult.Refused(Optional.of(refused.reason()), "the carrier refused the return: "
                    + refused.detail());
        }
        dev.mercato.logistics.Shipment booking = outcome.created().orElseThrow();
        TrackedParcel parcel = new TrackedParcel(id, Optional.of(caseId), RETURN_KEY, returnTo, items, booking,
                Tracking.of(booking.trackingNumber()), request.toString());
        return context.tx(uow -> {
            Repository<String, TrackedParcel> repo = uow.repository(Parcels.TYPE);
            Optional<Versioned<TrackedParcel>> same = repo.find(parcel.key());
            Order now = uow.repository(Orders.TYPE).find(id).orElseThrow().value();
            if (same.isPresent()) {
                return new DispatchResult.Dispatched(now, List.of(same.get().value()));
            }
            repo.insert(parcel.key(), parcel);
            Instant at = context.now();
            uow.timers().schedule(new TimerKey(Parcels.TRACK_TIMER, parcel.key()), at.plus(settings.pollEvery()));
            uow.publishAfterCommit(new ParcelEvent.Booked(id, parcel, at));
            return new DispatchResult.Dispatched(now, List.of(parcel));
        });
    }

    /** Marks the returned goods of an approved case received, as {@code receiveReturnedGoods} does. */
    boolean receiveReturn(UnitOfWork uow, TrackedParcel parcel, Instant at) {
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        Versioned<Order> current = orders.find(parcel.orderId()).orElseThrow();
        String caseId = parcel.returnCase().orElseThrow();
        if (!(current.value() instanceof Order.Delivered delivered)
                || !(delivered.findCase(caseId).orElse(null) instanceof AfterSaleCase.Approved)) {
            return false;
        }
        Order.Delivered next = delivered.receiveReturnedGoods(caseId, at);
        orders.update(parcel.orderId(), next, current.version());
        uow.publishAfterCommit(new OrderEvent.AfterSaleChanged(parcel.orderId(), caseId, "GoodsReturned", context.now()));
        return true;
    }
}
