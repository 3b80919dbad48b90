package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code Commerce} instances (two pools, one database) running the same platform
 * (docs/storage-postgres.md, "Several instances"): the facade's timers are claimed, so when both
 * instances run the scheduler at once over the same due auto-confirm timers, every escrow is
 * released exactly once, every order delivered, and the ledger balanced.
 */
class TwoCommerceInstancesExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Actor.Buyer ANN = new Actor.Buyer("ann");
    private static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    private static final Actor.System SCHEDULER = new Actor.System("scheduler");
    private static final int ORDERS = 24;
    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    private static Commerce instance(PostgresStorage storage, TestClock clock, SandboxPaymentProvider psp) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory().put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))
                        .withCategoryPath(List.of("food", "tea"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("longjing"), 1_000, 0))
                .paymentProvider(psp)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(s -> SellerType.ENTERPRISE)
                .paymentMethod("alipay")
                .build();
    }

    @Test
    void bothInstancesRunTheSchedulerAtOnceAndEveryEscrowIsReleasedOnce() throws Exception {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        // One payment provider, as in production: both instances talk to the same one.
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-two", Set.of(CNY)));
        PostgresStorage firstStorage = PostgresStorage.create(database.newDataSource(4));
        Commerce first = instance(firstStorage, clock, psp);
        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);

        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            CartId cart = CartId.of("ann");
            first.addToCart(ANN, cart, SkuId.of("longjing"), 1);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    first.checkout(ANN, cart, "checkout-" + i, Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class,
                    first.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            Order order = placed.orders().get(0);
            // The second instance ships what the first sold: both read one database.
            assertInstanceOf(OrderResult.Done.class, second.ship(TEA_SHOP, order.id(), "SF" + i,
                    List.of(new Shipment.Item(1, 1))));
            orders.add(order);
        }
        clock.advance(Duration.ofDays(11));

        List<Integer> fired = Race.run(List.of(() -> first.runDueTimers(SCHEDULER), () -> second.runDueTimers(SCHEDULER),
                () -> first.runDueTimers(SCHEDULER), () -> second.runDueTimers(SCHEDULER)));

        // Claimed, not polled: each timer's handler ran on one instance only.
        assertEquals(ORDERS, fired.stream().mapToInt(Integer::intValue).sum(), () -> "fired " + fired);
        for (Order order : orders) {
            assertInstanceOf(Released.class, first.escrow(SCHEDULER, order.id()).orElseThrow());
            assertInstanceOf(Order.Delivered.class, second.order(SCHEDULER, order.id()).orElseThrow());
        }
        List<JournalEntry> releases = firstStorage.journal().entries().stream()
                .filter(e -> e.reference().map(r -> r.kind() == EntryReference.Kind.ESCROW
                        && r.event().equals("auto-confirm")).orElse(false))
                .toList();
        assertEquals(ORDERS, releases.size(), "one release per escrow");
        // 268.00 - commission 1.34 (food, 0.5%) - alipay 1.61, once per order.
        assertEquals(ORDERS * 26_505L, MinorUnits.toMinor(firstStorage.journal().balance(Account.sellerPayable("tea-shop"), CNY)));
        long sum = 0;
        for (Map<CurrencyUnit, MonetaryAmount> byCurrency : firstStorage.journal().balances().values()) {
            sum += MinorUnits.toMinor(byCurrency.getOrDefault(CNY, cny("0")));
        }
        assertEquals(0, sum, "the ledger balances");
    }

    /** Places and pays {@code count} one-unit orders on the first instance. */
    private static List<Order> paidOrders(Commerce first, int count, String prefix) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CartId cart = CartId.of("ann");
            first.addToCart(ANN, cart, SkuId.of("longjing"), 1);
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    first.checkout(ANN, cart, prefix + i, Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class,
                    first.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
            orders.add(placed.orders().get(0));
        }
        return orders;
    }

    private static void assertLedgerBalances(PostgresStorage storage) {
        long sum = 0;
        for (Map<CurrencyUnit, MonetaryAmount> byCurrency : storage.journal().balances().values()) {
            sum += MinorUnits.toMinor(byCurrency.getOrDefault(CNY, cny("0")));
        }
        assertEquals(0, sum, "the ledger balances");
    }

    /** The journal entries that name an escrow, by escrow id, as their events. */
    private static Map<String, List<String>> escrowEvents(PostgresStorage storage) {
        Map<String, List<String>> events = new java.util.TreeMap<>();
        for (JournalEntry entry : storage.journal().entries()) {
            entry.reference().filter(r -> r.kind() == EntryReference.Kind.ESCROW)
                    .ifPresent(r -> events.computeIfAbsent(r.aggregateId(), k -> new ArrayList<>()).add(r.event()));
        }
        return events;
    }

    @Test
    void theBuyerConfirmingOnOneInstanceWhileBothRunTheSchedulerReleasesEachEscrowOnce() throws Exception {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-two", Set.of(CNY)));
        PostgresStorage firstStorage = PostgresStorage.create(database.newDataSource(4));
        Commerce first = instance(firstStorage, clock, psp);
        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        int count = 12;
        List<Order> orders = paidOrders(first, count, "confirm-");
        for (int i = 0; i < count; i++) {
            assertInstanceOf(OrderResult.Done.class, second.ship(TEA_SHOP, orders.get(i).id(), "YT" + i,
                    List.of(new Shipment.Item(1, 1))));
        }
        clock.advance(Duration.ofDays(11));
        List<java.util.concurrent.Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> first.runDueTimers(SCHEDULER));
        tasks.add(() -> second.runDueTimers(SCHEDULER));
        for (int i = 0; i < count; i++) {
            Commerce on = i % 2 == 0 ? second : first;
            OrderId id = orders.get(i).id();
            tasks.add(() -> on.confirmReceipt(ANN, id));
        }

        List<Object> results = Race.run(6, tasks);

        for (Object result : results.subList(2, results.size())) {
            // The buyer came first (Done) or the scheduler did (a typed refusal); never an exception.
            assertTrue(result instanceof OrderResult.Done || result instanceof OrderResult.Refused, result::toString);
        }
        Map<String, List<String>> events = escrowEvents(firstStorage);
        for (Order order : orders) {
            assertInstanceOf(Released.class, second.escrow(SCHEDULER, order.id()).orElseThrow());
            List<String> released = events.getOrDefault(order.id().value(), List.of()).stream()
                    .filter(EntryReference.RELEASE_EVENTS::contains).toList();
            assertEquals(1, released.size(), () -> "one release of " + order.id() + ": " + events.get(order.id().value()));
        }
        assertEquals(count * 26_505L, MinorUnits.toMinor(firstStorage.journal().balance(Account.sellerPayable("tea-shop"), CNY)));
        assertLedgerBalances(firstStorage);
    }

    @Test
    void refundsOfTheSameOrdersAskedOnBothInstancesAtOnceRefundEachOnce() throws Exception {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-two", Set.of(CNY)));
        PostgresStorage firstStorage = PostgresStorage.create(database.newDataSource(4));
        Commerce first = instance(firstStorage, clock, psp);
        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        int count = 10;
        List<Order> orders = paidOrders(first, count, "refund-");
        long fundsBefore = MinorUnits.toMinor(firstStorage.journal().balance(Account.refunds(), CNY));
        List<java.util.concurrent.Callable<OrderResult>> tasks = new ArrayList<>();
        for (Order order : orders) {
            tasks.add(() -> first.refundBeforeShipment(ANN, order.id()));
            tasks.add(() -> second.refundBeforeShipment(ANN, order.id()));
        }

        List<OrderResult> results = Race.run(6, tasks);

        for (int i = 0; i < count; i++) {
            long done = results.subList(2 * i, 2 * i + 2).stream().filter(OrderResult.Done.class::isInstance).count();
            assertTrue(done >= 1, () -> "refunded by one of the two: " + results);
        }
        Map<String, List<String>> events = escrowEvents(firstStorage);
        for (Order order : orders) {
            assertInstanceOf(Order.RefundedBeforeShipment.class, first.order(ANN, order.id()).orElseThrow());
            assertInstanceOf(dev.mercato.core.escrow.Refunded.class, second.escrow(SCHEDULER, order.id()).orElseThrow());
            List<String> all = events.getOrDefault(order.id().value(), List.of());
            assertEquals(List.of("capture", "line-refund"), all, () -> "the capture and one refund of " + order.id());
        }
        assertEquals(count * 268_00L, Math.abs(MinorUnits.toMinor(firstStorage.journal().balance(Account.refunds(), CNY))
                - fundsBefore), "each order's 268.00 refunded once");
        assertLedgerBalances(firstStorage);
    }

    private static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }
}
