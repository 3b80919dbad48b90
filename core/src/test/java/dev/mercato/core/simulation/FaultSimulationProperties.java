package dev.mercato.core.simulation;

import static dev.mercato.core.simulation.SimWorld.CNY;
import static dev.mercato.core.simulation.SimWorld.OPERATOR;
import static dev.mercato.core.simulation.SimWorld.SCHEDULER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.NotPermittedException;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.Disputed;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.settlement.Payee;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.Notification;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.NotificationDelivery;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.core.simulation.ProviderTape.Kind;
import dev.mercato.core.simulation.SimWorld.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The seeded fault simulation (docs/architecture.md, "Reliability"): a jqwik {@link ActionChain}
 * drives the facade with three buyers and two sellers through checkouts, payments, shipping,
 * confirmations, refunds, disputes, memberships, payouts and clock jumps, while the payment
 * sandbox declines, times out (money moved or not, seen as an exception or an unknown outcome),
 * pends and settles later, notifications arrive duplicated and reordered, commits conflict or
 * fail, the process crashes and restarts over the same storage, and hostile commands arrive.
 *
 * <p>After every step the invariants that hold at every instant are checked against the
 * provider's own records (the {@link ProviderTape}), not Mercato's: every entry balances,
 * balances sum to zero and equal what the entries add up to; no escrow's held balance is
 * negative; per escrow, released + refunded + held = captured; the ledger never holds more of a
 * buyer's money than the provider captured from that buyer, and never shows fewer refunds or
 * payouts than the provider made; reservations cover every live order. After a settle step
 * (faults off, the clock past every retry and lease, timers and reconciliation run) the
 * inequalities must be equalities: every captured unit is in the ledger, every refund and payout
 * in the ledger reached the provider, and reservations are exactly those of live orders. A
 * failure prints jqwik's seed and the shrunk step list; {@code @Property(seed = "...")} replays it.
 *
 * <p>Budget: 500 chains of up to 200 steps in the default build (at least 100,000 steps, counted
 * and written to {@code target/fault-simulation.txt}); {@code -Plong-properties} runs 10,000 chains.
 */
public class FaultSimulationProperties {
    static final AtomicLong STEPS = new AtomicLong();
    static final AtomicLong CHAINS = new AtomicLong();
    static final Map<Fault, AtomicLong> FAULTS = new EnumMap<>(Fault.class);
    static final AtomicLong HOSTILE_REFUSED = new AtomicLong();
    static final Map<String, AtomicLong> GROUPS = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final Map<String, AtomicLong> PARCELS = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final Map<String, AtomicLong> STAGED = new java.util.concurrent.ConcurrentSkipListMap<>();
    static final java.util.concurrent.atomic.AtomicBoolean VIOLATED = new java.util.concurrent.atomic.AtomicBoolean();

    static {
        for (Fault f : Fault.values()) {
            FAULTS.put(f, new AtomicLong());
        }
    }

    @Property
    void noMoneyIsLostOrDoubledWhateverFails(@ForAll("chains") ActionChain<SimWorld> chain) {
        run(chain);
    }

    /**
     * Runs one chain and the final settle, counting its steps and faults for the report.
     *
     * @param chain the chain
     */
    public static void run(ActionChain<SimWorld> chain) {
        SimWorld end;
        try {
            end = chain.withInvariant("money invariants", FaultSimulationProperties::checkAlways).run();
            settle(end);
        } catch (RuntimeException | AssertionError violation) {
            // One failure type, so that shrinking accepts a shorter chain that fails earlier.
            VIOLATED.set(true);
            throw new AssertionError("the simulation broke an invariant: " + violation.getMessage(), violation);
        }
        CHAINS.incrementAndGet();
        STEPS.addAndGet(end.steps);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (OrderId id : end.placed) {
            end.commerce.groupOf(SCHEDULER, id).filter(g -> seen.add(g.id())).ifPresent(g ->
                    GROUPS.computeIfAbsent(g.getClass().getSimpleName().toLowerCase(), k -> new AtomicLong()).incrementAndGet());
        }
        for (OrderId id : end.placed) {
            end.commerce.order(SCHEDULER, id).filter(o -> o.facts().snapshot().lines().stream()
                    .anyMatch(l -> l.sku().value().equals(SimWorld.KETTLE))).ifPresent(o -> STAGED.computeIfAbsent(
                            o.stateName() + "/" + end.commerce.escrow(SCHEDULER, id).map(e -> e.getClass().getSimpleName())
                                    .orElse("no escrow"), k -> new AtomicLong()).incrementAndGet());
            for (dev.mercato.core.fulfilment.TrackedParcel p : end.commerce.parcels(SCHEDULER, id)) {
                PARCELS.computeIfAbsent((p.isReturn() ? "return " : "outbound ") + p.phase().name().toLowerCase(),
                        k -> new AtomicLong()).incrementAndGet();
            }
        }
        end.faults.forEach((fault, n) -> FAULTS.get(fault).addAndGet(n));
    }

    @AfterContainer
    static void report() throws IOException {
        StringBuilder out = new StringBuilder("fault simulation: ").append(CHAINS.get()).append(" chains, ")
                .append(STEPS.get()).append(" steps passed; ")
                .append(VIOLATED.get() ? "a chain FAILED (its seed and shrunk steps are in the test report)"
                        : "invariant violations: 0").append("\nfaults injected:\n");
        FAULTS.forEach((fault, n) -> out.append("  ").append(fault.name().toLowerCase().replace('_', ' '))
                .append(": ").append(n.get()).append('\n'));
        out.append("hostile commands refused: ").append(HOSTILE_REFUSED.get()).append('\n');
        out.append("group buys at the end of their chains: ").append(GROUPS).append('\n');
        out.append("carrier parcels at the end of their chains: ").append(PARCELS).append('\n');
        out.append("staged orders (order/escrow) at the end of their chains: ").append(STAGED).append('\n');
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fault-simulation.txt"), out);
        }
    }

    @Provide
    Arbitrary<ActionChain<SimWorld>> chains() {
        return chains(SimWorld::new, 500);
    }

    /**
     * The simulation's chains over worlds from {@code start}.
     *
     * @param start a fresh world per chain
     * @param steps the steps of each chain
     * @return the chains
     */
    public static Arbitrary<ActionChain<SimWorld>> chains(java.util.function.Supplier<SimWorld> start, int steps) {
        return ActionChain.startWith(start)
                .withAction(4, new Checkout())
                .withAction(5, new Pay())
                .withAction(3, new GroupCheckout())
                .withAction(2, new StagedCheckout())
                .withAction(2, new PayBalance())
                .withAction(1, on("leave group", (w, o) -> {
                    if (w.commerce.groupOf(SCHEDULER, o.id()).isPresent()) {
                        w.commerce.leaveGroup(buyer(o), o.id());
                    }
                }))
                .withAction(1, on("cancel", (w, o) -> w.commerce.cancelOrder(buyer(o), o.id())))
                .withAction(3, on("ship", FaultSimulationProperties::shipAll))
                .withAction(2, on("deliver", (w, o) -> {
                    w.settledByPeople.add(o.id());
                    w.commerce.confirmDelivery(buyer(o), o.id());
                }))
                .withAction(2, on("confirm receipt", (w, o) -> {
                    w.settledByPeople.add(o.id());
                    w.commerce.confirmReceipt(buyer(o), o.id());
                }))
                .withAction(3, new ShipWithCarrier())
                .withAction(3, new Tracking())
                .withAction(1, on("return", FaultSimulationProperties::requestReturn))
                .withAction(2, on("refund returned goods", FaultSimulationProperties::refundReturn))
                .withAction(1, on("extend", (w, o) -> w.commerce.extendAutoConfirm(buyer(o), o.id())))
                .withAction(2, new RefundBeforeShipment())
                .withAction(1, on("dispute", (w, o) -> w.commerce.openDispute(buyer(o), o.id())))
                .withAction(1, new Resolve())
                .withAction(1, on("end dispute", (w, o) -> w.commerce.endDispute(OPERATOR, o.id())))
                .withAction(2, on("after-sale refund", FaultSimulationProperties::afterSaleRefund))
                .withAction(2, new Notifications())
                .withAction(1, on("resend declined refunds", (w, o) -> {
                    if (w.commerce.escrow(SCHEDULER, o.id()).isPresent()) {
                        w.commerce.resendDeclinedRefunds(OPERATOR, o.id());
                    }
                }))
                .withAction(2, new StorageFault())
                .withAction(1, new Crash())
                .withAction(3, new MoveClock())
                .withAction(1, new Subscribe())
                .withAction(1, new Payout())
                .withAction(2, new Hostile())
                .withAction(1, new Settle())
                .withMaxTransformations(steps);
    }

    // ------------------------------------------------------------------ actions

    @FunctionalInterface
    interface OrderStep {
        void run(SimWorld w, Order order);
    }

    static final dev.mercato.core.cart.Destination HOME = dev.mercato.core.cart.Destination.of(SimWorld.HANGZHOU);

    static Actor.Buyer buyer(Order o) {
        return new Actor.Buyer(o.facts().buyerId());
    }

    /**
     * Runs one step of the facade. A failure injected into storage surfaces as the commit's
     * exception, which the host sees and the model accepts; every other exception is a finding.
     */
    static void step(SimWorld w, String name, Runnable body) {
        w.steps++;
        try {
            body.run();
        } catch (FaultyStorage.CommitFailed | ConcurrencyConflictException injected) {
            // The host sees the failed commit; the next step (or a timer) finishes the work.
        } finally {
            w.storage.disarm();
            w.sandbox.clearScript();
        }
    }

    static Action.Independent<SimWorld> on(String name, OrderStep body) {
        return () -> Arbitraries.integers().between(0, 200).map(i -> Transformer.mutate(name + " #" + i,
                w -> step(w, name, () -> pick(w, i).ifPresent(o -> body.run(w, o)))));
    }

    /** One of the orders placed so far, by its place in the order they were placed (ids are random). */
    static Optional<Order> pick(SimWorld w, int index) {
        if (w.placed.isEmpty()) {
            return Optional.empty();
        }
        return w.commerce.order(OPERATOR, w.placed.get(Math.floorMod(index, w.placed.size())));
    }

    static void shipAll(SimWorld w, Order o) {
        if (o instanceof Order.StockAllocated allocated) {
            List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            w.commerce.ship(new Actor.Seller(o.facts().sellerId()), o.id(), "SF-" + Math.abs(o.id().value().hashCode()), all);
        }
    }

    static void afterSaleRefund(SimWorld w, Order o) {
        if (o instanceof Order.Delivered delivered) {
            String caseId = "c" + delivered.cases().size();
            w.commerce.requestAfterSale(buyer(o), o.id(), caseId, AfterSaleCase.Kind.REFUND_ONLY,
                    List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw"));
            w.commerce.approveAfterSale(OPERATOR, o.id(), caseId);
            w.commerce.refundAfterSale(OPERATOR, o.id(), caseId);
        }
    }

    /** A buyer fills the cart and checks out under a fresh key (sometimes the same key again). */
    static final class Checkout implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(0, 3).list()
                    .ofSize(SimWorld.SKUS.size()), Arbitraries.of(false, false, false, true))
                    .as((b, qs, again) -> Transformer.mutate("checkout " + SimWorld.BUYERS.get(b) + " " + qs
                            + (again ? " (same key again)" : ""), w -> step(w, "checkout", () -> {
                        Actor.Buyer buyer = new Actor.Buyer(SimWorld.BUYERS.get(b));
                        CartId cart = CartId.of(buyer.buyerId());
                        for (int i = 0; i < qs.size(); i++) {
                            if (qs.get(i) > 0) {
                                w.commerce.addToCart(buyer, cart, SkuId.of(SimWorld.SKUS.get(i)), qs.get(i));
                            }
                        }
                        int key = again && w.checkouts > 0 ? w.checkouts : ++w.checkouts;
                        String idempotencyKey = buyer.buyerId() + "-k" + key;
                        if (w.commerce.checkout(buyer, cart, idempotencyKey, HOME)
                                instanceof CheckoutResult.Placed placed) {
                            placed.orders().forEach(o -> w.remember(o.id()));
                            List<OrderId> ids = placed.orders().stream().map(Order::id).toList();
                            List<OrderId> first = w.placedByKey.putIfAbsent(idempotencyKey, ids);
                            assertEquals(first == null ? ids : first, ids, "checkout key " + idempotencyKey
                                    + " has one effect: the same orders every time");
                        }
                    })));
        }
    }

    /** A buyer opens a peach group, or joins one opened before, with one or two boxes. */
    static final class GroupCheckout implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-1, 20),
                    Arbitraries.longs().between(1, 2)).as((b, g, qty) -> Transformer.mutate("group checkout "
                            + SimWorld.BUYERS.get(b) + (g < 0 ? " opening a group" : " joining group #" + g) + " x" + qty,
                            w -> step(w, "group checkout", () -> {
                                Actor.Buyer buyer = new Actor.Buyer(SimWorld.BUYERS.get(b));
                                CartId cart = CartId.of(buyer.buyerId());
                                w.commerce.addToCart(buyer, cart, SkuId.of(SimWorld.PEACH), qty);
                                dev.mercato.core.groupbuy.GroupChoice choice = g < 0 || w.groups.isEmpty()
                                        ? dev.mercato.core.groupbuy.GroupChoice.open(SimWorld.PEACHES.id())
                                        : dev.mercato.core.groupbuy.GroupChoice.join(w.groups.get(g % w.groups.size()));
                                if (w.commerce.checkout(buyer, cart, buyer.buyerId() + "-g" + (++w.checkouts),
                                        HOME, choice) instanceof CheckoutResult.Placed placed) {
                                    placed.orders().forEach(o -> {
                                        w.remember(o.id());
                                        w.commerce.groupOf(SCHEDULER, o.id()).map(dev.mercato.core.groupbuy.GroupBuy::id)
                                                .filter(id -> !w.groups.contains(id)).ifPresent(w.groups::add);
                                    });
                                }
                            })));
        }
    }

    /** A buyer checks a pre-sale kettle out in stages (deposit now, kept or refunded if unpaid), or with a B2B advance. */
    static final class StagedCheckout implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 2),
                    Arbitraries.integers().between(0, 2)).as((b, qty, kind) -> Transformer.mutate("staged checkout "
                            + SimWorld.BUYERS.get(b) + " x" + qty + (kind == 0 ? " (deposit kept if unpaid)"
                                    : kind == 1 ? " (deposit refunded if unpaid)" : " (30% advance)"),
                            w -> step(w, "staged checkout", () -> {
                                Actor.Buyer buyer = new Actor.Buyer(SimWorld.BUYERS.get(b));
                                CartId cart = CartId.of(buyer.buyerId());
                                w.commerce.addToCart(buyer, cart, SkuId.of(SimWorld.KETTLE), qty);
                                java.time.Instant now = w.clock.instant();
                                dev.mercato.core.escrow.StagedPayment stages = kind == 2
                                        ? new dev.mercato.core.escrow.StagedPayment.Advance(
                                                dev.mercato.pricing.money.Rate.percent(30), Duration.ofDays(2))
                                        : new dev.mercato.core.escrow.StagedPayment.PreSale(now.plus(Duration.ofDays(1)),
                                                now.plus(Duration.ofDays(3)), kind == 0
                                                        ? dev.mercato.core.escrow.PaymentSchedule.ForfeitRule.KEEP_NET_OF_COMMISSION
                                                        : dev.mercato.core.escrow.PaymentSchedule.ForfeitRule.REFUND);
                                w.count(Fault.STAGED_CHECKOUT);
                                if (w.commerce.checkout(buyer, cart, buyer.buyerId() + "-s" + (++w.checkouts), HOME, stages)
                                        instanceof CheckoutResult.Placed placed) {
                                    placed.orders().forEach(o -> w.remember(o.id()));
                                }
                            })));
        }
    }

    /** A buyer pays the balance of an order checked out in stages, with the provider answering as scripted. */
    static final class PayBalance implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 15))
                    .as((i, fault) -> Transformer.mutate("pay balance #" + i + " " + faultName(fault), w -> step(w,
                            "pay balance", () -> pick(w, i).filter(o -> w.commerce.escrow(SCHEDULER, o.id()).orElse(null)
                                    instanceof dev.mercato.core.escrow.AwaitingBalance).ifPresent(o -> {
                                script(w, fault);
                                w.commerce.payBalance(buyer(o), o.id(), new PaymentSource("tok_" + o.facts().buyerId()));
                                w.sandbox.clearScript();
                            }))));
        }
    }

    /** A buyer pays an order's payment, with the provider answering as scripted. */
    static final class Pay implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 15))
                    .as((i, fault) -> Transformer.mutate("pay #" + i + " " + faultName(fault), w -> step(w, "pay", () ->
                            pick(w, i).filter(o -> o instanceof Order.AwaitingPayment).ifPresent(o -> {
                                script(w, fault);
                                w.commerce.pay(buyer(o), o.facts().paymentId(), new PaymentSource("tok_" + o.facts().buyerId()));
                                w.sandbox.clearScript();
                            }))));
        }
    }

    /** A seller books the carrier for a whole order; the parcel may be lost, late or undeliverable, or the carrier unreachable. */
    static final class ShipWithCarrier implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 12))
                    .as((i, fault) -> Transformer.mutate("ship with the carrier #" + i + " " + parcelFaultName(fault),
                            w -> step(w, "ship with carrier", () -> pick(w, i)
                                    .filter(o -> o instanceof Order.StockAllocated).ifPresent(o -> {
                                        scriptParcel(w, fault);
                                        w.commerce.shipWithCarrier(new Actor.Seller(o.facts().sellerId()), o.id(),
                                                dev.mercato.core.fulfilment.CarrierDispatch.everything("s",
                                                        dev.mercato.logistics.ServiceLevel.STANDARD));
                                    }))));
        }
    }

    static String parcelFaultName(int fault) {
        return switch (fault) {
            case 0 -> "(lost in transit)";
            case 1 -> "(two days late)";
            case 2 -> "(undeliverable)";
            case 3 -> "(carrier unreachable)";
            case 4 -> "(carrier timing out after booking)";
            case 5 -> "(tracking pushed twice)";
            case 6 -> "(tracking out of order)";
            default -> "";
        };
    }

    /** What the next parcel booked (outbound or return) suffers; faults 7 and up travel normally. */
    static void scriptParcel(SimWorld w, int fault) {
        switch (fault) {
            case 0 -> {
                w.nextParcelFault = dev.mercato.logistics.sandbox.SandboxFault.lostParcel();
                w.count(Fault.LOST_PARCEL);
            }
            case 1 -> {
                w.nextParcelFault = dev.mercato.logistics.sandbox.SandboxFault.delay(Duration.ofDays(2));
                w.count(Fault.LATE_PARCEL);
            }
            case 2 -> {
                w.nextParcelFault = dev.mercato.logistics.sandbox.SandboxFault.undeliverable();
                w.count(Fault.UNDELIVERABLE_PARCEL);
            }
            case 3, 4 -> {
                w.parcels.interruptNextCall(fault == 3 ? dev.mercato.logistics.sandbox.Interruption.CONNECTION_REFUSED
                        : dev.mercato.logistics.sandbox.Interruption.TIMEOUT_AFTER_BOOKING);
                w.count(Fault.CARRIER_UNAVAILABLE);
            }
            case 5 -> w.nextParcelFault = dev.mercato.logistics.sandbox.SandboxFault.duplicateNotifications();
            case 6 -> w.nextParcelFault = dev.mercato.logistics.sandbox.SandboxFault.outOfOrderNotifications();
            default -> w.nextParcelFault = null;
        }
    }

    /** The carrier's tracking webhooks arrive, some twice, shuffled. */
    static final class Tracking implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Arbitraries.longs().map(seed -> Transformer.mutate("tracking, shuffled with copies (" + seed + ")",
                    w -> step(w, "tracking", () -> {
                        List<dev.mercato.logistics.TrackingNotification> pushed = new java.util.ArrayList<>();
                        java.util.Random random = new java.util.Random(seed);
                        for (dev.mercato.logistics.TrackingNotification n : w.parcels.drainNotifications()) {
                            for (int copies = 1 + random.nextInt(2); copies > 0; copies--) {
                                pushed.add(n);
                            }
                        }
                        java.util.Collections.shuffle(pushed, random);
                        if (pushed.size() > 1) {
                            w.count(Fault.DUPLICATED_REORDERED_TRACKING);
                        }
                        for (dev.mercato.logistics.TrackingNotification n : pushed) {
                            try {
                                w.commerce.onTrackingNotification(SCHEDULER, n);
                            } catch (FaultyStorage.CommitFailed | ConcurrencyConflictException injected) {
                                // a lost delivery: polling asks the carrier later
                            }
                        }
                    })));
        }
    }

    /** A buyer returns one unit of a delivered order; the seller approves and the carrier collects it. */
    static void requestReturn(SimWorld w, Order o) {
        if (o instanceof Order.Delivered delivered) {
            String caseId = "r" + delivered.cases().size();
            w.commerce.requestAfterSale(buyer(o), o.id(), caseId, AfterSaleCase.Kind.RETURN_AND_REFUND,
                    List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("wrong size"));
            w.commerce.approveAfterSale(new Actor.Seller(o.facts().sellerId()), o.id(), caseId);
            w.commerce.shipReturn(buyer(o), o.id(), caseId, dev.mercato.logistics.ServiceLevel.STANDARD);
        }
    }

    /** The seller refunds the returns of an order: refused while the goods travel, done once they are back. */
    static void refundReturn(SimWorld w, Order o) {
        if (o instanceof Order.Delivered delivered) {
            for (AfterSaleCase c : delivered.cases()) {
                if (c instanceof AfterSaleCase.Approved || c instanceof AfterSaleCase.GoodsReturned) {
                    String caseId = c.request().caseId();
                    if (c.request().kind() != AfterSaleCase.Kind.RETURN_AND_REFUND) {
                        continue;
                    }
                    dev.mercato.core.order.OrderResult r = w.commerce.refundAfterSale(
                            new Actor.Seller(o.facts().sellerId()), o.id(), caseId);
                    if (c instanceof AfterSaleCase.Approved) {
                        assertTrue(r instanceof dev.mercato.core.order.OrderResult.Refused,
                                o.id() + " case " + caseId + ": refunded while the goods were still on their way: " + r);
                    }
                }
            }
        }
    }

    static String faultName(int fault) {
        return switch (fault) {
            case 0 -> "declined";
            case 1 -> "timing out after the money moved (exception)";
            case 2 -> "timing out after the money moved (unknown)";
            case 3 -> "timing out before the money moved (exception)";
            case 4 -> "timing out before the money moved (unknown)";
            case 5 -> "pending, then succeeding";
            case 6 -> "pending, then declining";
            case 7 -> "with a server error";
            default -> "";
        };
    }

    /** Queues the provider's answer for the next call; faults 8 and up answer normally. */
    static void script(SimWorld w, int fault) {
        ScriptedAnswer.Decline decline = new ScriptedAnswer.Decline(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient");
        ScriptedAnswer answer = switch (fault) {
            case 0 -> decline;
            case 1 -> ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION);
            case 2 -> ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME);
            case 3 -> ScriptedAnswer.timeOutBeforeMoving(Surface.EXCEPTION);
            case 4 -> ScriptedAnswer.timeOutBeforeMoving(Surface.UNKNOWN_OUTCOME);
            case 5 -> ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(3));
            case 6 -> ScriptedAnswer.pendingThenDecline(Duration.ofMinutes(3), decline);
            case 7 -> ScriptedAnswer.serverError();
            default -> null;
        };
        if (answer != null) {
            w.count(switch (fault) {
                case 0 -> Fault.DECLINE;
                case 1 -> Fault.TIMEOUT_MONEY_MOVED;
                case 3 -> Fault.TIMEOUT_NOTHING_MOVED;
                case 2, 4 -> Fault.UNKNOWN_OUTCOME;
                case 5 -> Fault.PENDING_THEN_SUCCEED;
                case 6 -> Fault.PENDING_THEN_DECLINE;
                default -> Fault.SERVER_ERROR;
            });
            w.sandbox.scriptNext(answer);
        }
    }

    /**
     * A buyer (or, one time in three, the seller) asks for the money back before shipment; the
     * provider's refund may fail. On an order awaiting its balance this gives the deposit back,
     * or is refused to a buyer whose deposit the forfeit rule keeps.
     */
    static final class RefundBeforeShipment implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 12))
                    .as((i, fault) -> Transformer.mutate("refund before shipment #" + i + " " + faultName(fault),
                            w -> step(w, "refund", () -> pick(w, i).ifPresent(o -> {
                                script(w, fault);
                                w.commerce.refundBeforeShipment(i % 3 == 0
                                        ? new Actor.Seller(o.facts().sellerId()) : buyer(o), o.id());
                                w.sandbox.clearScript();
                            }))));
        }
    }

    /** An operator splits a disputed order's held money. */
    static final class Resolve implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 100))
                    .as((i, percent) -> Transformer.mutate("resolve #" + i + " refunding " + percent + "%",
                            w -> step(w, "resolve", () -> pick(w, i).ifPresent(o -> {
                                if (w.commerce.escrow(SCHEDULER, o.id()).orElse(null) instanceof Disputed d) {
                                    w.settledByPeople.add(o.id());
                                    long held = MinorUnits.toMinor(d.funds().held());
                                    w.commerce.resolveDispute(OPERATOR, o.id(), MinorUnits.toAmount(held * percent / 100, CNY));
                                }
                            }))));
        }
    }

    /** The provider's webhooks arrive, duplicated and out of order. */
    static final class Notifications implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Arbitraries.longs().map(seed -> Transformer.mutate("notifications, shuffled with copies (" + seed + ")",
                    w -> step(w, "notifications", () -> {
                        w.sandbox.settleDue();
                        List<Notification> delivered = w.sandbox.drainNotifications(
                                NotificationDelivery.shuffledWithDuplicates(seed));
                        if (!delivered.isEmpty()) {
                            w.count(Fault.DUPLICATED_REORDERED_NOTIFICATIONS);
                        }
                        for (Notification n : delivered) {
                            try {
                                w.commerce.onPaymentNotification(SCHEDULER, n);
                            } catch (FaultyStorage.CommitFailed | ConcurrencyConflictException injected) {
                                // a lost delivery: the reconcile timer asks the provider later
                            }
                        }
                    })));
        }
    }

    /** The next step's commits conflict (as if another instance won) or one of them fails. */
    static final class StorageFault implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                    Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 3))
                    .as((conflict, n, i, what) -> Transformer.mutate((conflict ? n % 3 + 1 + " conflicting commits"
                            : "commit " + n + " failing") + " during step " + what + " on #" + i, w -> {
                        if (conflict) {
                            w.storage.conflictNext(n % 3 + 1);
                            w.count(Fault.CONFLICT);
                        } else {
                            w.storage.failAfter(n);
                            w.count(Fault.FAILED_COMMIT);
                        }
                        // The faults apply to one facade command on one order, then are disarmed.
                        OrderStep target = switch (what) {
                            case 0 -> (ww, o) -> {
                                if (o instanceof Order.AwaitingPayment) {
                                    ww.commerce.pay(buyer(o), o.facts().paymentId(), new PaymentSource("tok_" + o.facts().buyerId()));
                                }
                            };
                            case 1 -> FaultSimulationProperties::shipAll;
                            case 2 -> (ww, o) -> {
                                ww.settledByPeople.add(o.id());
                                ww.commerce.confirmReceipt(buyer(o), o.id());
                            };
                            default -> (ww, o) -> ww.commerce.refundBeforeShipment(buyer(o), o.id());
                        };
                        step(w, "storage fault", () -> pick(w, i).ifPresent(o -> target.run(w, o)));
                    }));
        }
    }

    /** The process dies between two steps and a new instance starts over the same storage. */
    static final class Crash implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Arbitraries.just(Transformer.mutate("crash and restart", w -> {
                w.steps++;
                w.crashAndRestart();
            }));
        }
    }

    /** Time passes, up to six days, and the scheduler runs. */
    static final class MoveClock implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Arbitraries.longs().between(1, 6 * 24 * 60).map(minutes -> Transformer.mutate("+" + minutes + "min and timers",
                    w -> step(w, "clock", () -> {
                        w.clock.advance(Duration.ofMinutes(minutes));
                        w.commerce.runDueTimers(SCHEDULER);
                    })));
        }
    }

    /** A buyer subscribes to the paid plan, or cancels it (refunded pro rata). */
    static final class Subscribe implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(true, false),
                    Arbitraries.integers().between(0, 12)).as((b, join, fault) -> Transformer.mutate(
                            (join ? "subscribe " : "cancel plan of ") + SimWorld.BUYERS.get(b) + " " + faultName(fault),
                            w -> step(w, "membership", () -> {
                                String member = SimWorld.BUYERS.get(b);
                                Actor.Buyer actor = new Actor.Buyer(member);
                                script(w, fault);
                                String key = (join ? "join-" : "cancel-") + w.steps;
                                java.util.function.Supplier<SubscriptionResult> command = join
                                        ? () -> w.commerce.memberships().subscribe(actor, member, "PLUS",
                                                new PaymentSource("tok_" + member), key)
                                        : () -> w.commerce.memberships().cancel(actor, member, key);
                                if (command.get() instanceof SubscriptionResult.PaymentUndecided) {
                                    w.undecided.add(command);   // as the docs say: repeat it with the same key
                                }
                                w.sandbox.clearScript();
                            })));
        }
    }

    /** Finance pays a seller out. */
    static final class Payout implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.of("tea-shop", "studio"), Arbitraries.integers().between(0, 12))
                    .as((seller, fault) -> Transformer.mutate("pay out " + seller + " " + faultName(fault),
                            w -> step(w, "payout", () -> {
                                script(w, fault);
                                w.commerce.payouts().payOut(OPERATOR, new Payee.Seller(seller), CNY);
                                w.sandbox.clearScript();
                            })));
        }
    }

    /**
     * Commands that must be refused with a typed error or a reason and change nothing: another
     * buyer's or seller's order, a seller paying itself out, quantities that are negative, zero
     * or huge, an unknown SKU.
     */
    static final class Hostile implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 6),
                    Arbitraries.of(-1L, 0L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40))
                    .as((i, kind, quantity) -> Transformer.mutate("hostile " + kind + " on #" + i + " (" + quantity + ")",
                            w -> step(w, "hostile", () -> hostile(w, i, kind, quantity))));
        }
    }

    static void hostile(SimWorld w, int i, int kind, long quantity) {
        w.count(Fault.HOSTILE_COMMAND);
        String before = fingerprint(w);
        Optional<Order> target = pick(w, i);
        Actor.Buyer mallory = new Actor.Buyer("mallory");
        Runnable command = switch (kind) {
            case 0 -> () -> target.ifPresent(o -> w.commerce.refundBeforeShipment(mallory, o.id()));
            case 1 -> () -> target.ifPresent(o -> w.commerce.ship(new Actor.Seller("impostor"), o.id(), "X1", List.of()));
            case 2 -> () -> target.ifPresent(o -> w.commerce.confirmReceipt(new Actor.Seller(o.facts().sellerId()), o.id()));
            case 3 -> () -> w.commerce.payouts().payOut(new Actor.Seller("studio"), new Payee.Seller("studio"), CNY);
            case 4 -> () -> w.commerce.memberships().subscribe(mallory, "ann", "PLUS", new PaymentSource("tok_mallory"), "m");
            case 5 -> () -> {
                CartResult r = w.commerce.addToCart(new Actor.Buyer("ann"), CartId.of("ann"), SkuId.of("tea-set"), quantity);
                if (!(r instanceof CartResult.Refused)) {
                    throw new AssertionError("quantity " + quantity + " accepted: " + r);
                }
            };
            default -> () -> {
                CartResult r = w.commerce.addToCart(new Actor.Buyer("ann"), CartId.of("ann"), SkuId.of("no-such-sku"), 1);
                if (!(r instanceof CartResult.Refused)) {
                    throw new AssertionError("an unknown SKU was accepted: " + r);
                }
            };
        };
        try {
            command.run();
        } catch (NotPermittedException | dev.mercato.pricing.error.InvalidInputException refused) {
            HOSTILE_REFUSED.incrementAndGet();
        } catch (MercatoException typed) {
            HOSTILE_REFUSED.incrementAndGet();
        }
        assertEquals(before, fingerprint(w), "a hostile command changed something");
    }

    /** What a refused command must not change: orders, escrows, ledger balances, stock. */
    static String fingerprint(SimWorld w) {
        StringBuilder s = new StringBuilder();
        for (Order o : w.orders()) {
            s.append(o.id().value()).append('=').append(o.stateName()).append(';');
            w.commerce.escrow(SCHEDULER, o.id()).ifPresent(e -> s.append(e.getClass().getSimpleName())
                    .append(e.funds().held()).append(';'));
        }
        s.append(w.commerce.journal().orElseThrow().balances());
        return s.toString();
    }

    /** Faults stop, time passes beyond every retry, lease and grace, and the scheduler catches up. */
    static final class Settle implements Action.Independent<SimWorld> {
        @Override
        public Arbitrary<Transformer<SimWorld>> transformer() {
            return Arbitraries.just(Transformer.mutate("settle", FaultSimulationProperties::settle));
        }
    }

    static void settle(SimWorld w) {
        settle0(w);
        checkAlways(w);
        checkSettled(w);
    }

    static void settle0(SimWorld w) {
        w.steps++;
        w.storage.disarm();
        w.sandbox.clearScript();
        for (int round = 0; round < 6; round++) {
            w.clock.advance(Duration.ofMinutes(20));
            w.sandbox.settleDue();
            for (Notification n : w.sandbox.drainNotifications()) {
                w.commerce.onPaymentNotification(SCHEDULER, n);
            }
            w.commerce.runDueTimers(SCHEDULER);
            w.undecided.removeIf(command -> !(command.get() instanceof SubscriptionResult.PaymentUndecided));
        }
    }

    // ------------------------------------------------------------------ invariants

    /** What holds after every step, whatever failed. */
    static void checkAlways(SimWorld w) {
        Journal journal = w.commerce.journal().orElseThrow();
        LedgerChecks.assertConsistent(journal);
        long ledgerRefunds = MinorUnits.toMinor(journal.balance(Account.refunds(), CNY));
        for (String buyer : SimWorld.BUYERS) {
            assertTrue(MinorUnits.toMinor(journal.balance(Account.refundOwed(buyer), CNY)) >= 0,
                    buyer + ": a refund owed is never negative");
            long inLedger = -MinorUnits.toMinor(journal.balance(Account.buyerFundsIn(buyer), CNY));
            long captured = w.provider.succeeded(Kind.SALE, Optional.of(buyer));
            assertTrue(inLedger <= captured, buyer + ": the ledger holds " + inLedger + " of the buyer's money,"
                    + " the provider captured " + captured);
        }
        // Escrows post a refund before sending it, so the ledger leads the provider; a membership
        // refund is posted once the provider answered, so only escrow refunds are bounded here.
        long membershipRefunds = 0;
        for (dev.mercato.core.ledger.JournalEntry entry : journal.entries()) {
            if (entry.reference().filter(r -> r.kind() == dev.mercato.core.ledger.EntryReference.Kind.MEMBERSHIP).isPresent()) {
                for (dev.mercato.core.ledger.Posting p : entry.postings()) {
                    if (p.account().equals(Account.refunds())) {
                        membershipRefunds += MinorUnits.toMinor(p.amount());
                    }
                }
            }
        }
        long providerRefunds = w.provider.escrowRefunds();
        long ledgerEscrowRefunds = ledgerRefunds - membershipRefunds;
        assertTrue(providerRefunds <= ledgerEscrowRefunds, "escrows: the provider refunded " + providerRefunds
                + ", the ledger shows " + ledgerEscrowRefunds);
        long ledgerPayouts = Math.abs(MinorUnits.toMinor(journal.balance(Account.payouts(), CNY)));
        long providerPayouts = w.provider.succeeded(Kind.PAYOUT, Optional.empty());
        assertTrue(providerPayouts <= ledgerPayouts, "the provider paid out " + providerPayouts
                + ", the ledger shows " + ledgerPayouts);
        long liveUnits = 0;
        for (Order o : w.orders()) {
            if (o instanceof Order.AwaitingPayment || o instanceof Order.Paid || o instanceof Order.StockAllocated) {
                liveUnits += o.facts().snapshot().lines().stream().mapToLong(l -> l.quantity()).sum();
            }
            Optional<Escrow> found = w.commerce.escrow(SCHEDULER, o.id());
            Optional<dev.mercato.core.groupbuy.GroupBuy> group = w.commerce.groupOf(SCHEDULER, o.id());
            if (group.isPresent() && !(group.get() instanceof dev.mercato.core.groupbuy.GroupBuy.Formed)) {
                assertTrue(!(o instanceof Order.Dispatched) && !(o instanceof Order.Delivered)
                        && !(o instanceof Order.Completed), o.id() + " shipped before its group formed: " + o.stateName());
            }
            if (group.isPresent()) {
                long units = o.facts().snapshot().lines().stream().mapToLong(l -> l.quantity()).sum();
                assertEquals(3_990 * units, MinorUnits.toMinor(o.facts().snapshot().payable()),
                        o.id() + ": a member pays the group price");
            }
            List<dev.mercato.core.fulfilment.TrackedParcel> outbound = w.commerce.parcels(SCHEDULER, o.id()).stream()
                    .filter(p -> !p.isReturn()).toList();
            if (!outbound.isEmpty() && !w.settledByPeople.contains(o.id()) && outbound.stream()
                    .anyMatch(p -> p.phase() != dev.mercato.logistics.TrackingPhase.DELIVERED)) {
                assertTrue(!(o instanceof Order.Delivered) && !(o instanceof Order.Completed),
                        o.id() + " is " + o.stateName() + " while a parcel has not arrived: " + outbound);
                found.ifPresent(e -> assertEquals(0, MinorUnits.toMinor(e.funds().released()),
                        o.id() + ": money released to the seller while a parcel has not arrived"));
            }
            if (found.isEmpty()) {
                continue;
            }
            Escrow e = found.get();
            long held = MinorUnits.toMinor(e.funds().held());
            if (e instanceof dev.mercato.core.escrow.AwaitingBalance) {
                assertTrue(o instanceof Order.Paid || o instanceof Order.StockAllocated,
                        o.id() + " is " + o.stateName() + " while its balance is unpaid");
            }
            if (o instanceof Order.Closed) {
                assertEquals(0, held, o.id() + ": a closed order holds nothing");
            }
            if (group.orElse(null) instanceof dev.mercato.core.groupbuy.GroupBuy.Failed) {
                assertEquals(0, held, e.id() + ": nothing is held in a failed group");
            }
            assertTrue(held >= 0, "escrow " + e.id() + " holds " + held);
            assertEquals(MinorUnits.toMinor(e.funds().captured()),
                    held + MinorUnits.toMinor(e.funds().refunded()) + MinorUnits.toMinor(e.funds().released()),
                    "escrow " + e.id() + ": captured = held + refunded + released");
            assertEquals(held, MinorUnits.toMinor(journal.balance(Account.escrowHeld(e.id()), CNY)),
                    "escrow " + e.id() + ": held in the ledger");
        }
        // Each escrow resolves at most once: one release entry at most, and never both a release
        // and a full refund of the same money (held + refunded + released = captured above).
        Map<String, Long> releases = new java.util.HashMap<>();
        for (dev.mercato.core.ledger.JournalEntry entry : journal.entries()) {
            entry.reference().filter(r -> r.kind() == dev.mercato.core.ledger.EntryReference.Kind.ESCROW
                    && dev.mercato.core.ledger.EntryReference.RELEASE_EVENTS.contains(r.event()))
                    .ifPresent(r -> releases.merge(r.aggregateId(), 1L, Long::sum));
        }
        releases.forEach((escrow, n) -> assertEquals(1L, n, "escrow " + escrow + " released " + n + " times"));
        long reserved = 0;
        for (String sku : SimWorld.STOCK.keySet()) {
            for (StockLevel level : w.inventory.stock(SkuId.of(sku))) {
                reserved += level.reserved();
                assertTrue(level.reserved() >= 0 && level.onHand() >= 0, "stock of " + sku + ": " + level);
            }
        }
        assertTrue(reserved >= liveUnits, "reserved " + reserved + " < units of live orders " + liveUnits);
    }

    static String refundDiagnosis(SimWorld w) {
        StringBuilder out = new StringBuilder();
        for (OrderId id : w.placed) {
            Optional<Escrow> e = w.commerce.escrow(SCHEDULER, id);
            if (e.isEmpty()) {
                continue;
            }
            long atProvider = 0;
            StringBuilder ops = new StringBuilder();
            for (var op : w.commerce.escrowService().orElseThrow().operations(e.get().id())) {
                if (op.kind() == dev.mercato.core.escrow.ProviderOperation.Kind.REFUND) {
                    var status = w.sandbox.status(op.transactionId());
                    ops.append(' ').append(op.transactionId().value().replaceAll(".*\\.", "")).append('=')
                            .append(op.amount()).append('/').append(op.outcome().getClass().getSimpleName())
                            .append("/provider:").append(status.map(x -> x.getClass().getSimpleName()).orElse("none"));
                    if (status.orElse(null) instanceof dev.mercato.payments.PaymentOutcome.Succeeded ok) {
                        atProvider += MinorUnits.toMinor(ok.amount());
                    }
                }
            }
            long refunded = MinorUnits.toMinor(e.get().funds().refunded());
            if (refunded != atProvider) {
                out.append("\n  escrow ").append(e.get().id()).append(' ').append(e.get().getClass().getSimpleName())
                        .append(" refunded ").append(refunded).append(" provider ").append(atProvider).append(ops);
            }
        }
        out.append(w.provider.otherRefunds());
        for (dev.mercato.core.ledger.JournalEntry entry : w.commerce.journal().orElseThrow().entries()) {
            for (dev.mercato.core.ledger.Posting p : entry.postings()) {
                if (p.account().equals(Account.refunds()) && !entry.key().startsWith("escrow:")) {
                    out.append("\n    ledger ").append(entry.key()).append(' ').append(p.amount());
                }
            }
        }
        for (String b : SimWorld.BUYERS) {
            out.append("\n  ").append(b).append(" subscription ")
                    .append(w.commerce.memberships().subscription(OPERATOR, b).map(x -> x.getClass().getSimpleName()).orElse("-"))
                    .append(" owed ").append(w.commerce.journal().orElseThrow().balance(Account.refundOwed(b), CNY));
        }
        return out.toString();
    }

    /** What must hold once faults stopped and every timer and reconciliation has run. */
    static void checkSettled(SimWorld w) {
        Journal journal = w.commerce.journal().orElseThrow();
        for (String buyer : SimWorld.BUYERS) {
            long inLedger = -MinorUnits.toMinor(journal.balance(Account.buyerFundsIn(buyer), CNY));
            assertEquals(w.provider.succeeded(Kind.SALE, Optional.of(buyer)), inLedger,
                    buyer + ": every captured unit is in the ledger");
        }
        assertEquals(w.provider.succeeded(Kind.REFUND, Optional.empty()),
                MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)),
                () -> "every refund in the ledger reached the provider; " + refundDiagnosis(w));
        assertEquals(w.provider.succeeded(Kind.PAYOUT, Optional.empty()),
                Math.abs(MinorUnits.toMinor(journal.balance(Account.payouts(), CNY))),
                "every payout in the ledger reached the provider");
        long liveUnits = 0;
        for (Order o : w.orders()) {
            if (o instanceof Order.AwaitingPayment || o instanceof Order.Paid || o instanceof Order.StockAllocated) {
                liveUnits += o.facts().snapshot().lines().stream().mapToLong(l -> l.quantity()).sum();
            }
            BuyerPayment payment = w.commerce.payment(OPERATOR, o.facts().paymentId()).orElseThrow();
            Optional<Escrow> escrow = w.commerce.escrow(SCHEDULER, o.id());
            assertEquals(payment.paid().isPresent(), escrow.isPresent(), o.id() + ": an escrow exactly for each captured order");
        }
        long reserved = 0;
        for (String sku : SimWorld.STOCK.keySet()) {
            for (StockLevel level : w.inventory.stock(SkuId.of(sku))) {
                reserved += level.reserved();
            }
        }
        assertEquals(liveUnits, reserved, "reservations are exactly those of live orders");
        assertEquals(new java.util.HashSet<>(w.placed), new java.util.HashSet<>(w.orders().stream().map(Order::id).toList()),
                "the facade holds exactly the orders whose checkouts answered Placed");
    }
}
