package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.FundsAccounts;
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
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
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
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Provider-held funds on PostgreSQL (docs/funds-models.md): the held payment and its instructions
 * are stored like every aggregate, so an instance built on the same database reconciles a split
 * the first instance left unknown, under the same id, and a refund after release goes out after
 * its returns.
 */
class ProviderHeldFundsPostgresExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Actor.Buyer ANN = new Actor.Buyer("ann");
    private static final Actor.System SCHEDULER = new Actor.System("scheduler");
    private static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");
    private static final FundsAccount PLATFORM = FundsAccount.platform("acct_platform");
    private static final FundsAccount TEA_SHOP = FundsAccount.seller("sub_tea_shop");
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

    private static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    private static Commerce instance(PostgresStorage storage, TestClock clock, SandboxPaymentProvider psp) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory()
                        .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00")).withCategoryPath(List.of("food"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("longjing"), 10, 0))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .sellerTypes(s -> SellerType.ENTERPRISE)
                .paymentMethod("alipay")
                .fundsHeldByProvider(psp, FundsAccounts.of(PLATFORM, seller -> Optional.of(TEA_SHOP)))
                .build();
    }

    @Test
    void aSplitLeftUnknownIsReconciledByAnotherInstanceAndARefundAfterReleaseFollowsItsReturns() {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-held-pg", Set.of(CNY)));
        Commerce first = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        first.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                first.checkout(ANN, CartId.of("ann"), "k1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, first.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        Order order = placed.orders().get(0);
        assertInstanceOf(OrderResult.Done.class, first.ship(new Actor.Seller("tea-shop"), order.id(), "SF1",
                List.of(new Shipment.Item(1, 1))));
        psp.scriptNext(ScriptedAnswer.timeOutAfterMoving(ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        assertInstanceOf(OrderResult.Done.class, first.confirmReceipt(ANN, order.id()));
        TransactionId split = new TransactionId("fh." + order.id().value() + ".s1");
        assertEquals(26_800, MinorUnits.toMinor(first.journal().orElseThrow()
                .balance(Account.providerInTransit(split.value()), CNY)), "in transit while unknown");

        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        clock.advance(Duration.ofMinutes(5));
        second.runDueTimers(SCHEDULER);
        Released released = assertInstanceOf(Released.class, second.escrow(SCHEDULER, order.id()).orElseThrow());
        assertEquals(0, MinorUnits.toMinor(second.journal().orElseThrow().balance(Account.providerInTransit(split.value()), CNY)));
        assertTrue(released.funds().sellerNet().isEqualTo(second.journal().orElseThrow()
                .balance(Account.providerSubAccount("seller", "sub_tea_shop"), CNY)));
        assertTrue(psp.status(new TransactionId("fh." + order.id().value() + ".s2")).isEmpty(), "no second split");

        second.requestAfterSale(ANN, order.id(), "c1", AfterSaleCase.Kind.REFUND_ONLY,
                List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw"));
        second.approveAfterSale(OPERATOR, order.id(), "c1");
        assertInstanceOf(OrderResult.Done.class, second.refundAfterSale(OPERATOR, order.id(), "c1"));
        TransactionId hold = new TransactionId(second.payment(ANN, placed.payment().paymentId()).orElseThrow()
                .lastAttempt().orElseThrow());
        assertEquals(26_800, MinorUnits.toMinor(psp.heldFunds(hold).orElseThrow().refunded()));
        assertEquals(0, MinorUnits.toMinor(psp.subAccountBalance(TEA_SHOP, CNY).orElseThrow()));
        assertEquals(0, MinorUnits.toMinor(second.journal().orElseThrow().balance(Account.sellerPayable("tea-shop"), CNY)));
        assertEquals(26_800, MinorUnits.toMinor(second.journal().orElseThrow().balance(Account.refunds(), CNY)));
    }

    @Test
    void aProviderPayoutRecordedByOneInstanceIsAReplayOnAnotherAndTheStatementShowsItOnce() {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider psp = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-held-pg2", Set.of(CNY)));
        Commerce first = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        first.addToCart(ANN, CartId.of("ann"), SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                first.checkout(ANN, CartId.of("ann"), "k1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, first.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        Order order = placed.orders().get(0);
        assertInstanceOf(OrderResult.Done.class, first.ship(new Actor.Seller("tea-shop"), order.id(), "SF1",
                List.of(new Shipment.Item(1, 1))));
        assertInstanceOf(OrderResult.Done.class, first.confirmReceipt(ANN, order.id()));
        psp.withdrawFromSubAccount(TEA_SHOP, cny("100.00"));
        dev.mercato.core.settlement.Payee payee = new dev.mercato.core.settlement.Payee.Seller("tea-shop");
        dev.mercato.core.Payouts.ProviderPayout recorded = first.payouts().recordProviderPayout(OPERATOR, payee,
                cny("100.00"), "wd-1");
        assertInstanceOf(dev.mercato.core.Payouts.ProviderPayout.Recorded.class, recorded);

        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, psp);
        assertEquals(recorded, second.payouts().recordProviderPayout(OPERATOR, payee, cny("100.00"), "wd-1"),
                "the other instance replays the first result");
        assertEquals(1, second.payouts().payouts(OPERATOR, payee).size());
        assertEquals(MinorUnits.toMinor(psp.subAccountBalance(TEA_SHOP, CNY).orElseThrow()), MinorUnits.toMinor(second
                .journal().orElseThrow().balance(Account.providerSubAccount("seller", "sub_tea_shop"), CNY)));
        assertEquals(10_000, MinorUnits.toMinor(second.statement(OPERATOR, "tea-shop", CNY, Instant.EPOCH,
                clock.instant().plusSeconds(1)).payouts()));
    }
}
