package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

    private static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }
}
