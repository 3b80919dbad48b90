package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.PaymentSchedule.ForfeitRule;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * A pre-sale (deposit CNY 20.00 of a CNY 100.00 television, 5% commission) with the funds held by
 * the provider (docs/funds-models.md, "Payments in stages"): the deposit is held with the
 * checkout's sale, the balance is a held sale of its own, the release splits both holds, a kept
 * deposit is split between seller and platform, a refunded one is refunded from its hold.
 */
class StagedProviderHeldExamples {
    static final Instant T0 = Instant.parse("2026-10-20T02:00:00Z");
    static final Actor.Buyer ANN = StagedPaymentProperties.ANN;
    static final Actor.Seller TV_SHOP = new Actor.Seller("tv-shop");
    static final Actor.System SCHEDULER = StagedPaymentProperties.SCHEDULER;
    static final FundsAccount SUB = StagedPaymentProperties.TV_SHOP;
    static final FundsAccount PLATFORM = StagedPaymentProperties.PLATFORM;

    final TestClock clock = new TestClock(T0);
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-staged-held",
            Set.of(StagedPaymentProperties.CNY)));
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
            .catalog(Catalog.inMemory().put(Sku.of("tv", "tv-shop", "Television", cny("100.00"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                    .setStock(new WarehouseId("east"), SkuId.of("tv"), 10, 0))
            .paymentProvider(sandbox)
            .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read("""
                    {"currency": "CNY", "promotions": [{"kind": "pre-sale", "id": "p", "scope": {"skus": ["tv"]},
                      "deposit": "20.00", "depositValue": "20.00"}]}""")), buyer -> BuyerContext.anonymous()))
            .guaranteedTransactions(ScheduleJson.read("""
                    {"name": "flat", "currency": "CNY", "commission": {"base": "PAID", "rules": [
                      {"id": "all", "scope": "default", "rate": "5%"}]}}""").revenue())
            .fundsHeldByProvider(sandbox, StagedPaymentProperties.ACCOUNTS)
            .build();

    /** Checks out a pre-sale and pays the deposit; returns the order and the checkout's hold. */
    private OrderId preSale(ForfeitRule rule, String[] hold) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tv"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN,
                CartId.of("ann"), "k", StagedPaymentProperties.HOME, new StagedPayment.PreSale(T0.plus(Duration.ofDays(10)),
                        T0.plus(Duration.ofDays(12)), rule)));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), StagedPaymentProperties.CARD));
        hold[0] = commerce.payment(ANN, placed.payment().paymentId()).orElseThrow().lastAttempt().orElseThrow();
        OrderId id = placed.orders().get(0).id();
        assertInstanceOf(AwaitingBalance.class, commerce.escrow(SCHEDULER, id).orElseThrow());
        return id;
    }

    @Test
    void theBalanceIsAHeldSaleOfItsOwnAndTheReleaseSplitsBothHolds() {
        String[] hold = new String[1];
        OrderId id = preSale(ForfeitRule.KEEP_NET_OF_COMMISSION, hold);
        HeldFunds deposit = sandbox.heldFunds(new TransactionId(hold[0])).orElseThrow();
        assertAmount("20.00", deposit.held());
        assertAmount("20.00", deposit.stillHeld());

        clock.advance(Duration.ofDays(11));
        assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, id, StagedPaymentProperties.CARD));
        TransactionId balanceSale = new TransactionId("esc." + id.value() + ".balance-1");
        assertAmount("80.00", sandbox.heldFunds(balanceSale).orElseThrow().stillHeld(), "the balance is held at the provider");
        assertAmount("0.00", subAccount(SUB), "nothing split before the release");

        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class, commerce.order(SCHEDULER, id).orElseThrow());
        assertInstanceOf(OrderResult.Done.class, commerce.ship(TV_SHOP, id, "SF1", allocated.facts().snapshot().lines()
                .stream().map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList()));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));

        // Seller's net 95.00, commission 5.00: the balance's hold sends 80.00 of the seller's net,
        // the deposit's hold the other 15.00 and the commission.
        assertTrue(sandbox.status(new TransactionId("fh." + id.value() + ".bs1")).orElseThrow() instanceof PaymentOutcome.Succeeded);
        assertTrue(sandbox.status(new TransactionId("fh." + id.value() + ".s1")).orElseThrow() instanceof PaymentOutcome.Succeeded);
        assertAmount("80.00", sandbox.heldFunds(balanceSale).orElseThrow().splitOut());
        assertAmount("20.00", sandbox.heldFunds(new TransactionId(hold[0])).orElseThrow().splitOut());
        assertAmount("95.00", subAccount(SUB));
        assertAmount("5.00", subAccount(PLATFORM));
        assertAmount("0.00", balance(Account.sellerPayable("tv-shop")));
        assertAmount("95.00", balance(Account.providerSubAccount("seller", SUB.token())));
        assertAmount("5.00", balance(Account.revenue(RevenueStream.COMMISSION)));
        assertTrue(sandbox.heldFunds(balanceSale).orElseThrow().released(), "both holds are unfrozen, nothing left");
        assertTrue(sandbox.heldFunds(new TransactionId(hold[0])).orElseThrow().released());
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void aKeptDepositIsSplitBetweenSellerAndPlatform() {
        OrderId id = preSale(ForfeitRule.KEEP_NET_OF_COMMISSION, new String[1]);
        clock.advance(Duration.ofDays(12));
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Order.Closed.class, commerce.order(SCHEDULER, id).orElseThrow());
        // The deposit net of the 5% commission prorated by 20 / 100: seller 19.00, platform 1.00.
        assertAmount("19.00", subAccount(SUB));
        assertAmount("1.00", subAccount(PLATFORM));
        assertAmount("0.00", balance(Account.sellerPayable("tv-shop")));
        assertAmount("0.00", balance(Account.refunds()));
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void aRefundedDepositGoesBackFromItsHoldAndNothingIsSplit() {
        String[] hold = new String[1];
        OrderId id = preSale(ForfeitRule.KEEP_NET_OF_COMMISSION, hold);
        assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(TV_SHOP, id));
        HeldFunds deposit = sandbox.heldFunds(new TransactionId(hold[0])).orElseThrow();
        assertAmount("20.00", deposit.refunded());
        assertAmount("0.00", deposit.splitOut());
        assertAmount("0.00", deposit.stillHeld());
        assertAmount("0.00", subAccount(SUB));
        assertAmount("20.00", balance(Account.refunds()));
        LedgerChecks.assertConsistent(journal());
    }

    private MonetaryAmount subAccount(FundsAccount account) {
        return sandbox.subAccountBalance(account, StagedPaymentProperties.CNY).orElse(cny("0"));
    }

    private Journal journal() {
        return commerce.journal().orElseThrow();
    }

    private MonetaryAmount balance(Account account) {
        return journal().balance(account, StagedPaymentProperties.CNY);
    }

    static MonetaryAmount cny(String value) {
        return ProviderHeldFundsExamples.cny(value);
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        ProviderHeldFundsExamples.assertAmount(expected, actual);
    }

    static void assertAmount(String expected, MonetaryAmount actual, String what) {
        ProviderHeldFundsExamples.assertAmount(expected, actual, what);
    }
}
