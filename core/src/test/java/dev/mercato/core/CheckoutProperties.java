package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.BuyerPayment;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.javamoney.moneta.Money;

/**
 * A state model of checkout and the order pipeline through the facade, for two buyers sharing
 * scarce stock in two warehouses: random cart adds, checkouts with reused keys, payments,
 * cancellations, clock moves with timers, parcels and refunds. After every step the stock books
 * must match the orders, and a replayed checkout key must return its first result.
 */
class CheckoutProperties {
    static final List<String> BUYERS = List.of("ann", "bob");
    static final Map<String, Long> ON_HAND = Map.of("tea", 6L, "cup", 5L);
    static final Actor.System TIMERS = new Actor.System("timers");

    /** The facade, its inventory, and the first result of every checkout key. */
    static final class Model {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best());
        final Commerce commerce;
        final Map<String, CheckoutResult.Placed> placedByKey = new HashMap<>();

        Model() {
            InMemoryCatalog catalog = Catalog.inMemory()
                    .put(Sku.of("tea", "tea-shop", "Tea", Money.of(25, "CNY")))
                    .put(Sku.of("cup", "cup-shop", "Cup", Money.of(12.5, "CNY")));
            inventory.addWarehouse(Warehouse.of("east", "sh")).addWarehouse(Warehouse.of("west", "cd"));
            inventory.setStock(new WarehouseId("east"), SkuId.of("tea"), 4, 0);
            inventory.setStock(new WarehouseId("west"), SkuId.of("tea"), 2, 0);
            inventory.setStock(new WarehouseId("east"), SkuId.of("cup"), 4, 1);
            inventory.setStock(new WarehouseId("west"), SkuId.of("cup"), 1, 0);
            commerce = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory).build();
        }

        List<Order> orders() {
            List<Order> all = new ArrayList<>();
            BUYERS.forEach(b -> all.addAll(commerce.ordersOfBuyer(TIMERS, b)));
            return all;
        }

        @Override
        public String toString() {
            return placedByKey.keySet().toString();
        }
    }

    @Property(tries = 100)
    void stockBooksMatchTheOrdersAfterEveryStep(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("stock matches orders", CheckoutProperties::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, new AddToCart())
                .withAction(3, new Checkout())
                .withAction(2, new Pay())
                .withAction(new Cancel())
                .withAction(new MoveClock())
                .withAction(2, new ShipParcel())
                .withAction(new Refund())
                .withMaxTransformations(30);
    }

    static void checkInvariants(Model m) {
        List<Order> orders = m.orders();
        for (String sku : ON_HAND.keySet()) {
            SkuId id = SkuId.of(sku);
            long held = 0;
            long shipped = 0;
            for (Order order : orders) {
                long ordered = units(order, id);
                long left = shippedUnits(order, id);
                shipped += left;
                if (order instanceof Order.AwaitingPayment || order instanceof Order.Paid || order instanceof Order.StockAllocated
                        || order instanceof Order.PartiallyShipped) {
                    held += ordered - left;
                }
            }
            List<StockLevel> levels = m.inventory.stock(id);
            long reserved = levels.stream().mapToLong(StockLevel::reserved).sum();
            long onHand = levels.stream().mapToLong(StockLevel::onHand).sum();
            assertEquals(held, reserved, sku + ": reserved units equal the units of live orders not yet shipped");
            assertEquals(ON_HAND.get(sku) - shipped, onHand, sku + ": on-hand fell by exactly the units shipped");
            for (StockLevel level : levels) {
                assertTrue(level.reserved() <= level.onHand() - level.safetyStock(), "never oversold: " + level);
            }
        }
        for (Order order : orders) {
            BuyerPayment payment = m.commerce.payment(TIMERS, order.facts().paymentId()).orElseThrow();
            long total = payment.orderIds().stream().map(id -> m.commerce.order(TIMERS, id).orElseThrow())
                    .mapToLong(o -> MinorUnits.toMinor(o.facts().snapshot().payable())).sum();
            assertEquals(MinorUnits.toMinor(payment.total()), total, "a payment covers exactly its orders");
        }
    }

    static long units(Order order, SkuId sku) {
        return order.facts().snapshot().lines().stream().filter(l -> l.sku().equals(sku)).mapToLong(OrderLine::quantity).sum();
    }

    static long shippedUnits(Order order, SkuId sku) {
        List<Shipment> shipments = order instanceof Order.Dispatched d ? d.shipments()
                : order instanceof Order.Delivered d ? d.shipments()
                : order instanceof Order.Completed c ? c.shipments() : List.of();
        return shipments.stream().flatMap(s -> s.items().stream())
                .filter(i -> order.facts().snapshot().line(i.lineNo()).sku().equals(sku)).mapToLong(Shipment.Item::quantity).sum();
    }

    static Arbitrary<String> buyers() {
        return Arbitraries.of(BUYERS);
    }

    static final class AddToCart implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(buyers(), Arbitraries.of("tea", "cup"), Arbitraries.longs().between(1, 3))
                    .as((buyer, sku, qty) -> Transformer.mutate(buyer + " adds " + sku + " x" + qty,
                            m -> m.commerce.addToCart(new Actor.Buyer(buyer), CartId.of(buyer), SkuId.of(sku), qty)));
        }
    }

    static final class Checkout implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(buyers(), Arbitraries.of("k1", "k2", "k3")).as((buyer, key) ->
                    Transformer.mutate(buyer + " checks out with " + key, m -> {
                        CheckoutResult result = m.commerce.checkout(new Actor.Buyer(buyer), CartId.of(buyer), key, Optional.empty());
                        CheckoutResult.Placed first = m.placedByKey.get(buyer + "/" + key);
                        if (first != null) {
                            assertEquals(first, result, "a replayed key returns its first result");
                        } else if (result instanceof CheckoutResult.Placed placed) {
                            m.placedByKey.put(buyer + "/" + key, placed);
                        }
                    }));
        }
    }

    /** Picks one of the orders that exist now, by index. */
    abstract static class OnOrder implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return !m.placedByKey.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            List<Order> orders = state.orders();
            if (orders.isEmpty()) {
                return Arbitraries.just(Transformer.noop());
            }
            return Arbitraries.of(orders.stream().map(Order::id).toList()).map(id -> Transformer.mutate(name() + " " + id, m ->
                    act(m, m.commerce.order(TIMERS, id).orElseThrow())));
        }

        abstract String name();

        abstract void act(Model m, Order order);
    }

    static final class Pay extends OnOrder {
        @Override
        String name() {
            return "pay";
        }

        @Override
        void act(Model m, Order order) {
            m.commerce.pay(new Actor.Buyer(order.facts().buyerId()), order.facts().paymentId(), new PaymentSource("tok"));
        }
    }

    static final class Cancel extends OnOrder {
        @Override
        String name() {
            return "cancel";
        }

        @Override
        void act(Model m, Order order) {
            m.commerce.cancelOrder(new Actor.Buyer(order.facts().buyerId()), order.id());
        }
    }

    static final class Refund extends OnOrder {
        @Override
        String name() {
            return "refund before shipment";
        }

        @Override
        void act(Model m, Order order) {
            m.commerce.refundBeforeShipment(new Actor.Seller(order.facts().sellerId()), order.id());
        }
    }

    /** Ships one unit of the first line with units left, when the order can ship. */
    static final class ShipParcel extends OnOrder {
        @Override
        String name() {
            return "ship a parcel of";
        }

        @Override
        void act(Model m, Order order) {
            for (OrderLine line : order.facts().snapshot().lines()) {
                if (shippedUnits(order, line.sku()) < line.quantity()) {
                    m.commerce.ship(new Actor.Seller(order.facts().sellerId()), order.id(), "SF" + m.clock.millis(),
                            List.of(new Shipment.Item(line.lineNo(), 1)));
                    return;
                }
            }
        }
    }

    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofDays(1)).map(d ->
                    Transformer.mutate("clock +" + d + " and timers", m -> {
                        m.clock.advance(d);
                        m.commerce.runDueTimers(TIMERS);
                    }));
        }
    }
}
