package dev.mercato.core;

import dev.mercato.core.Access.OrderRole;
import dev.mercato.core.DispatchPlanning.Plan;
import dev.mercato.core.DispatchPlanning.Planned;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.ParcelEvent;
import dev.mercato.core.fulfilment.Parcels;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.VoidedDispatch;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.Versioned;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.pricing.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parcel booking: books the parcels {@link DispatchPlanning} planned with the carrier, each under
 * a request id derived from the order, the dispatch key and the warehouse; cancels the ones already
 * booked when a later one is refused; records them on the order, all or none. A retried dispatch
 * (same key, same content, by fingerprint) returns the parcels recorded first and books nothing.
 */
final class ParcelBooking {
    private static final Logger LOG = LoggerFactory.getLogger(ParcelBooking.class);
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Context context;
    private final FulfilmentSettings settings;
    private final DispatchPlanning planning;

    ParcelBooking(Context context, FulfilmentSettings settings, DispatchPlanning planning) {
        this.context = context;
        this.settings = settings;
        this.planning = planning;
    }

    // ------------------------------------------------------------------ reads

    /** The parcels of an order, for an actor who may read them: see {@link Commerce#parcels}. */
    List<TrackedParcel> parcels(Actor actor, OrderId id) {
        Order order = load(id);
        Access.order(actor, order.facts(), "read the parcels of", OrderRole.values());
        return parcelsOf(id);
    }

    /** The carrier parcels of an order, outbound and returns, oldest first. */
    List<TrackedParcel> parcelsOf(OrderId id) {
        return context.tx(uow -> uow.repository(Parcels.TYPE).findBy(Parcels.BY_ORDER, id.value())).stream()
                .map(Versioned::value).sorted(Comparator.comparing(p -> p.shipment().createdAt())).toList();
    }

    /**
     * An order, by id.
     *
     * @throws InvalidInputException if there is no such order
     */
    Order load(OrderId id) {
        InvalidInputException.requireNonNull(id, "orderId");
        return context.tx(uow -> uow.repository(Orders.TYPE).find(id)).map(Versioned::value)
                .orElseThrow(() -> new InvalidInputException("orderId", id, "is not a known order"));
    }

    // ------------------------------------------------------------------ outbound parcels

    /** Ships units of an order through the carrier: see {@link Commerce#shipWithCarrier}. */
    DispatchResult dispatch(Actor actor, OrderId id, CarrierDispatch dispatch) {
        InvalidInputException.requireNonNull(dispatch, "dispatch");
        Order order = load(id);
        Access.order(actor, order.facts(), "ship", OrderRole.SELLER);
        String fingerprint = fingerprint(dispatch);
        Optional<DispatchResult> replay = replay(id, dispatch.key(), fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        String attempt = context.tx(uow -> uow.repository(VoidedDispatch.TYPE).find(VoidedDispatch.key(id, dispatch.key())))
                .map(v -> v.value().suffix()).orElse("");
        Plan planned = planning.plan(order, dispatch,
                warehouse -> requestId(id, dispatch.key(), "w-" + warehouse.value() + attempt));
        if (planned instanceof Plan.Refused refusedPlan) {
            return refusedPlan.answer();
        }
        List<Planned> plan = ((Plan.Parcels) planned).parcels();
        List<dev.mercato.logistics.Shipment> booked = new ArrayList<>();
        for (Planned p : plan) {
            ShipmentOutcome outcome;
            try {
                outcome = context.carrier().createShipment(p.request());
            } catch (CarrierUnavailableException e) {
                return new DispatchResult.CarrierUnavailable(e.getMessage()
                        + "; nothing was recorded on order " + id + ": retry with key " + dispatch.key());
            }
            if (outcome instanceof ShipmentOutcome.Refused refused) {
                voidAndCancel(id, dispatch.key(), booked);
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
            voidAndCancel(id, dispatch.key(), booked);
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

    /**
     * Cancels parcels booked for a dispatch that will not record them, after counting the void, so
     * that a later dispatch under the same key books under new request ids (the carrier would
     * answer the old ones with the cancelled shipments). If the count cannot be written nothing is
     * cancelled: a retry under the same key then records the parcels already booked.
     */
    private void voidAndCancel(OrderId id, String key, List<dev.mercato.logistics.Shipment> booked) {
        if (booked.isEmpty()) {
            return;
        }
        try {
            context.tx(uow -> {
                Repository<String, VoidedDispatch> voids = uow.repository(VoidedDispatch.TYPE);
                String k = VoidedDispatch.key(id, key);
                Optional<Versioned<VoidedDispatch>> current = voids.find(k);
                if (current.isEmpty()) {
                    voids.insert(k, new VoidedDispatch(id, key, 1));
                } else {
                    voids.update(k, new VoidedDispatch(id, key, Math.addExact(current.get().value().voids(), 1)),
                            current.get().version());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("could not record the void of dispatch {} of order {}; its parcels stay booked for a retry",
                    key, id, e);
            return;
        }
        cancel(booked);
    }

    private void cancel(List<dev.mercato.logistics.Shipment> booked) {
        for (dev.mercato.logistics.Shipment shipment : booked) {
            try {
                context.carrier().cancel(shipment.trackingNumber());
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
                Optional<String> refusal = DispatchPlanning.shipmentRefusal(order, shipment.items());
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
}
