package dev.mercato.core;

import static dev.mercato.core.FulfilmentWorld.ANN;
import static dev.mercato.core.FulfilmentWorld.EAST;
import static dev.mercato.core.FulfilmentWorld.POT;
import static dev.mercato.core.FulfilmentWorld.POT_STOCK;
import static dev.mercato.core.FulfilmentWorld.TEA;
import static dev.mercato.core.FulfilmentWorld.TEA_SHOP;
import static dev.mercato.core.FulfilmentWorld.TEA_STOCK;
import static dev.mercato.core.FulfilmentWorld.TRACKER;
import static dev.mercato.core.FulfilmentWorld.WEST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.escrow.Shipped;
import dev.mercato.core.escrow.Transition;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of shipping through the carrier: random sequences of ship commands (whole
 * orders, single lines, retries, reused keys), clock moves, carrier notifications applied late,
 * twice or out of order, polling, escrow timers, and a return that ends in a refund, over parcels
 * that may be delayed, lost, duplicated or reordered by the sandbox. After every step: no parcel
 * is booked twice or left unrecorded, each parcel's units left their own warehouse, the order is
 * delivered exactly when all its parcels are (at the last delivery), the escrow's clock runs from
 * that delivery, returned goods are received exactly when the return is delivered, and the money
 * balances.
 */
class CarrierFulfilmentProperties {
    static final List<String> KEYS = List.of("a", "b", "c");
    static final Actor.PlatformOperator OPS = new Actor.PlatformOperator("ops");

    /** The world, what the carrier booked, and the notifications not applied yet. */
    static final class Model {
        final FulfilmentWorld world;
        final Set<TrackingNumber> booked;
        /** Tracking numbers the carrier created, by the dispatch key of their request id. */
        final Map<String, Set<TrackingNumber>> bookedByKey = new java.util.concurrent.ConcurrentHashMap<>();
        /** When set, the next booking is made at the carrier but its answer is lost (a timeout). */
        final java.util.concurrent.atomic.AtomicBoolean timeOutNext = new java.util.concurrent.atomic.AtomicBoolean();
        /** Keys whose last command met an unreachable carrier: booked, not recorded, to be retried. */
        final Set<String> unavailable = new LinkedHashSet<>();
        final OrderId id;
        final List<TrackingNotification> pending = new ArrayList<>();
        final Map<String, CarrierDispatch> dispatched = new HashMap<>();
        final Map<String, List<TrackedParcel>> firstParcels = new HashMap<>();

        Model(long tea, long pots, List<Optional<SandboxFault>> faults) {
            Set<TrackingNumber> created = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
            this.world = new FulfilmentWorld(sandbox -> new ForwardingCarrier(sandbox) {
                @Override
                public ShipmentOutcome createShipment(ShipmentRequest request) {
                    ShipmentOutcome outcome = super.createShipment(request);
                    outcome.created().ifPresent(s -> {
                        created.add(s.trackingNumber());
                        bookedByKey.computeIfAbsent(request.requestId().value().split("\\.")[1],
                                k -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(s.trackingNumber());
                    });
                    if (timeOutNext.getAndSet(false)) {
                        throw new CarrierUnavailableException(id(), "timed out after 5s", null);
                    }
                    return outcome;
                }
            });
            this.booked = created;
            this.id = world.paidOrder("k1", tea, pots).id();
            int i = 0;
            for (String key : KEYS) {
                for (String warehouse : List.of("w-east", "w-west")) {
                    Optional<SandboxFault> fault = faults.get(i++ % faults.size());
                    fault.ifPresent(f -> world.sandbox.script(ParcelBooking.requestId(id, key, warehouse), f));
                }
            }
        }

        Order order() {
            return world.order(id);
        }

        List<TrackedParcel> parcels() {
            return world.commerce.parcels(TRACKER, id);
        }

        Escrow escrow() {
            return world.escrows.find(id.value()).orElseThrow();
        }

        @Override
        public String toString() {
            return order().stateName() + " / " + escrow().getClass().getSimpleName() + " at " + world.clock.instant()
                    + ", " + parcels().size() + " parcels, " + pending.size() + " notifications pending";
        }
    }

    @Property(tries = 80)
    void shippingThroughTheCarrierKeepsOrdersParcelsStockAndMoneyConsistent(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("fulfilment invariants", CarrierFulfilmentProperties::checkInvariants).run();
    }

    /** What a chain starts from: Ann's order and the faults scripted for its possible parcels. */
    record Setup(long tea, long pots, List<Optional<SandboxFault>> faults) {}

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        Arbitrary<Optional<SandboxFault>> fault = Arbitraries.of(Optional.empty(),
                Optional.of(SandboxFault.duplicateNotifications()), Optional.of(SandboxFault.outOfOrderNotifications()),
                Optional.of(SandboxFault.delay(Duration.ofDays(2))), Optional.of(SandboxFault.lostParcel()));
        return Combinators.combine(Arbitraries.longs().between(1, 3), Arbitraries.longs().between(0, 2),
                        fault.list().ofSize(6)).as(Setup::new)
                .flatMap(setup -> ActionChain.startWith(() -> new Model(setup.tea(), setup.pots(), setup.faults()))
                        .withAction(3, new Ship())
                        .withAction(new TimeOutNextBooking())
                        .withAction(2, new Retry())
                        .withAction(3, new MoveClock())
                        .withAction(2, new Drain())
                        .withAction(5, new ApplyNotification())
                        .withAction(2, new Poll())
                        .withAction(new EscrowTimers())
                        .withAction(3, new StartReturn())
                        .withAction(3, new Refund())
                        .withMaxTransformations(40));
    }

    static void checkInvariants(Model m) {
        Order order = m.order();
        List<TrackedParcel> parcels = m.parcels();
        List<TrackedParcel> outbound = parcels.stream().filter(p -> !p.isReturn()).toList();
        // Every booking is recorded once: no second shipment for a retried command. Only the
        // bookings of a command that met an unreachable carrier wait, unrecorded, for its retry.
        Set<TrackingNumber> recorded = parcels.stream().map(TrackedParcel::trackingNumber).collect(Collectors.toSet());
        assertEquals(recorded.size(), parcels.size());
        assertTrue(m.booked.containsAll(recorded));
        Set<TrackingNumber> waiting = new LinkedHashSet<>(m.booked);
        waiting.removeAll(recorded);
        Set<TrackingNumber> retryable = m.unavailable.stream()
                .flatMap(k -> m.bookedByKey.getOrDefault(k, Set.of()).stream()).collect(Collectors.toSet());
        assertTrue(retryable.containsAll(waiting), "booked and never recorded: " + waiting);
        List<Shipment> shipments = order instanceof Order.Dispatched d ? d.shipments()
                : order instanceof Order.Delivered d ? d.shipments()
                : order instanceof Order.Completed c ? c.shipments() : List.of();
        assertEquals(outbound.stream().map(p -> p.trackingNumber().value()).collect(Collectors.toSet()),
                shipments.stream().map(Shipment::trackingNumber).collect(Collectors.toSet()));
        assertEquals(outbound.size(), shipments.size());
        // Each parcel's units left its own warehouse: tea from the east, teapots from the west.
        for (TrackedParcel p : outbound) {
            for (Shipment.Item item : p.items()) {
                SkuId sku = order.facts().snapshot().line(item.lineNo()).sku();
                assertEquals(sku.equals(TEA) ? EAST : WEST, p.warehouse());
            }
        }
        assertEquals(TEA_STOCK - shippedUnits(order, shipments, TEA), m.world.inventory.stock(TEA).get(0).onHand());
        assertEquals(POT_STOCK - shippedUnits(order, shipments, POT), m.world.inventory.stock(POT).get(0).onHand());

        boolean allDelivered = !outbound.isEmpty() && outbound.stream().allMatch(p -> p.tracking().isDelivered());
        Escrow escrow = m.escrow();
        if (order instanceof Order.Delivered || order instanceof Order.Completed) {
            assertTrue(allDelivered, "delivered before every parcel was");
            Instant last = outbound.stream().map(p -> p.tracking().deliveredAt().orElseThrow())
                    .max(Instant::compareTo).orElseThrow();
            Instant deliveredAt = order instanceof Order.Delivered d ? d.deliveredAt() : ((Order.Completed) order).deliveredAt();
            assertEquals(last, deliveredAt, "delivered at the last parcel's delivery");
            assertFalse(escrow instanceof Held, "delivery starts the escrow's clock");
            if (escrow instanceof Shipped shipped) {
                assertEquals(deliveredAt.plus(Duration.ofDays(10)), shipped.shipment().autoConfirmAt());
            }
            if (escrow instanceof Released) {
                assertFalse(m.world.clock.instant().isBefore(deliveredAt.plus(Duration.ofDays(10))));
            }
        } else {
            assertFalse(order instanceof Order.Shipped && allDelivered, "every parcel delivered, order still " + order.stateName());
            assertInstanceOf(Held.class, escrow, "no clock before delivery");
        }
        if (order instanceof Order.Delivered d) {
            Optional<TrackedParcel> back = parcels.stream().filter(TrackedParcel::isReturn).findFirst();
            Optional<AfterSaleCase> found = d.findCase("r1");
            if (back.isPresent()) {
                boolean received = found.orElseThrow() instanceof AfterSaleCase.GoodsReturned
                        || found.orElseThrow() instanceof AfterSaleCase.Refunded;
                assertEquals(back.get().tracking().isDelivered(), received, "goods received exactly when the return is delivered");
            }
        }
        long captured = MinorUnits.toMinor(escrow.funds().captured());
        assertEquals(captured, MinorUnits.toMinor(escrow.funds().held()) + MinorUnits.toMinor(escrow.funds().refunded())
                + MinorUnits.toMinor(escrow.funds().released()));
        assertEquals(MinorUnits.toMinor(order.facts().snapshot().payable()), captured);
        LedgerChecks.assertConsistent(m.world.journal);
    }

    private static long shippedUnits(Order order, List<Shipment> shipments, SkuId sku) {
        return shipments.stream().flatMap(s -> s.items().stream())
                .filter(i -> order.facts().snapshot().line(i.lineNo()).sku().equals(sku))
                .mapToLong(Shipment.Item::quantity).sum();
    }

    /** Ships everything left, or one unit of one line, under one of a few keys. */
    static final class Ship implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(KEYS), Arbitraries.integers().between(0, 2))
                    .as((key, line) -> Transformer.mutate("ship " + key + (line == 0 ? " all" : " line " + line), m -> {
                        List<Shipment.Item> items = line == 0 || line > m.order().facts().snapshot().lines().size()
                                ? List.of() : List.of(new Shipment.Item(line, 1));
                        ship(m, new CarrierDispatch(key, Optional.empty(), ServiceLevel.STANDARD, items));
                    }));
        }
    }

    static void ship(Model m, CarrierDispatch dispatch) {
        // A careful host retries a command that met an unreachable carrier before shipping the
        // same units another way (otherwise that booking would stay, unused, at the carrier).
        for (String pending : List.copyOf(m.unavailable)) {
            if (!pending.equals(dispatch.key())) {
                ship(m, m.dispatched.get(pending));
            }
        }
        if (m.unavailable.stream().anyMatch(k -> !k.equals(dispatch.key()))) {
            return; // still unreachable: the host waits before shipping anything else
        }
        Order before = m.order();
        CarrierDispatch first = m.dispatched.get(dispatch.key());
        if (first != null && !first.equals(dispatch) && m.unavailable.contains(dispatch.key())) {
            // A command that met an unreachable carrier is retried with the same content only.
            return;
        }
        if (first != null && !first.equals(dispatch)) {
            try {
                m.world.commerce.shipWithCarrier(TEA_SHOP, m.id, dispatch);
                throw new AssertionError("the reused key " + dispatch.key() + " was accepted");
            } catch (IdempotencyKeyReusedException expected) {
                assertEquals(before, m.order());
                return;
            }
        }
        DispatchResult result = m.world.commerce.shipWithCarrier(TEA_SHOP, m.id, dispatch);
        if (result instanceof DispatchResult.CarrierUnavailable) {
            assertEquals(before, m.order(), "an unreachable carrier changes nothing on the order");
            m.dispatched.putIfAbsent(dispatch.key(), dispatch);
            m.unavailable.add(dispatch.key());
            return;
        }
        m.unavailable.remove(dispatch.key());
        if (result instanceof DispatchResult.Dispatched shipped) {
            m.dispatched.putIfAbsent(dispatch.key(), dispatch);
            List<TrackedParcel> earlier = m.firstParcels.putIfAbsent(dispatch.key(), shipped.parcels());
            if (earlier != null) {
                assertEquals(earlier.stream().map(TrackedParcel::key).toList(),
                        shipped.parcels().stream().map(TrackedParcel::key).toList(), "a retry returns the first parcels");
            }
        } else {
            assertInstanceOf(DispatchResult.Refused.class, result, result.toString());
            assertEquals(before, m.order(), "a refusal changes nothing");
        }
    }

    /** The carrier will book the next parcel and then time out. */
    static final class TimeOutNextBooking implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("carrier times out on the next booking",
                    m -> m.timeOutNext.set(true)));
        }
    }

    /** Replays a command that was accepted before, or one that met an unreachable carrier. */
    static final class Retry implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return !m.dispatched.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(KEYS).map(key -> Transformer.mutate("retry " + key, m -> {
                CarrierDispatch first = m.dispatched.get(key);
                if (first != null && !m.unavailable.contains(key)) {
                    int before = m.booked.size();
                    assertInstanceOf(DispatchResult.Dispatched.class, m.world.commerce.shipWithCarrier(TEA_SHOP, m.id, first));
                    assertEquals(before, m.booked.size(), "a retry books nothing");
                } else if (first != null) {
                    ship(m, first);
                }
            }));
        }
    }

    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(Duration.ofHours(5), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(11))
                    .map(d -> Transformer.mutate("clock +" + d, m -> m.world.clock.advance(d)));
        }
    }

    /** Collects what the carrier pushed, to be applied later, in any order, possibly twice. */
    static final class Drain implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("drain", m -> m.pending.addAll(m.world.drain())));
        }
    }

    static final class ApplyNotification implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return !m.pending.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.of(true, false))
                    .as((pick, keep) -> Transformer.mutate("apply notification " + pick + (keep ? " (again later)" : ""), m -> {
                        int index = pick % m.pending.size();
                        TrackingNotification n = keep ? m.pending.get(index) : m.pending.remove(index);
                        m.world.commerce.onTrackingNotification(TRACKER, n);
                    }));
        }
    }

    static final class Poll implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("run due timers", m -> m.world.commerce.runDueTimers(TRACKER)));
        }
    }

    static final class EscrowTimers implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("escrow timers", m -> m.world.escrowTimers.runDue()));
        }
    }

    /** Ann returns one unit of line 1: the case is approved and a return label booked. */
    static final class StartReturn implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order() instanceof Order.Delivered d && d.findCase("r1").isEmpty()
                    && !d.completionRefusal(m.world.clock.instant()).isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("return one unit of line 1", m -> {
                assertInstanceOf(OrderResult.Done.class, m.world.commerce.requestAfterSale(ANN, m.id, "r1",
                        AfterSaleCase.Kind.RETURN_AND_REFUND, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
                assertInstanceOf(OrderResult.Done.class, m.world.commerce.approveAfterSale(TEA_SHOP, m.id, "r1"));
                DispatchResult label = m.world.commerce.shipReturn(ANN, m.id, "r1", ServiceLevel.STANDARD);
                if (label instanceof DispatchResult.CarrierUnavailable) {
                    assertTrue(m.parcels().stream().noneMatch(TrackedParcel::isReturn));
                    // The retry asks for the same return: the carrier replays it, no second label.
                    label = m.world.commerce.shipReturn(ANN, m.id, "r1", ServiceLevel.STANDARD);
                }
                assertInstanceOf(DispatchResult.Dispatched.class, label);
            }));
        }
    }

    /** Refunds the returned unit once the goods are back, out of the escrow. */
    static final class Refund implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order() instanceof Order.Delivered d
                    && d.findCase("r1").orElse(null) instanceof AfterSaleCase.GoodsReturned;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("refund the return", m -> {
                assertInstanceOf(OrderResult.Done.class, m.world.commerce.refundAfterSale(TEA_SHOP, m.id, "r1"));
                OrderEvent.RefundDue due = m.world.events(OrderEvent.RefundDue.class).get(0);
                assertInstanceOf(Transition.Accepted.class, m.world.escrows.refund(m.id.value(), OPS, due.refund().total()));
            }));
        }
    }
}
