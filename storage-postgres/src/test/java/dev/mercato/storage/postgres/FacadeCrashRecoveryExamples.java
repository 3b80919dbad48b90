package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.order.Order;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An instance that dies between the provider's success and its own commit (docs/storage-postgres.md,
 * "Crash recovery"): the buyer was charged, the database does not know yet. A new instance on the
 * same database, built from nothing but configuration, finishes it through reconciliation: the
 * payment is paid, each order's escrow holds its share, every captured unit is in the ledger, once.
 */
class FacadeCrashRecoveryExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Actor.Buyer ANN = new Actor.Buyer("ann");
    private static final Actor.System SCHEDULER = new Actor.System("scheduler");
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

    /** The process dies right after the provider answered: nothing of this call commits. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("the instance died after the provider's success");
        }
    }

    /** The real provider, then a crash before the answer reaches the instance. */
    record DiesAfterSale(PaymentProvider provider) implements PaymentProvider {
        @Override
        public Capabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public PaymentOutcome authorize(PaymentRequest request) {
            return provider.authorize(request);
        }

        @Override
        public PaymentOutcome capture(CaptureRequest request) {
            return provider.capture(request);
        }

        @Override
        public PaymentOutcome sale(PaymentRequest request) {
            provider.sale(request);
            throw new Crash();
        }

        @Override
        public PaymentOutcome voidAuthorization(VoidRequest request) {
            return provider.voidAuthorization(request);
        }

        @Override
        public PaymentOutcome refund(RefundRequest request) {
            return provider.refund(request);
        }

        @Override
        public Optional<PaymentOutcome> status(TransactionId transactionId) {
            return provider.status(transactionId);
        }

        @Override
        public NotificationResult parseNotification(Notification notification) {
            return provider.parseNotification(notification);
        }
    }

    /** The real provider, but the process dies on its way to send a refund: after the commit that owes it. */
    record DiesBeforeRefund(PaymentProvider provider) implements PaymentProvider {
        @Override
        public Capabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public PaymentOutcome authorize(PaymentRequest request) {
            return provider.authorize(request);
        }

        @Override
        public PaymentOutcome capture(CaptureRequest request) {
            return provider.capture(request);
        }

        @Override
        public PaymentOutcome sale(PaymentRequest request) {
            return provider.sale(request);
        }

        @Override
        public PaymentOutcome voidAuthorization(VoidRequest request) {
            return provider.voidAuthorization(request);
        }

        @Override
        public PaymentOutcome refund(RefundRequest request) {
            throw new Crash();
        }

        @Override
        public Optional<PaymentOutcome> status(TransactionId transactionId) {
            return provider.status(transactionId);
        }

        @Override
        public NotificationResult parseNotification(Notification notification) {
            return provider.parseNotification(notification);
        }
    }

    /** The real provider, counting the refunds sent to it. */
    record CountsRefunds(PaymentProvider provider, java.util.List<PaymentOutcome> refunds) implements PaymentProvider {
        @Override
        public Capabilities capabilities() {
            return provider.capabilities();
        }

        @Override
        public PaymentOutcome authorize(PaymentRequest request) {
            return provider.authorize(request);
        }

        @Override
        public PaymentOutcome capture(CaptureRequest request) {
            return provider.capture(request);
        }

        @Override
        public PaymentOutcome sale(PaymentRequest request) {
            return provider.sale(request);
        }

        @Override
        public PaymentOutcome voidAuthorization(VoidRequest request) {
            return provider.voidAuthorization(request);
        }

        @Override
        public PaymentOutcome refund(RefundRequest request) {
            PaymentOutcome outcome = provider.refund(request);
            refunds.add(outcome);
            return outcome;
        }

        @Override
        public Optional<PaymentOutcome> status(TransactionId transactionId) {
            return provider.status(transactionId);
        }

        @Override
        public NotificationResult parseNotification(Notification notification) {
            return provider.parseNotification(notification);
        }
    }

    private static Commerce instance(PostgresStorage storage, TestClock clock, PaymentProvider psp) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory()
                        .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00")).withCategoryPath(List.of("food")))
                        .put(Sku.of("tea-set", "studio", "Tea set", cny("329.00")).withCategoryPath(List.of("home"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("longjing"), 10, 0)
                        .setStock(new WarehouseId("east"), SkuId.of("tea-set"), 10, 0))
                .paymentProvider(psp)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(s -> SellerType.ENTERPRISE)
                .paymentMethod("alipay")
                .build();
    }

    @Test
    void aNewInstanceFinishesACaptureWhoseInstanceDiedBeforeItsCommit() {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-crash", Set.of(CNY)));
        PostgresStorage storage = PostgresStorage.create(database.newDataSource(4));
        Commerce dying = instance(storage, clock, new DiesAfterSale(psp));
        dying.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        dying.addToCart(ANN, CartId.of("ann"), SkuId.of("tea-set"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                dying.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
        String paymentId = placed.payment().paymentId();

        assertThrows(Crash.class, () -> dying.pay(ANN, paymentId, new PaymentSource("tok_visa")));

        // The provider holds 597.00; the database knows an attempt and its reconciliation timer only.
        PostgresStorage restarted = PostgresStorage.create(database.newDataSource(4));
        Commerce after = instance(restarted, clock, psp);
        assertEquals(0, MinorUnits.toMinor(restarted.journal().balance(Account.buyerFundsIn("ann"), CNY)));
        clock.advance(Duration.ofMinutes(2));
        after.runDueTimers(SCHEDULER);
        after.runDueTimers(SCHEDULER);

        assertEquals(-59_700, MinorUnits.toMinor(restarted.journal().balance(Account.buyerFundsIn("ann"), CNY)),
                "every captured unit is in the ledger, once");
        long held = 0;
        for (Order order : placed.orders()) {
            assertInstanceOf(Order.StockAllocated.class, after.order(SCHEDULER, order.id()).orElseThrow());
            Held escrow = assertInstanceOf(Held.class, after.escrow(SCHEDULER, order.id()).orElseThrow());
            assertEquals(order.facts().snapshot().payable(), escrow.funds().held());
            held += MinorUnits.toMinor(escrow.funds().held());
        }
        assertEquals(59_700, held);
        assertEquals(0, restarted.journal().balances().values().stream()
                .mapToLong(b -> MinorUnits.toMinor(b.getOrDefault(CNY, cny("0")))).sum());
    }

    @Test
    void aNewInstanceSendsTheRefundAndRelaysTheEventsOfACommitWhoseInstanceDiedRightAfterIt() {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-crash", Set.of(CNY)));
        PostgresStorage storage = PostgresStorage.create(database.newDataSource(4));
        Commerce dying = instance(storage, clock, new DiesBeforeRefund(psp));
        dying.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                dying.checkout(ANN, CartId.of("ann"), "checkout-2", Optional.empty()));
        assertInstanceOf(dev.mercato.core.checkout.PaymentResult.Paid.class,
                dying.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        Order order = placed.orders().get(0);

        // The refund commits (order, escrow, entry, the refund owed, the events in the outbox); the
        // instance dies on its way to the provider and never relays.
        assertThrows(Crash.class, () -> dying.refundBeforeShipment(ANN, order.id()));

        PostgresStorage restarted = PostgresStorage.create(database.newDataSource(4));
        java.util.List<PaymentOutcome> refunds = new java.util.ArrayList<>();
        Commerce after = instance(restarted, clock, new CountsRefunds(psp, refunds));
        assertInstanceOf(Order.RefundedBeforeShipment.class, after.order(SCHEDULER, order.id()).orElseThrow());
        clock.advance(Duration.ofMinutes(10));
        after.runDueTimers(SCHEDULER);
        after.runDueTimers(SCHEDULER);

        assertEquals(1, refunds.size(), "the owed refund was sent once: " + refunds);
        assertInstanceOf(PaymentOutcome.Succeeded.class, refunds.get(0));
        assertInstanceOf(dev.mercato.core.escrow.Refunded.class, after.escrow(SCHEDULER, order.id()).orElseThrow());
        assertEquals(0, MinorUnits.toMinor(restarted.journal().balance(Account.escrowHeld(order.id().value()), CNY)));
        assertEquals(0, restarted.journal().balances().values().stream()
                .mapToLong(b -> MinorUnits.toMinor(b.getOrDefault(CNY, cny("0")))).sum());
        java.util.List<String> relayed = new java.util.ArrayList<>();
        restarted.outboxRelay(message -> relayed.add(message.eventClass())).relay(100);
        assertTrue(relayed.stream().anyMatch(c -> c.endsWith("OrderEvent$RefundedBeforeShipment")),
                () -> "the refund's event is relayed by the new instance: " + relayed);
    }

    private static javax.money.MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }
}
