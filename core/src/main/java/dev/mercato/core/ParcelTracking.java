package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fulfilment.DeliveryHook;
import dev.mercato.core.fulfilment.ParcelEvent;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parcel tracking: applies the carrier's tracking events (pushed notifications, after the carrier
 * verified them, and the polls of each open parcel's tracking timer) to the parcels, once per
 * event; delivers an order when all its parcels are delivered, moving the escrow's clock with it
 * and telling the delivery hooks; hands a delivered return to {@link ReturnShipments}.
 */
final class ParcelTracking {
    private static final Logger LOG = LoggerFactory.getLogger(ParcelTracking.class);

    private final Context context;
    private final FulfilmentSettings settings;
    private final ReturnShipments returns;
    private final Optional<LateDeliveries> late;

    ParcelTracking(Context context, FulfilmentSettings settings, ReturnShipments returns) {
        this.context = context;
        this.settings = settings;
        this.returns = returns;
        this.late = settings.lateDelivery().map(rule -> new LateDeliveries(context, rule));
    }

    /** Applies a pushed notification the carrier verifies: see {@link Commerce#onTrackingNotification}. */
    TrackingResult onNotification(Actor actor, TrackingNotification notification) {
        Access.system(actor, "apply carrier notifications");
        InvalidInputException.requireNonNull(notification, "notification");
        NotificationVerdict verdict = context.carrier().verify(notification);
        if (verdict instanceof NotificationVerdict.Rejected rejected) {
            return new TrackingResult.Rejected(rejected.reason(), rejected.detail());
        }
        return apply(verdict.eventsOrEmpty());
    }

    /** What applying a parcel's events did. */
    private record Applied(OrderId orderId, int newEvents, Optional<Order.Delivered> delivered, boolean returnReceived) {}

    private TrackingResult.Applied apply(List<TrackingEvent> events) {
        Map<TrackingNumber, List<TrackingEvent>> byParcel = new LinkedHashMap<>();
        events.forEach(e -> byParcel.computeIfAbsent(e.trackingNumber(), n -> new ArrayList<>()).add(e));
        int added = 0;
        List<OrderId> delivered = new ArrayList<>();
        List<OrderId> returns = new ArrayList<>();
        List<TrackingNumber> unknown = new ArrayList<>();
        for (Map.Entry<TrackingNumber, List<TrackingEvent>> parcel : byParcel.entrySet()) {
            String key = Parcels.key(context.carrier().id(), parcel.getKey());
            Optional<Applied> applied = context.tx(uow -> applyToParcel(uow, key, parcel.getValue()));
            if (applied.isEmpty()) {
                unknown.add(parcel.getKey());
                continue;
            }
            added += applied.get().newEvents();
            applied.get().delivered().ifPresent(order -> {
                delivered.add(order.id());
                if (late.isPresent()) {
                    // A late-delivery compensation's refund is sent now; reconciliation re-sends it.
                    context.afterCommit(order.id());
                }
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
                    returns.receiveReturn(uow, after, deciding.occurredAt())));
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
        if (late.isPresent()) {
            Optional<LateDeliveries.Compensated> compensated = late.get().compensate(uow, next, outbound.values());
            if (compensated.isPresent()) {
                next = compensated.get().order();
                uow.publishAfterCommit(compensated.get().event());
            }
        }
        orders.update(id, next, current.version());
        uow.timers().schedule(new TimerKey(OrderCommands.AUTO_COMPLETE_TIMER, id.value()), next.returnBy());
        uow.publishAfterCommit(OrderEvent.entered(next, context.now()));
        return Optional.of(next);
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
            context.carrier().track(claimed.get().trackingNumber()).ifPresent(t -> apply(t.events()));
        } catch (CarrierUnavailableException e) {
            LOG.info("tracking of parcel {} failed; it is asked again at the next poll", key, e);
        }
    }
}
