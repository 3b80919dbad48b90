package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.Closed;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.PaymentSchedule.ForfeitRule;
import dev.mercato.core.escrow.Refunded;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Payments in stages through the facade alone: a pre-sale television (deposit CNY 50.00 worth
 * 100.00 against its CNY 3,000.00 price, so it is priced 2,950.00: 50.00 now, 2,900.00 later) in
 * the same cart as tea paid in full; a B2B order paying a 30% advance. The checkout's payment asks
 * the first stages only; the seller cannot ship before the balance; the balance is refused
 * outside its window; an unpaid balance forfeits the deposit by the configured rule at its due
 * date and closes the order, returning its stock. Commission is a flat 5% of what was paid.
 */
class StagedCheckoutExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TV_SHOP = new Actor.Seller("tv-shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final WarehouseId EAST = new WarehouseId("east");
    static final Instant T0 = Instant.parse("2026-10-20T02:00:00Z");
    static final Instant OPENS = T0.plus(Duration.ofDays(10));
    static final Instant DUE = T0.plus(Duration.ofDays(12));
    static final Destination HOME = Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road"));

    final TestClock clock = new TestClock(T0);
    final SandboxPaymentProvider payments = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-staged-checkout", Set.of(CNY)));
    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
            .addWarehouse(Warehouse.of("east", "shanghai"))
            .setStock(EAST, SkuId.of("tv"), 5, 0).setStock(EAST, SkuId.of("tea"), 50, 0)
            .setStock(EAST, SkuId.of("steel"), 10_000, 0);
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
            .catalog(Catalog.inMemory()
                    .put(Sku.of("tv", "tv-shop", "Television", Money.of(3000, "CNY")))
                    .put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY")))
                    .put(Sku.of("steel", "mill", "Steel coil, per tonne", Money.of(4321, "CNY"))))
            .inventory(inventory).paymentProvider(payments)
            .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read("""
                    {"currency": "CNY", "promotions": [
                      {"kind": "pre-sale", "id": "tv-presale", "scope": {"skus": ["tv"]}, "deposit": 50, "depositValue": 100}
                    ]}""")), buyer -> BuyerContext.anonymous()))
            .guaranteedTransactions(ScheduleJson.read("""
                    {"name": "flat", "currency": "CNY", "commission": {"base": "PAID", "rules": [
                      {"id": "all", "scope": "default", "rate": "5%"}]}}""").revenue())
            .build();

    Journal journal() {
        return commerce.journal().orElseThrow();
    }

    long balance(Account account) {
        return MinorUnits.toMinor(journal().balance(account, CNY));
    }

    CheckoutResult.Placed preSaleCheckout(ForfeitRule rule, boolean withTea) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tv"), 1);
        if (withTea) {
            commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        }
        return assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, CartId.of("ann"), "k1", HOME,
                new StagedPayment.PreSale(OPENS, DUE, rule)));
    }

    OrderId orderOf(CheckoutResult.Placed placed, String seller) {
        return placed.orders().stream().filter(o -> o.facts().sellerId().equals(seller)).findFirst().orElseThrow().id();
    }

    Order order(OrderId id) {
        return commerce.order(SCHEDULER, id).orElseThrow();
    }

    @Test
    void theDepositNowTheBalanceInItsWindowAndOnlyThenTheSellerShips() {
        CheckoutResult.Placed placed = preSaleCheckout(ForfeitRule.KEEP_NET_OF_COMMISSION, true);
        OrderId tv = orderOf(placed, "tv-shop");
        OrderId tea = orderOf(placed, "tea-shop");
        assertEquals(295_000, MinorUnits.toMinor(order(tv).facts().snapshot().payable()), "3,000.00 - 50.00 bonus");
        assertEquals(5_000 + 26_800, MinorUnits.toMinor(placed.payment().total()), "the deposit and the tea now");
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));

        AwaitingBalance awaiting = assertInstanceOf(AwaitingBalance.class, commerce.escrow(SCHEDULER, tv).orElseThrow());
        assertEquals(290_000, MinorUnits.toMinor(awaiting.balanceDue()));
        assertEquals(5_000, balance(Account.escrowHeld(tv.value())));
        assertInstanceOf(Held.class, commerce.escrow(SCHEDULER, tea).orElseThrow(), "the tea is paid in full");

        OrderResult.Refused early = assertInstanceOf(OrderResult.Refused.class, commerce.ship(TV_SHOP, tv, "SF1",
                List.of(new Shipment.Item(1, 1))));
        assertEquals(OrderResult.Reason.BALANCE_NOT_PAID, early.reason());
        assertEquals(BalanceResult.Reason.TOO_EARLY, assertInstanceOf(BalanceResult.Refused.class,
                commerce.payBalance(ANN, tv, CARD)).reason());
        assertEquals(BalanceResult.Reason.NOT_STAGED, assertInstanceOf(BalanceResult.Refused.class,
                commerce.payBalance(ANN, tea, CARD)).reason());
        assertThrows(NotPermittedException.class, () -> commerce.payBalance(new Actor.Buyer("bob"), tv, CARD));

        clock.advance(Duration.ofDays(10));
        BalanceResult.Paid paid = assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, tv, CARD));
        assertEquals(295_000, MinorUnits.toMinor(paid.escrow().funds().held()));
        assertEquals(BalanceResult.Reason.ALREADY_PAID, assertInstanceOf(BalanceResult.Refused.class,
                commerce.payBalance(ANN, tv, CARD)).reason());
        assertEquals(-(5_000 + 26_800 + 290_000), balance(Account.buyerFundsIn("ann")), "every captured unit");
        assertInstanceOf(OrderResult.Done.class, commerce.ship(TV_SHOP, tv, "SF1", List.of(new Shipment.Item(1, 1))));
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void anUnpaidBalanceLeavesTheDepositWithTheSellerNetOfCommissionAndClosesTheOrder() {
        CheckoutResult.Placed placed = preSaleCheckout(ForfeitRule.KEEP_NET_OF_COMMISSION, false);
        OrderId tv = placed.orders().get(0).id();
        commerce.pay(ANN, placed.payment().paymentId(), CARD);
        assertEquals(1, reserved("tv"));

        clock.advance(Duration.ofDays(12));
        assertEquals(BalanceResult.Reason.TOO_LATE, assertInstanceOf(BalanceResult.Refused.class,
                commerce.payBalance(ANN, tv, CARD)).reason(), "from the due date on, before the timer ran too");
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Closed.class, commerce.escrow(SCHEDULER, tv).orElseThrow());
        assertInstanceOf(Order.Closed.class, order(tv));
        assertEquals(0, reserved("tv"), "the television goes back on sale");
        // 5% of the 50.00 deposit is the platform's; the seller keeps 47.50.
        assertEquals(0, balance(Account.escrowHeld(tv.value())));
        assertEquals(4_750, balance(Account.sellerPayable("tv-shop")));
        assertEquals(0, balance(Account.refunds()));
        // The seller's statement has the kept deposit as released: gross 50.00, deductions 2.50, net 47.50.
        dev.mercato.core.settlement.SettlementStatement statement = commerce.statement(SCHEDULER, "tv-shop", CNY, T0,
                clock.instant().plusSeconds(1));
        assertEquals(5_000, MinorUnits.toMinor(statement.gross()));
        assertEquals(250, MinorUnits.toMinor(statement.commission()) + MinorUnits.toMinor(statement.fees()));
        assertEquals(4_750, MinorUnits.toMinor(statement.net()), "the net is what the payable was credited");
        assertEquals(0, MinorUnits.toMinor(statement.sellerFundedDiscounts()), "no goods, no discount given");
        commerce.runDueTimers(SCHEDULER);
        assertInstanceOf(Order.Closed.class, order(tv), "once");
        assertEquals(4_750, balance(Account.sellerPayable("tv-shop")));
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void anUnpaidBalanceUnderTheRefundRuleReturnsTheDepositThroughTheProvider() {
        CheckoutResult.Placed placed = preSaleCheckout(ForfeitRule.REFUND, false);
        OrderId tv = placed.orders().get(0).id();
        commerce.pay(ANN, placed.payment().paymentId(), CARD);
        clock.advance(Duration.ofDays(12));
        commerce.runDueTimers(SCHEDULER);
        Refunded refunded = assertInstanceOf(Refunded.class, commerce.escrow(SCHEDULER, tv).orElseThrow());
        assertEquals(5_000, MinorUnits.toMinor(refunded.funds().refunded()));
        assertInstanceOf(Order.Closed.class, order(tv));
        assertEquals(5_000, balance(Account.refunds()));
        assertEquals(0, balance(Account.sellerPayable("tv-shop")));
        assertEquals(0, reserved("tv"));
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void aB2bOrderPaysItsAdvanceShareNowAndTheBalanceByItsOwnDueDate() {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("steel"), 50);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN,
                CartId.of("ann"), "b2b", HOME, new StagedPayment.Advance(Rate.percent(30), Duration.ofDays(30))));
        // 50 t x 4,321.00 = 216,050.00; 30% now = 64,815.00; 151,235.00 by day 30.
        assertEquals(6_481_500L, MinorUnits.toMinor(placed.payment().total()));
        commerce.pay(ANN, placed.payment().paymentId(), CARD);
        OrderId id = placed.orders().get(0).id();
        AwaitingBalance awaiting = assertInstanceOf(AwaitingBalance.class, commerce.escrow(SCHEDULER, id).orElseThrow());
        assertEquals(15_123_500L, MinorUnits.toMinor(awaiting.balanceDue()));
        assertEquals(T0.plus(Duration.ofDays(30)), awaiting.balanceDueBy());
        clock.advance(Duration.ofDays(29));
        assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, id, CARD));
        assertEquals(21_605_000L, MinorUnits.toMinor(commerce.escrow(SCHEDULER, id).orElseThrow().funds().held()));
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void aPreSaleCheckoutWithNothingOnPreSaleIsRefusedAndChangesNothing() {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 2);
        CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class, commerce.checkout(ANN,
                CartId.of("ann"), "k1", HOME, new StagedPayment.PreSale(OPENS, DUE, ForfeitRule.REFUND)));
        assertEquals(CheckoutResult.Reason.CANNOT_STAGE, refused.reason());
        assertEquals(2, commerce.cart(ANN, CartId.of("ann")).items().get(0).quantity());
        assertEquals(0, reserved("tea"));
        assertTrue(commerce.ordersOfBuyer(ANN, "ann").isEmpty());
    }

    @Test
    void aBalanceDueDateThatHasPassedIsRefusedAtCheckout() {
        clock.advance(Duration.ofDays(13));
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tv"), 1);
        assertEquals(CheckoutResult.Reason.CANNOT_STAGE, assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(ANN, CartId.of("ann"), "k1", HOME,
                        new StagedPayment.PreSale(OPENS, DUE, ForfeitRule.REFUND))).reason());
        assertEquals(0, reserved("tv"));
    }

    @Test
    void aKeptDepositIsNotTheBuyersToTakeBackButTheSellerCanRefundItAndTheOrderCloses() {
        CheckoutResult.Placed placed = preSaleCheckout(ForfeitRule.KEEP_NET_OF_COMMISSION, false);
        OrderId tv = placed.orders().get(0).id();
        commerce.pay(ANN, placed.payment().paymentId(), CARD);

        OrderResult.Refused refused = assertInstanceOf(OrderResult.Refused.class, commerce.refundBeforeShipment(ANN, tv));
        assertEquals(OrderResult.Reason.DEPOSIT_NOT_REFUNDABLE, refused.reason());
        assertInstanceOf(AwaitingBalance.class, commerce.escrow(SCHEDULER, tv).orElseThrow(), "nothing changed");
        assertEquals(5_000, balance(Account.escrowHeld(tv.value())));
        assertEquals(1, reserved("tv"));
        assertThrows(NotPermittedException.class, () -> commerce.refundBeforeShipment(new Actor.Buyer("bob"), tv));
        assertThrows(NotPermittedException.class, () -> commerce.refundBeforeShipment(new Actor.Seller("tea-shop"), tv));

        OrderResult.Done done = assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(TV_SHOP, tv));
        assertInstanceOf(Order.Closed.class, done.order());
        Refunded refunded = assertInstanceOf(Refunded.class, commerce.escrow(SCHEDULER, tv).orElseThrow());
        assertEquals(5_000, MinorUnits.toMinor(refunded.funds().refunded()), "the deposit, not the priced total");
        assertEquals(0, balance(Account.escrowHeld(tv.value())));
        assertEquals(5_000, balance(Account.refunds()));
        assertEquals(0, balance(Account.sellerPayable("tv-shop")));
        assertEquals(0, reserved("tv"), "the television goes back on sale");

        assertInstanceOf(OrderResult.Refused.class, commerce.refundBeforeShipment(TV_SHOP, tv), "once");
        assertEquals(BalanceResult.Reason.NOT_STAGED, assertInstanceOf(BalanceResult.Refused.class,
                commerce.payBalance(ANN, tv, CARD)).reason(), "no balance is due on a closed order");
        clock.advance(Duration.ofDays(12));
        commerce.runDueTimers(SCHEDULER);
        assertEquals(5_000, balance(Account.refunds()), "the due date forfeits nothing more");
        LedgerChecks.assertConsistent(journal());
    }

    @Test
    void underTheRefundRuleTheBuyerMayTakeTheDepositBackBeforeTheBalance() {
        CheckoutResult.Placed placed = preSaleCheckout(ForfeitRule.REFUND, true);
        OrderId tv = orderOf(placed, "tv-shop");
        OrderId tea = orderOf(placed, "tea-shop");
        commerce.pay(ANN, placed.payment().paymentId(), CARD);
        assertInstanceOf(Order.Closed.class, assertInstanceOf(OrderResult.Done.class,
                commerce.refundBeforeShipment(ANN, tv)).order());
        assertEquals(5_000, balance(Account.refunds()));
        assertInstanceOf(Held.class, commerce.escrow(SCHEDULER, tea).orElseThrow(), "the tea order is untouched");
        assertEquals(26_800, balance(Account.escrowHeld(tea.value())));
        LedgerChecks.assertConsistent(journal());
    }

    long reserved(String sku) {
        return inventory.stock(SkuId.of(sku)).stream().mapToLong(StockLevel::reserved).sum();
    }
}
