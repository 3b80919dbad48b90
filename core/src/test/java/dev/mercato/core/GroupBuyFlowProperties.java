package dev.mercato.core;

import static dev.mercato.core.GroupBuyWorld.CNY;
import static dev.mercato.core.GroupBuyWorld.ORCHARD;
import static dev.mercato.core.GroupBuyWorld.SCHEDULER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.AwaitingGroup;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.ProviderOperation;
import dev.mercato.core.groupbuy.GroupBuy;
import dev.mercato.core.groupbuy.GroupChoice;
import dev.mercato.core.groupbuy.GroupMember;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of group buying through the facade (docs/group-buying.md): buyers open and join
 * groups of three, pay, cancel, leave, try to ship and refund, check out outside any group, and
 * the clock jumps past payment and group deadlines while two facade instances over the same
 * storage run the timers, in any order. After every step: the ledger balances; every captured
 * unit is in the ledger and every refund in it went to the provider; nothing is held in a failed
 * group; every member of a formed group paid the group price; no order shipped before its group
 * formed; no group holds more members than places; order, escrow and group agree; every unit of
 * stock is with a live order or back in the warehouse.
 */
class GroupBuyFlowProperties {
    static final List<String> BUYERS = List.of("ann", "bob", "carol", "dave", "erin", "frank");

    /** Two facade instances over one storage, and what the model remembers of them. */
    static final class Model {
        final GroupBuyWorld w = new GroupBuyWorld();
        final Commerce other = GroupBuyWorld.builder(w.commerce.storage(), w.inventory, 3, w.clock, w.payments)
                .carrier(w.carrier).events(w.events::add).build();
        final Map<String, String> payments = new LinkedHashMap<>();   // payment id -> buyer
        final List<OrderId> orders = new ArrayList<>();
        final Set<String> groups = new LinkedHashSet<>();
        final Set<String> singlePrice = new LinkedHashSet<>();        // payments placed outside any group
        int keys;

        Commerce either(int i) {
            return i % 2 == 0 ? w.commerce : other;
        }

        OrderId pick(int i) {
            return orders.get(Math.floorMod(i, orders.size()));
        }

        /** One of the two newest groups (older ones have mostly formed or failed). */
        String group(int i) {
            List<String> all = new ArrayList<>(groups);
            return all.get(Math.max(0, all.size() - 1 - Math.floorMod(i, 2)));
        }

        void placed(CheckoutResult result, boolean single) {
            if (result instanceof CheckoutResult.Placed placed) {
                payments.put(placed.payment().paymentId(), placed.payment().buyerId());
                placed.orders().forEach(o -> orders.add(o.id()));
                if (single) {
                    singlePrice.add(placed.payment().paymentId());
                } else {
                    w.commerce.groupOf(SCHEDULER, placed.orders().get(0).id()).ifPresent(g -> groups.add(g.id()));
                }
            }
        }

        @Override
        public String toString() {
            return groups.size() + " groups, " + orders.size() + " orders";
        }
    }

    @Property
    void groupBuysHoldRefundAndShipOnlyAsTheirGroupDecidesAndEveryCapturedUnitIsInTheLedger(
            @ForAll("chains") ActionChain<Model> chain) {
        Model end = chain.withInvariant("group-buy invariants", GroupBuyFlowProperties::checkInvariants).run();
        for (String id : end.groups) {
            GroupBuy group = end.w.commerce.groupBuy(SCHEDULER, id).orElseThrow();
            Statistics.label("groups").collect(group.getClass().getSimpleName());
            Statistics.label("formed or failed with paid members").collect(!(group instanceof GroupBuy.Open)
                    && group.members().stream().anyMatch(GroupMember::paid) ? group.getClass().getSimpleName() : "other");
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(1, buyerStep("open a group", (m, buyer, i) -> m.placed(checkout(m, buyer, i,
                        Optional.of(GroupChoice.open(GroupBuyWorld.CAMPAIGN))), false)))
                .withAction(6, buyerStep("join a group", (m, buyer, i) -> {
                    if (!m.groups.isEmpty()) {
                        m.placed(checkout(m, buyer, i, Optional.of(GroupChoice.join(m.group(i)))), false);
                    }
                }))
                .withAction(1, buyerStep("check out alone", (m, buyer, i) -> m.placed(checkout(m, buyer, i,
                        Optional.empty()), true)))
                .withAction(8, orderStep("pay", (m, id, i) -> {
                    Order order = m.w.commerce.order(SCHEDULER, id).orElseThrow();
                    m.either(i).pay(new Actor.Buyer(order.facts().buyerId()), order.facts().paymentId(),
                            new dev.mercato.payments.PaymentSource("tok_visa"));
                }))
                .withAction(1, orderStep("cancel", (m, id, i) -> m.either(i).cancelOrder(buyerOf(m, id), id)))
                .withAction(2, orderStep("leave the group", (m, id, i) -> m.either(i).leaveGroup(buyerOf(m, id), id)))
                .withAction(2, orderStep("ship", GroupBuyFlowProperties::ship))
                .withAction(2, orderStep("ship with the carrier", GroupBuyFlowProperties::shipWithCarrier))
                .withAction(1, orderStep("refund before shipment", (m, id, i) -> m.either(i).refundBeforeShipment(
                        buyerOf(m, id), id)))
                .withAction(2, clock())
                .withMaxTransformations(50);
    }

    static CheckoutResult checkout(Model m, String buyer, int i, Optional<GroupChoice> group) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        dev.mercato.core.cart.CartId cart = dev.mercato.core.cart.CartId.of(buyer);
        m.either(i).addToCart(actor, cart, GroupBuyWorld.PEACH, 1);
        String key = "k" + (++m.keys);
        CheckoutResult result = group.isPresent() ? m.either(i).checkout(actor, cart, key, Optional.empty(), group.get())
                : m.either(i).checkout(actor, cart, key, Optional.empty());
        if (!(result instanceof CheckoutResult.Placed)) {
            m.w.commerce.removeFromCart(actor, cart, GroupBuyWorld.PEACH);
        }
        return result;
    }

    static Actor.Buyer buyerOf(Model m, OrderId id) {
        return new Actor.Buyer(m.w.commerce.order(SCHEDULER, id).orElseThrow().facts().buyerId());
    }

    /** The seller tries to ship; before the group formed it must be refused with the typed reason. */
    static void ship(Model m, OrderId id, int i) {
        Order order = m.w.commerce.order(SCHEDULER, id).orElseThrow();
        if (!(order instanceof Order.StockAllocated)) {
            return;
        }
        Optional<GroupBuy> group = m.w.commerce.groupOf(SCHEDULER, id);
        OrderResult result = m.either(i).ship(ORCHARD, id, "SF-" + id.value().substring(4, 12),
                List.of(new Shipment.Item(1, 1)));
        if (group.isPresent() && !(group.get() instanceof GroupBuy.Formed)) {
            assertEquals(OrderResult.Reason.GROUP_NOT_FORMED, assertInstanceOf(OrderResult.Refused.class, result).reason());
        } else {
            assertInstanceOf(OrderResult.Done.class, result);
        }
    }

    static final dev.mercato.logistics.Address HOME = new dev.mercato.logistics.Address("CN", "Shanghai", "Shanghai",
            "200001", "8 Garden Road");

    /** The seller books the carrier; before the group formed nothing may be booked. */
    static void shipWithCarrier(Model m, OrderId id, int i) {
        Order order = m.w.commerce.order(SCHEDULER, id).orElseThrow();
        if (!(order instanceof Order.StockAllocated)) {
            return;
        }
        Optional<GroupBuy> group = m.w.commerce.groupOf(SCHEDULER, id);
        dev.mercato.core.fulfilment.DispatchResult result = m.either(i).shipWithCarrier(ORCHARD, id,
                dev.mercato.core.fulfilment.CarrierDispatch.everything("d-" + i, HOME, dev.mercato.logistics.ServiceLevel.STANDARD));
        if (group.isPresent() && !(group.get() instanceof GroupBuy.Formed)) {
            assertInstanceOf(dev.mercato.core.fulfilment.DispatchResult.GroupNotFormed.class, result);
        } else {
            assertInstanceOf(dev.mercato.core.fulfilment.DispatchResult.Dispatched.class, result);
        }
    }

    interface BuyerStep {
        void run(Model m, String buyer, int i);
    }

    interface OrderStep {
        void run(Model m, OrderId id, int i);
    }

    static Action.Independent<Model> buyerStep(String name, BuyerStep step) {
        return () -> Combinators.combine(Arbitraries.of(BUYERS), Arbitraries.integers().between(0, 40))
                .as((buyer, i) -> Transformer.mutate(name + " " + buyer + " #" + i, m -> step.run(m, buyer, i)));
    }

    static Action.Independent<Model> orderStep(String name, OrderStep step) {
        return () -> Arbitraries.integers().between(0, 40).map(i -> Transformer.mutate(name + " #" + i, m -> {
            if (!m.orders.isEmpty()) {
                step.run(m, m.pick(i), i);
            }
        }));
    }

    /**
     * Time jumps (minutes to past a group's day) and one instance, both one after the other, or
     * both at once on two threads run the timers.
     */
    static Action.Independent<Model> clock() {
        return () -> Combinators.combine(Arbitraries.of(5L, 20L, 60L, 6 * 60L, 23 * 60L, 25 * 60L),
                Arbitraries.integers().between(0, 3)).as((minutes, who) -> Transformer.<Model>mutate(
                        "+" + minutes + "min, timers on " + List.of("instance 0", "instance 1", "both", "both at once")
                                .get(who), m -> {
                            m.w.clock.advance(Duration.ofMinutes(minutes));
                            if (who == 3) {
                                try {
                                    GroupBuyRaceExamples.race(List.<java.util.concurrent.Callable<Integer>>of(
                                            () -> m.w.commerce.runDueTimers(SCHEDULER), () -> m.other.runDueTimers(SCHEDULER)));
                                } catch (Exception e) {
                                    throw new AssertionError("a timer run failed", e);
                                }
                                return;
                            }
                            if (who != 1) {
                                m.w.commerce.runDueTimers(SCHEDULER);
                            }
                            if (who != 0) {
                                m.other.runDueTimers(SCHEDULER);
                            }
                        }));
    }

    static void checkInvariants(Model m) {
        Commerce c = m.w.commerce;
        Journal journal = c.journal().orElseThrow();
        LedgerChecks.assertConsistent(journal);
        // Every captured unit is in the ledger: each buyer's funds in are exactly what the provider captured.
        Map<String, Long> captured = new LinkedHashMap<>();
        BUYERS.forEach(b -> captured.put(b, 0L));
        for (Map.Entry<String, String> p : m.payments.entrySet()) {
            BuyerPayment payment = c.payment(SCHEDULER, p.getKey()).orElseThrow();
            if (payment.paid().isPresent()) {
                captured.merge(p.getValue(), MinorUnits.toMinor(payment.total()), Long::sum);
            }
            if (m.singlePrice.contains(p.getKey())) {
                assertEquals(5990, MinorUnits.toMinor(payment.total()), "outside a group: the single price");
            }
        }
        for (String buyer : BUYERS) {
            assertEquals(-captured.get(buyer), MinorUnits.toMinor(journal.balance(Account.buyerFundsIn(buyer), CNY)),
                    "funds in of " + buyer + " = provider captures");
        }
        long refundedByProvider = 0;
        long live = 0;
        for (OrderId id : m.orders) {
            Order order = c.order(SCHEDULER, id).orElseThrow();
            Optional<GroupBuy> group = c.groupOf(SCHEDULER, id);
            Optional<Escrow> escrow = c.escrow(SCHEDULER, id);
            if (!(order instanceof Order.Cancelled || order instanceof Order.Closed
                    || order instanceof Order.RefundedBeforeShipment)) {
                live++;
            }
            if (order instanceof Order.Dispatched || order instanceof Order.Delivered || order instanceof Order.Completed
                    || !c.parcels(SCHEDULER, id).isEmpty()) {
                assertTrue(group.isEmpty() || group.get() instanceof GroupBuy.Formed, "shipped before its group formed: " + id);
            }
            if (escrow.isEmpty()) {
                continue;
            }
            Escrow e = escrow.get();
            for (ProviderOperation op : c.escrowService().orElseThrow().operations(e.id())) {
                if (op.kind() == ProviderOperation.Kind.REFUND
                        && m.w.payments.status(op.transactionId()).orElse(null) instanceof PaymentOutcome.Succeeded s) {
                    refundedByProvider += MinorUnits.toMinor(s.amount());
                }
            }
            assertEquals(MinorUnits.toMinor(e.funds().held()), MinorUnits.toMinor(journal.balance(Account.escrowHeld(e.id()), CNY)),
                    "held in the ledger");
            if (e instanceof AwaitingGroup) {
                assertInstanceOf(Order.StockAllocated.class, order, "a waiting member's order waits allocated");
                assertInstanceOf(GroupBuy.Open.class, group.orElseThrow(), "money waits only for an open group");
            } else {
                GuaranteedTransactionProperties.assertStatesAgree(order, e);
            }
        }
        assertEquals(MinorUnits.toMinor(journal.balance(Account.refunds(), CNY)), refundedByProvider,
                "every refund in the ledger went to the provider");
        // One box per order: a live order's box is reserved or shipped, every other box is back.
        assertEquals(GroupBuyWorld.STOCK - live, m.w.available(), "stock with live orders or back in the warehouse");
        for (String id : m.groups) {
            GroupBuy group = c.groupBuy(SCHEDULER, id).orElseThrow();
            assertTrue(group.members().size() <= group.groupSize(), "a group never overfills");
            // Formed and failed once each, whichever instance committed it, however often timers fired.
            assertEquals(group instanceof GroupBuy.Formed ? 1 : 0, m.w.events.stream()
                    .filter(e -> e instanceof dev.mercato.core.groupbuy.GroupBuyEvent.Formed f && f.groupId().equals(id)).count());
            assertEquals(group instanceof GroupBuy.Failed ? 1 : 0, m.w.events.stream()
                    .filter(e -> e instanceof dev.mercato.core.groupbuy.GroupBuyEvent.Failed f && f.groupId().equals(id)).count());
            for (GroupMember member : group.members()) {
                for (OrderId orderId : member.orders()) {
                    Optional<Escrow> e = c.escrow(SCHEDULER, orderId);
                    if (group instanceof GroupBuy.Failed) {
                        assertEquals(0, e.map(x -> MinorUnits.toMinor(x.funds().held())).orElse(0L),
                                "nothing held in a failed group");
                    }
                }
                if (group instanceof GroupBuy.Formed) {
                    BuyerPayment payment = c.payment(SCHEDULER, member.paymentId()).orElseThrow();
                    assertTrue(payment.paid().isPresent(), "every member of a formed group paid");
                    assertEquals(3990, MinorUnits.toMinor(payment.total()), "at the group price");
                }
            }
        }
    }
}
