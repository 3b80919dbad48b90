package dev.mercato.core.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
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
 * A state model of the order lifecycle: random sequences of every transition (including refused
 * ones and clock moves), with the order's invariants checked after every step.
 */
class OrderLifecycleProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");
    static final Duration PAY_WITHIN = Duration.ofMinutes(30);
    static final Duration RETURN_WINDOW = Duration.ofDays(7);

    /** The system under test plus the clock. */
    static final class Model {
        final OrderFacts facts;
        Order order;
        Instant now = T0;
        int cases;

        Model(OrderFacts facts) {
            this.facts = facts;
            this.order = new Order.AwaitingPayment(facts, T0.plus(PAY_WITHIN));
        }

        @Override
        public String toString() {
            return order.stateName() + " at " + now;
        }
    }

    @Property
    void everyStepKeepsTheOrderConsistent(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("order invariants", OrderLifecycleProperties::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return snapshots().map(OrderLifecycleProperties::facts).flatMap(facts -> ActionChain.startWith(() -> new Model(facts))
                .withAction(new MoveClock())
                .withAction(new Pay())
                .withAction(new Cancel())
                .withAction(new CloseUnpaid())
                .withAction(new Allocate())
                .withAction(new RefundBeforeShipment())
                .withAction(3, new Ship())
                .withAction(new Deliver())
                .withAction(3, new RequestAfterSale())
                .withAction(3, new MoveCase())
                .withAction(new Complete())
                .withMaxTransformations(40));
    }

    static Arbitrary<PricedSnapshot> snapshots() {
        Arbitrary<long[]> line = Combinators.combine(
                Arbitraries.longs().between(1, 5), Arbitraries.longs().between(1, 20_000), Arbitraries.integers().between(0, 100))
                .as((qty, unit, discountPercent) -> new long[] {qty, unit, discountPercent});
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(0, 1_500))
                .as((lines, shipping) -> {
                    List<OrderLine> orderLines = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        long[] l = lines.get(i);
                        long subtotal = l[0] * l[1];
                        long discount = subtotal * l[2] / 100;
                        orderLines.add(new OrderLine(i + 1, SkuId.of("sku-" + i), "item " + i, l[0], money(l[1]),
                                money(subtotal), money(discount), money(subtotal - discount)));
                    }
                    return PricedSnapshot.of(CNY, orderLines, money(shipping), List.of());
                });
    }

    static javax.money.MonetaryAmount money(long minor) {
        return MinorUnits.toAmount(minor, CNY);
    }

    static OrderFacts facts(PricedSnapshot snapshot) {
        return new OrderFacts(new OrderId("o-1"), "buyer-1", "seller-1", "pay-1", T0, snapshot, Optional.empty(), false);
    }

    static void checkInvariants(Model model) {
        Order order = model.order;
        assertSame(model.facts, order.facts(), "the facts never change");
        PricedSnapshot snapshot = order.facts().snapshot();
        List<Shipment> shipments = shipmentsOf(order);
        for (OrderLine line : snapshot.lines()) {
            long shipped = shipments.stream().flatMap(s -> s.items().stream()).filter(i -> i.lineNo() == line.lineNo())
                    .mapToLong(Shipment.Item::quantity).sum();
            assertTrue(shipped <= line.quantity(), "line " + line.lineNo() + " shipped " + shipped);
            if (order instanceof Order.Shipped || order instanceof Order.Delivered || order instanceof Order.Completed) {
                assertEquals(line.quantity(), shipped, "every unit has left");
            }
        }
        if (order instanceof Order.PartiallyShipped) {
            assertTrue(snapshot.lines().stream().anyMatch(l -> shipments.stream().flatMap(s -> s.items().stream())
                    .filter(i -> i.lineNo() == l.lineNo()).mapToLong(Shipment.Item::quantity).sum() < l.quantity()));
        }
        List<Refund> refunds = refundsOf(order);
        long refundedTotal = 0;
        for (Refund refund : refunds) {
            long sum = refund.lines().stream().mapToLong(l -> MinorUnits.toMinor(l.amount())).sum();
            if (refund.caseId().isPresent()) {
                assertEquals(sum, MinorUnits.toMinor(refund.total()), "a case refund is the sum of its lines");
            }
            refundedTotal += MinorUnits.toMinor(refund.total());
        }
        assertTrue(refundedTotal <= MinorUnits.toMinor(snapshot.payable()), "never refund more than was paid");
        for (OrderLine line : snapshot.lines()) {
            List<Refund.LineRefund> parts = refunds.stream().flatMap(r -> r.lines().stream())
                    .filter(l -> l.lineNo() == line.lineNo()).toList();
            long units = parts.stream().mapToLong(Refund.LineRefund::units).sum();
            long amount = parts.stream().mapToLong(l -> MinorUnits.toMinor(l.amount())).sum();
            assertTrue(units <= line.quantity(), "line " + line.lineNo() + " refunded " + units + " units");
            assertTrue(amount <= line.payableMinor(), "line " + line.lineNo() + " refunded " + amount);
            boolean onlyFullRefunds = order instanceof Order.RefundedBeforeShipment || refundsOfLineAreFull(order, line.lineNo());
            if (units == line.quantity() && onlyFullRefunds) {
                assertEquals(line.payableMinor(), amount, "refunding every unit gives back exactly the line payable");
            }
        }
        if (order instanceof Order.Delivered delivered) {
            for (OrderLine line : snapshot.lines()) {
                long open = delivered.cases().stream().filter(AfterSaleCase::isOpen)
                        .flatMap(c -> c.request().items().stream()).filter(i -> i.lineNo() == line.lineNo())
                        .mapToLong(AfterSaleCase.Item::quantity).sum();
                assertTrue(open + delivered.unitsRefunded(line.lineNo()) <= line.quantity(),
                        "line " + line.lineNo() + ": units in open cases plus units refunded exceed the quantity");
            }
        }
        if (order instanceof Order.Completed completed) {
            assertTrue(completed.cases().stream().noneMatch(AfterSaleCase::isOpen), "no open case on a completed order");
        }
    }

    static List<Shipment> shipmentsOf(Order order) {
        if (order instanceof Order.Dispatched d) {
            return d.shipments();
        }
        if (order instanceof Order.Delivered d) {
            return d.shipments();
        }
        return order instanceof Order.Completed c ? c.shipments() : List.of();
    }

    static List<Refund> refundsOf(Order order) {
        if (order instanceof Order.Delivered d) {
            return d.refunds();
        }
        if (order instanceof Order.Completed c) {
            return c.refunds();
        }
        return order instanceof Order.RefundedBeforeShipment r ? List.of(r.refund()) : List.of();
    }

    private static boolean refundsOfLineAreFull(Order order, int lineNo) {
        List<AfterSaleCase> cases = order instanceof Order.Delivered d ? d.cases()
                : order instanceof Order.Completed c ? c.cases() : List.of();
        return cases.stream().flatMap(c -> c.request().items().stream())
                .filter(i -> i.lineNo() == lineNo).allMatch(i -> i.amount().isEmpty());
    }

    /** Moves the clock by minutes, hours or days. */
    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(Duration.ofMinutes(10), Duration.ofMinutes(45), Duration.ofHours(5), Duration.ofDays(3))
                    .map(d -> Transformer.mutate("clock +" + d, m -> m.now = m.now.plus(d)));
        }
    }

    static final class Pay implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.AwaitingPayment;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("pay",
                    m -> m.order = ((Order.AwaitingPayment) m.order).pay(new PaymentInfo("txn-1", m.now))));
        }
    }

    static final class Cancel implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.AwaitingPayment;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("cancel",
                    m -> m.order = ((Order.AwaitingPayment) m.order).cancelByBuyer(m.now)));
        }
    }

    static final class CloseUnpaid implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.AwaitingPayment;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("close unpaid", m -> {
                Order.AwaitingPayment awaiting = (Order.AwaitingPayment) m.order;
                if (m.now.isBefore(awaiting.payBy())) {
                    assertTrue(awaiting.closeRefusal(m.now).isPresent());
                    assertThrows(OrderStateException.class, () -> awaiting.closeUnpaid(m.now));
                } else {
                    m.order = awaiting.closeUnpaid(m.now);
                }
            }));
        }
    }

    static final class Allocate implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Paid;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("allocate", m -> {
                List<Reservation.Pick> picks = m.facts.snapshot().lines().stream()
                        .map(l -> new Reservation.Pick(l.sku(), new WarehouseId("w1"), l.quantity())).toList();
                m.order = ((Order.Paid) m.order).allocateStock(picks, m.now);
            }));
        }
    }

    static final class RefundBeforeShipment implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Paid || m.order instanceof Order.StockAllocated;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("refund before shipment", m -> m.order = m.order instanceof Order.Paid p
                    ? p.refundBeforeShipment(m.now) : ((Order.StockAllocated) m.order).refundBeforeShipment(m.now)));
        }
    }

    static final class Ship implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.StockAllocated || m.order instanceof Order.PartiallyShipped;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            int lines = state.facts.snapshot().lines().size();
            return Combinators.combine(Arbitraries.integers().between(1, lines + 1), Arbitraries.longs().between(1, 6))
                    .as((lineNo, qty) -> Transformer.mutate("ship line " + lineNo + " x" + qty, m -> {
                        Shipment shipment = new Shipment("T" + m.now.getEpochSecond(), List.of(new Shipment.Item(lineNo, qty)), m.now);
                        Optional<String> refusal = m.order instanceof Order.StockAllocated s
                                ? s.shipmentRefusal(shipment) : ((Order.PartiallyShipped) m.order).shipmentRefusal(shipment);
                        if (refusal.isPresent()) {
                            Order before = m.order;
                            assertThrows(OrderStateException.class, () -> ship(before, shipment));
                        } else {
                            m.order = ship(m.order, shipment);
                        }
                    }));
        }

        private static Order ship(Order order, Shipment shipment) {
            return order instanceof Order.StockAllocated s ? s.ship(shipment) : ((Order.PartiallyShipped) order).ship(shipment);
        }
    }

    static final class Deliver implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Shipped;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("deliver",
                    m -> m.order = ((Order.Shipped) m.order).deliver(m.now, RETURN_WINDOW)));
        }
    }

    static final class RequestAfterSale implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Delivered;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            int lines = state.facts.snapshot().lines().size();
            return Combinators.combine(Arbitraries.of(AfterSaleCase.Kind.class), Arbitraries.integers().between(1, lines),
                    Arbitraries.longs().between(1, 5), Arbitraries.longs().between(0, 30_000).optional(0.3))
                    .as((kind, lineNo, qty, partial) -> Transformer.mutate(
                            "request " + kind + " line " + lineNo + " x" + qty + partial.map(p -> " for " + p).orElse(""), m -> {
                                Order.Delivered delivered = (Order.Delivered) m.order;
                                Optional<javax.money.MonetaryAmount> amount = kind == AfterSaleCase.Kind.REFUND_ONLY
                                        ? partial.map(OrderLifecycleProperties::money) : Optional.empty();
                                AfterSaleCase.Request request = new AfterSaleCase.Request("case-" + (++m.cases), kind,
                                        List.of(new AfterSaleCase.Item(lineNo, qty, amount)), Optional.empty(), m.now);
                                if (delivered.afterSaleRefusal(request).isPresent()) {
                                    assertThrows(OrderStateException.class, () -> delivered.requestAfterSale(request));
                                } else {
                                    m.order = delivered.requestAfterSale(request);
                                }
                            }));
        }
    }

    /** Moves a random open case one step along its lifecycle. */
    static final class MoveCase implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Delivered d && d.cases().stream().anyMatch(AfterSaleCase::isOpen);
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            List<AfterSaleCase> open = ((Order.Delivered) state.order).cases().stream().filter(AfterSaleCase::isOpen).toList();
            return Combinators.combine(Arbitraries.of(open), Arbitraries.integers().between(0, 9))
                    .as((c, dice) -> Transformer.mutate("move " + c.caseId() + " (" + c.getClass().getSimpleName() + ")", m -> {
                        Order.Delivered d = (Order.Delivered) m.order;
                        AfterSaleCase current = d.findCase(c.caseId()).orElseThrow();
                        if (current instanceof AfterSaleCase.Requested r) {
                            m.order = dice < 2 ? d.rejectCase(r.caseId(), "no", m.now) : d.approveCase(r.caseId(), m.now);
                        } else if (current instanceof AfterSaleCase.Approved a) {
                            m.order = a.request().kind() == AfterSaleCase.Kind.REFUND_ONLY
                                    ? d.refundCase(a.caseId(), m.now) : d.receiveReturnedGoods(a.caseId(), m.now);
                        } else if (current instanceof AfterSaleCase.GoodsReturned g) {
                            m.order = g.request().kind() == AfterSaleCase.Kind.EXCHANGE
                                    ? d.exchange(g.caseId(), "X1", m.now) : d.refundCase(g.caseId(), m.now);
                        } else {
                            throw new AssertionError("not open: " + current);
                        }
                    }));
        }
    }

    static final class Complete implements Action.Independent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.order instanceof Order.Delivered;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("complete", m -> {
                Order.Delivered delivered = (Order.Delivered) m.order;
                if (delivered.completionRefusal(m.now).isPresent()) {
                    assertThrows(OrderStateException.class, () -> delivered.complete(m.now));
                } else {
                    m.order = delivered.complete(m.now);
                }
            }));
        }
    }
}
