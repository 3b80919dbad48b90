package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DeliveryHook;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.Packing;
import dev.mercato.core.fulfilment.ParcelEvent;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.pricing.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shipping through the carrier: books one parcel per warehouse, records it on the order, and
 * applies the carrier's tracking to parcels, orders, after-sale cases and the escrow's clock.
 */
final class FulfilmentCommands {
    private static final Logger LOG = LoggerFactory.getLogger(FulfilmentCommands.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String RETURN_KEY = "return";

    private final Context context;
    private final FulfilmentSettings settings;

    FulfilmentCommands(Context context, FulfilmentSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    private Carrier carrier() {
        return context.carrier();
    }

    // ------------------------------------------------------------------ reads

    List<TrackedParcel> parcels(Actor actor, OrderId id) {
        Order order = load(id);
        Access.order(actor, order.facts(), "read the parcels of", OrderRole.values());
        return parcelsOf(id);
    }

    private List<TrackedParcel> parcelsOf(OrderId id) {
        return context.tx(uow -> uow.repository(Parcels.TYPE).findBy(Parcels.BY_ORDER, id.value())).stream()
                .map(Versioned::value).sorted(Comparator.comparing(p -> p.shipment().createdAt())).toList();
    }

    private Order load(OrderId id) {
        InvalidInputException.requireNonNull(id, "orderId");
        return context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
    }

    // ------------------------------------------------------------------ outbound parcels

    /** One parcel to book: the units one warehouse ships. */
    private record Planned(WarehouseId warehouse, List<Shipment.Item> items, List<ReservationRequest.Item> units,
            ShipmentRequest request) {}

    DispatchResult dispatch(Actor actor, OrderId id, CarrierDispatch dispatch) {
        InvalidInputException.requireNonNull(dispatch, "dispatch");
        Order order = load(id);
        Access.order(actor, order.facts(), "ship", OrderRole.SELLER);
        String fingerprint = fingerprint(dispatch);
        Optional<DispatchResult> replay = replay(id, dispatch.key(), fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<Address> destination = dispatch.destination().or(() -> order.facts().destination());
        if (destination.isEmpty()) {
            return new DispatchResult.Refused(Optional.empty(), "order " + id
                    + " was checked out without a delivery address; give one in the CarrierDispatch");
        }
        List<Shipment.Item> items = dispatch.items().isEmpty() ? unshipped(order) : dispatch.items();
        Optional<String> refusal = shipmentRefusal(order, items);
        if (refusal.isPresent()) {
            return new DispatchResult.Refused(Optional.empty(), refusal.get());
        }
        Map<WarehouseId, Map<Integer, Long>> byWarehouse = new LinkedHashMap<>();
        Optional<String> shortage = splitByWarehouse(order, items, byWarehouse);
        if (shortage.isPresent()) {
            return new DispatchResult.Refused(Optional.empty(), shortage.get());
        }
        List<Planned> plan = new ArrayList<>();
        for (Map.Entry<WarehouseId, Map<Integer, Long>> parcel : byWarehouse.entrySet()) {
            plan.add(plan(order, dispatch, destination.get(), parcel.getKey(), parcel.getValue()));
        }
        Optional<DispatchResult> unfit = preCheck(plan);
        if (unfit.isPresent()) {
            return unfit.get();
        }
        List<dev.mercato.logistics.Shipment> booked = new ArrayList<>();
        for (Planned p : plan) {
            ShipmentOutcome outcome;
            try {
                outcome = carrier().createShipment(p.request());
            } catch (CarrierUnavailableException e) {
                return new DispatchResult.CarrierUnavailable(e.getMessage()
                        + "; nothing was recorded on order " + id + ": retry with key " + dispatch.key());
            }
            if (outcome instanceof ShipmentOutcome.Refused refused) {
                cancel(booked);
                return new DispatchResult.Refused(Optional.of(refused.reason()), "the carrier refused the parcel from "
                        + p.warehouse() + ": " + refused.detail());
            }
            booked.add(outcome.created().orElseThrow());
        }
        DispatchResult result;
        try {
            result = record(id, dispatch.key(), fingerprint, plan, booked);
        } catch (Context.EscrowRefusal escrowRefused) {
            result = new DispatchResult.Refused(Optional.empty(), "order " + id + ": " + escrowRefused.getMessage());
        }
        if (result instanceof DispatchResult.Refused) {
            cancel(booked);
            return result;
        }
        context.afterCommit(id);
        for (Planned p : plan) {
            // The parcel's units leave this warehouse (idempotent per request id).
            context.inventory().commit(new ReservationId(id.value()), p.request().requestId().value(), p.warehouse(),
                    p.units());
        }
        return result;
    }

    private Optional<DispatchResult> replay(OrderId id, String key, String fingerprint) {
        List<TrackedParcel> earlier = parcelsOf(id).stream()
                .filter(p -> !p.isReturn() && p.dispatchKey().equals(key)).toList();
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get(0).request().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(new IdempotencyKey("carrier-dispatch", id.value() + "/" + key),
                    earlier.get(0).request(), fingerprint);
        }
        return Optional.of(new DispatchResult.Dispatched(load(id), earlier));
    }

    private static String fingerprint(CarrierDispatch d) {
        return d.destination().map(Address::toString).orElse("the order's address") + " " + d.service() + " "
                + (d.items().isEmpty() ? "everything"
                : d.items().stream().map(i -> i.lineNo() + "x" + i.quantity()).collect(Collectors.joining(",")));
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

    private static Optional<String> shipmentRefusal(Order order, List<Shipment.Item> items) {
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

    private Planned plan(Order order, CarrierDispatch dispatch, Address destination, WarehouseId warehouse,
            Map<Integer, Long> lines) {
        List<Shipment.Item> items = new ArrayList<>();
        Map<SkuId, Long> perSku = new LinkedHashMap<>();
        lines.forEach((lineNo, quantity) -> {
            items.add(new Shipment.Item(lineNo, quantity));
            perSku.merge(order.facts().snapshot().line(lineNo).sku(), quantity, Long::sum);
        });
        List<ReservationRequest.Item> units = perSku.entrySet().stream()
                .map(e -> new ReservationRequest.Item(e.getKey(), e.getValue())).toList();
        ShipmentRequest request = ShipmentRequest.outbound(
                requestId(order.id(), dispatch.key(), "w-" + warehouse.value()), dispatch.service(),
                addressOf(warehouse), destination, pack(perSku), order.facts().snapshot().currency());
        return new Planned(warehouse, items, units, request);
    }

    private Address addressOf(WarehouseId warehouse) {
        Address address = settings.warehouses().get(warehouse);
        if (address == null) {
            throw new InvalidInputException("warehouse", warehouse,
                    "has no address to ship from; give it with Commerce.Builder.warehouseAddress");
        }
        return address;
    }

    private Parcel pack(Map<SkuId, Long> perSku) {
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
                quote = carrier().quote(new QuoteRequest(r.origin(), r.destination(), r.parcel(), r.currency(),
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

    private void cancel(List<dev.mercato.logistics.Shipment> booked) {
        for (dev.mercato.logistics.Shipment shipment : booked) {
            try {
                carrier().cancel(shipment.trackingNumber());
            } catch (RuntimeException e) {
                LOG.warn("could not cancel unused parcel {}; cancel it with the carrier", shipment.trackingNumber(), e);
            }
        }
    }

    /** Records the booked parcels on the order, all or none. */
    private DispatchResult record(OrderId id, String key, String fingerprint, List<Planned> plan,
            List<dev.mercato.logistics.Shipment> booked) {
        return context.tx(uow -> {
            Repository<String, TrackedParcel> parcels = uow.repository(Parcels.TYPE);
            Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
            Versioned<Order> current = orders.find(id).orElseThrow();
            List<TrackedParcel> earlier = parcels.findBy(Parcels.BY_ORDER, id.value()).stream().map(Versioned::value)
                    .filter(p -> !p.isReturn() && p.dispatchKey().equals(key)).toList();
            if (!earlier.isEmpty()) {
                // A concurrent retry of this command recorded the same parcels first.
                return new DispatchResult.Dispatched(current.value(), earlier);
            }
            Instant now = context.now();
            Order order = current.value();
            List<TrackedParcel> recorded = new ArrayList<>();
            for (int i = 0; i < plan.size(); i++) {
                dev.mercato.logistics.Shipment booking = booked.get(i);
                // Shipped when the carrier booked it: a retry may record a parcel booked, and even
                // delivered, before the command that records it.
                Instant bookedAt = booking.createdAt().isBefore(now) ? booking.createdAt() : now;
                Shipment shipment = new Shipment(booking.trackingNumber().value(), plan.get(i).items(), bookedAt);
                Optional<String> refusal = shipmentRefusal(order, shipment.items());
                if (refusal.isPresent()) {
                    return new DispatchResult.Refused(Optional.empty(), refusal.get());
                }
                order = order instanceof Order.StockAllocated a ? a.ship(shipment) : ((Order.PartiallyShipped) order).ship(shipment);
                TrackedParcel parcel = new TrackedParcel(id, Optional.empty(), key, plan.get(i).warehouse(),
                        plan.get(i).items(), booking, Tracking.of(booking.trackingNumber()), fingerprint);
                recorded.add(parcel);
                uow.publishAfterCommit(new OrderEvent.ShipmentSent(id, shipment, now));
            }
            context.follow(uow, current.value(), order);
            orders.update(id, order, current.version());
            uow.publishAfterCommit(OrderEvent.entered(order, now));
            for (TrackedParcel parcel : recorded) {
                parcels.insert(parcel.key(), parcel);
                uow.timers().schedule(new TimerKey(Parcels.TRACK_TIMER, parcel.key()), now.plus(settings.pollEvery()));
                uow.publishAfterCommit(new ParcelEvent.Booked(id, parcel, now));
            }
            return new DispatchResult.Dispatched(order, recorded);
        });
    }

    /**
     * The carrier request id of a parcel: readable when the ids allow it, otherwise a digest; the
     * same order, key and part always give the same id.
     */
    static ShipmentRequestId requestId(OrderId order, String key, String part) {
        String readable = order.value() + "." + key + "." + part;
        if (REQUEST_ID.matcher(readable).matches()) {
            return new ShipmentRequestId(readable);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((order.value() + "\n" + key + "\n" + part).getBytes(StandardCharsets.UTF_8));
            return new ShipmentRequestId("mo." + HexFormat.of().formatHex(digest, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK guarantees SHA-256", e);
        }
    }

    // ------------------------------------------------------------------ return shipments

    DispatchResult shipReturn(Actor actor, OrderId id, String caseId, Optional<Address> from, ServiceLevel service) {
        InvalidInputException.requireNonNull(caseId, "caseId");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(service, "service");
        Order order = load(id);
        Access.order(actor, order.facts(), "book the return of", OrderRole.BUYER, OrderRole.SELLER, OrderRole.OPERATOR);
        Optional<Address> buyer = from.or(() -> order.facts().destination());
        List<TrackedParcel> parcels = parcelsOf(id);
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
        ShipmentRequest request = ShipmentRequest.returnOf(requestId(id, RETURN_KEY, "r-" + caseId),
                original.get().trackingNumber(), service, buyerAddress, addressOf(returnTo), pack(perSku),
                order.facts().snapshot().currency());
        ShipmentOutcome outcome;
        try {
            outcome = carrier().createShipment(request);
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

    // ------------------------------------------------------------------ tracking

    TrackingResult onNotification(Actor actor, TrackingNotification notification) {
        Access.system(actor, "apply carrier notifications");
        InvalidInputException.requireNonNull(notification, "notification");
        NotificationVerdict verdict = carrier().verify(notification);
        if (verdict instanceof NotificationVerdict.Rejected rejected) {
            return new TrackingResult.Rejected(rejected.reason(), rejected.detail());
        }
        return apply(verdict.eventsOrEmpty());
    }

    /** What applying a parcel's events did. */
    private record Applied(OrderId orderId, int newEvents, Optional<Order.Delivered> delivered, boolean returnReceived) {}

    TrackingResult.Applied apply(List<TrackingEvent> events) {
        Map<TrackingNumber, List<TrackingEvent>> byParcel = new LinkedHashMap<>();
        events.forEach(e -> byParcel.computeIfAbsent(e.trackingNumber(), n -> new ArrayList<>()).add(e));
        int added = 0;
        List<OrderId> delivered = new ArrayList<>();
        List<OrderId> returns = new ArrayList<>();
        List<TrackingNumber> unknown = new ArrayList<>();
        for (Map.Entry<TrackingNumber, List<TrackingEvent>> parcel : byParcel.entrySet()) {
            String key = Parcels.key(carrier().id(), parcel.getKey());
            Optional<Applied> applied = context.tx(uow -> applyToParcel(uow, key, parcel.getValue()));
            if (applied.isEmpty()) {
                unknown.add(parcel.getKey());
                continue;
            }
            added += applied.get().newEvents();
            applied.get().delivered().ifPresent(order -> {
                delivered.add(order.id());
                delivered(order);
            });
            if (applied.get().returnReceived()) {
                returns.add(applied.get().orderId());
            }
        }
        return new TrackingResult.Applied(added, delivered, returns, unknown);
    }

    private Optional<Applied> applyToParcel(UnitOfWork uow, String key, List<TrackingEvent> events) {
        Repository<String, TrackedParcel> parcels = uow.repository(Parcels.TYPE);
        Optional<Versioned<TrackedParcel>> found = parcels.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        TrackedParcel before = found.get().value();
        Tracking tracking = before.tracking().applyAll(events);
        if (tracking.equals(before.tracking())) {
            return Optional.of(new Applied(before.orderId(), 0, Optional.empty(), false));
        }
        TrackedParcel after = before.withTracking(tracking);
        parcels.update(key, after, found.get().version());
        int added = tracking.events().size() - before.tracking().events().size();
        if (!after.isOpen()) {
            uow.timers().cancel(new TimerKey(Parcels.TRACK_TIMER, key));
        }
        TrackingPhase was = before.phase();
        TrackingPhase is = after.phase();
        if (was == is) {
            return Optional.of(new Applied(after.orderId(), added, Optional.empty(), false));
        }
        TrackingEvent deciding = tracking.current().orElseThrow();
        uow.publishAfterCommit(new ParcelEvent.Moved(after.orderId(), after.trackingNumber(), after.isReturn(), is,
                deciding.occurredAt()));
        if (is == TrackingPhase.EXCEPTION || is == TrackingPhase.RETURNED) {
            String detail = deciding instanceof TrackingEvent.ExceptionReported reported ? reported.reason()
                    : is.name().toLowerCase(java.util.Locale.ROOT);
            uow.publishAfterCommit(new ParcelEvent.Trouble(after.orderId(), after.trackingNumber(), is, detail,
                    deciding.occurredAt()));
        }
        if (is != TrackingPhase.DELIVERED) {
            return Optional.of(new Applied(after.orderId(), added, Optional.empty(), false));
        }
        if (after.isReturn()) {
            return Optional.of(new Applied(after.orderId(), added, Optional.empty(),
                    receiveReturn(uow, after, deciding.occurredAt())));
        }
        return Optional.of(new Applied(after.orderId(), added, deliverIfComplete(uow, after), false));
    }

    /**
     * Moves a shipped order to delivered when every parcel of it went through the carrier and all
     * are delivered, at the last delivery's instant. The order is written even when it stays as it
     * is, so two parcels delivered at once conflict and the retry sees both.
     */
    private Optional<Order.Delivered> deliverIfComplete(UnitOfWork uow, TrackedParcel delivered) {
        Repository<OrderId, Order> orders = uow.repository(Orders.TYPE);
        OrderId id = delivered.orderId();
        Versioned<Order> current = orders.find(id).orElseThrow();
        if (!(current.value() instanceof Order.Shipped shipped)) {
            orders.update(id, current.value(), current.version());
            return Optional.empty();
        }
        Map<String, TrackedParcel> outbound = new LinkedHashMap<>();
        uow.repository(Parcels.TYPE).findBy(Parcels.BY_ORDER, id.value()).stream().map(Versioned::value)
                .filter(p -> !p.isReturn()).forEach(p -> outbound.put(p.key(), p));
        outbound.put(delivered.key(), delivered);
        boolean allTracked = shipped.shipments().stream().allMatch(s -> outbound.values().stream()
                .anyMatch(p -> p.trackingNumber().value().equals(s.trackingNumber())));
        if (!allTracked || !outbound.values().stream().allMatch(p -> p.tracking().isDelivered())) {
            orders.update(id, shipped, current.version());
            return Optional.empty();
        }
        Instant at = outbound.values().stream().map(p -> p.tracking().deliveredAt().orElseThrow())
                .max(Comparator.naturalOrder()).orElseThrow();
        Order.Delivered next = shipped.deliver(at, context.policy().returnWindow());
        // The escrow's confirmation clock starts from the delivery; a disputed escrow stays frozen.
        context.follow(uow, shipped, next);
        orders.update(id, next, current.version());
        uow.timers().schedule(new TimerKey(OrderCommands.AUTO_COMPLETE_TIMER, id.value()), next.returnBy());
        uow.publishAfterCommit(OrderEvent.entered(next, context.now()));
        return Optional.of(next);
    }

    /** Marks the returned goods of an approved case received, as {@code receiveReturnedGoods} does. */
    private boolean receiveReturn(UnitOfWork uow, TrackedParcel parcel, Instant at) {
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

    /**
     * Tells the delivery hooks (the escrow's confirmation clock among them). Runs after the
     * order's commit; a failing hook is logged and changes nothing.
     */
    void delivered(Order.Delivered order) {
        for (DeliveryHook hook : settings.onDelivery()) {
            try {
                hook.delivered(order);
            } catch (RuntimeException e) {
                LOG.warn("a delivery hook failed for order {}", order.id(), e);
            }
        }
    }

    /**
     * Fires a parcel's tracking timer: claims it by moving it one interval ahead (so a crash in
     * between only delays the next poll), asks the carrier, applies what it reports.
     */
    void track(DueTimer timer) {
        String key = timer.key().target();
        Optional<TrackedParcel> claimed = context.tx(uow -> {
            Optional<DueTimer> still = uow.timers().find(timer.key());
            if (still.isEmpty() || !still.get().equals(timer)) {
                return Optional.<TrackedParcel>empty();
            }
            Optional<TrackedParcel> parcel = uow.repository(Parcels.TYPE).find(key).map(Versioned::value)
                    .filter(TrackedParcel::isOpen);
            if (parcel.isEmpty()) {
                uow.timers().cancel(timer.key());
            } else {
                uow.timers().schedule(timer.key(), context.now().plus(settings.pollEvery()));
            }
            return parcel;
        });
        if (claimed.isEmpty()) {
            return;
        }
        try {
            carrier().track(claimed.get().trackingNumber()).ifPresent(t -> apply(t.events()));
        } catch (CarrierUnavailableException e) {
            LOG.info("tracking of parcel {} failed; it is asked again at the next poll", key, e);
        }
    }
}
