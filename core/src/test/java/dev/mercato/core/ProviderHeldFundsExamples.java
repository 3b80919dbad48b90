package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.Held;
import dev.mercato.core.escrow.Released;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnsupportedCapabilityException;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The facade's guaranteed transaction with the funds held by the payment provider
 * (docs/funds-models.md): the same commands as with platform-held funds, but the checkout's sale
 * is a held sale, each release a split instruction, a refund after release first a return from
 * the accounts the release paid, and the journal mirrors where the money is.
 */
class ProviderHeldFundsExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller STUDIO = new Actor.Seller("studio");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final WarehouseId EAST = new WarehouseId("east");
    static final FundsAccount PLATFORM = FundsAccount.platform("acct_platform");
    static final FundsAccount TEA_SHOP_ACCOUNT = FundsAccount.seller("sub_tea_shop");
    static final FundsAccount STUDIO_ACCOUNT = FundsAccount.seller("sub_studio");
    static final FundsAccounts ACCOUNTS = FundsAccounts.of(PLATFORM, seller -> switch (seller) {
        case "tea-shop" -> Optional.of(TEA_SHOP_ACCOUNT);
        case "studio" -> Optional.of(STUDIO_ACCOUNT);
        default -> Optional.empty();
    });

    /** A facade with guaranteed transactions on the b2c-mall schedule, the funds held by the sandbox. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final SandboxPaymentProvider sandbox;
        final Commerce commerce;

        World() {
            this(SandboxSettings.of(new TestClock(Instant.EPOCH), "whsec-held", Set.of(CNY)));
        }

        World(SandboxSettings settings) {
            this(settings, true);
        }

        /** The same world with the funds held by the provider, or by the platform (the same orders in both models). */
        World(SandboxSettings settings, boolean heldByProvider) {
            sandbox = SandboxPaymentProvider.create(new SandboxSettings(clock, settings.signingSecret(),
                    settings.capabilities(), settings.notificationTolerance(), settings.settlementDelay(),
                    settings.heldFunds()));
            Commerce.Builder builder = builder(sandbox, clock);
            commerce = (heldByProvider ? builder.fundsHeldByProvider(sandbox, ACCOUNTS) : builder).build();
        }

        static Commerce.Builder builder(SandboxPaymentProvider provider, TestClock clock) {
            return Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                    .catalog(Catalog.inMemory()
                            .put(Sku.of("longjing", "tea-shop", "Longjing tea", cny("268.00"))
                                    .withCategoryPath(List.of("food", "tea")))
                            .put(Sku.of("tea-set", "studio", "Celadon tea set", cny("329.00"))
                                    .withCategoryPath(List.of("home", "porcelain"))))
                    .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                            .setStock(EAST, SkuId.of("longjing"), 10, 0).setStock(EAST, SkuId.of("tea-set"), 10, 0))
                    .paymentProvider(provider)
                    .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                    .sellerTypes(seller -> seller.equals("tea-shop") ? SellerType.BRAND_FLAGSHIP : SellerType.ENTERPRISE)
                    .paymentMethod("alipay");
        }

        CheckoutResult.Placed checkoutAndPay(String... skus) {
            for (String sku : skus) {
                commerce.addToCart(ANN, CART, SkuId.of(sku), 1);
            }
            CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(ANN, CART, "checkout-" + String.join("-", skus), Optional.empty()));
            assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
            return placed;
        }

        TransactionId hold(CheckoutResult.Placed placed) {
            return new TransactionId(commerce.payment(ANN, placed.payment().paymentId()).orElseThrow().lastAttempt()
                    .orElseThrow());
        }

        HeldFunds heldFunds(CheckoutResult.Placed placed) {
            return sandbox.heldFunds(hold(placed)).orElseThrow();
        }

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        MonetaryAmount balance(Account account) {
            return journal().balance(account, CNY);
        }

        MonetaryAmount subAccount(FundsAccount account) {
            return sandbox.subAccountBalance(account, CNY).orElse(cny("0"));
        }

        Escrow escrow(Order order) {
            return commerce.escrow(SCHEDULER, order.id()).orElseThrow();
        }

        Order of(CheckoutResult.Placed placed, String seller) {
            return placed.orders().stream().filter(o -> o.facts().sellerId().equals(seller)).findFirst().orElseThrow();
        }

        void shipAndConfirm(Order order, Actor seller) {
            Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class,
                    commerce.order(SCHEDULER, order.id()).orElseThrow());
            List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                    .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
            assertInstanceOf(OrderResult.Done.class, commerce.ship(seller, order.id(), "SF" + Math.abs(order.id().value()
                    .hashCode()), all));
            assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
        }
    }

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertAmount(expected, actual, "");
    }

    static void assertAmount(String expected, MonetaryAmount actual, String what) {
        assertTrue(cny(expected).isEqualTo(actual), what + ": expected CNY " + expected + ", was " + actual);
    }

    static TransactionId split(Order order, int n) {
        return new TransactionId("fh." + order.id().value() + ".s" + n);
    }

    @Test
    void aProviderWithoutReturnsIsRefusedWhenTheFacadeIsBuilt() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider noReturns = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec", Set.of(CNY))
                .withHeldFunds(new HeldFundsCapabilities(EnumSet.of(HeldFundsCapabilities.Part.HOLD,
                        HeldFundsCapabilities.Part.SPLIT, HeldFundsCapabilities.Part.QUERY), 10)));
        UnsupportedCapabilityException refused = assertThrows(UnsupportedCapabilityException.class,
                () -> World.builder(noReturns, clock).fundsHeldByProvider(noReturns, ACCOUNTS).build());
        assertEquals(EnumSet.of(HeldFundsCapabilities.Part.PARTIAL_SPLIT, HeldFundsCapabilities.Part.UNFREEZE,
                HeldFundsCapabilities.Part.RETURN), refused.missing());
        assertEquals(0, noReturns.scriptedAnswersLeft(), "nothing reached the provider");
    }

    @Test
    void aPlainPaymentProviderIsRefusedAndSoArePayoutsAndAFacadeWithoutEscrows() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec", Set.of(CNY)));
        dev.mercato.payments.PaymentProvider plain = new HeldFundsGate(sandbox, () -> null);
        assertThrows(UnsupportedCapabilityException.class,
                () -> World.builder(sandbox, clock).paymentProvider(plain).fundsHeldByProvider(ACCOUNTS).build());
        InvalidInputException payouts = assertThrows(InvalidInputException.class, () -> World.builder(sandbox, clock)
                .fundsHeldByProvider(sandbox, ACCOUNTS).payouts(sandbox, Duration.ofDays(1), s -> Optional.empty()).build());
        assertTrue(payouts.getMessage().contains("sub-accounts"), payouts.getMessage());
        assertThrows(InvalidInputException.class, () -> Commerce.builder().sandboxes().fundsHeldByProvider(sandbox, ACCOUNTS)
                .build());
    }

    @Test
    void payingPutsTheWholePaymentOnHoldAtTheProviderAndTheLedgerMirrorsItPerOrder() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing", "tea-set");
        HeldFunds held = w.heldFunds(placed);
        assertAmount("597.00", held.held());
        assertAmount("597.00", held.stillHeld());
        assertFalse(held.released());
        Held tea = assertInstanceOf(Held.class, w.escrow(w.of(placed, "tea-shop")));
        assertAmount("268.00", w.balance(Account.escrowHeld(tea.id())));
        assertAmount("-597.00", w.balance(Account.buyerFundsIn("ann")));
        assertAmount("0.00", w.subAccount(TEA_SHOP_ACCOUNT));
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void confirmingReceiptSplitsTheOrdersShareToTheSellerAndThePlatformAndNothingIsPayable() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing", "tea-set");
        Order teaOrder = w.of(placed, "tea-shop");
        w.shipAndConfirm(teaOrder, TEA_SHOP);

        Released tea = assertInstanceOf(Released.class, w.escrow(teaOrder));
        // b2c-mall on CNY 268.00 of food through alipay: commission 0.5% = 1.34, payment fee 0.6% = 1.61.
        assertAmount("1.34", tea.funds().commission());
        assertAmount("1.61", tea.funds().paymentFee());
        MonetaryAmount platformPart = tea.funds().commission().add(tea.funds().fees()).add(tea.funds().tax());
        assertAmount("265.05", tea.funds().sellerNet().add(tea.funds().serviceFee()));
        assertTrue(w.sandbox.status(split(teaOrder, 1)).orElseThrow() instanceof PaymentOutcome.Succeeded);
        assertTrue(tea.funds().sellerNet().isEqualTo(w.subAccount(TEA_SHOP_ACCOUNT)), "the seller's net on its sub-account");
        assertTrue(platformPart.isEqualTo(w.subAccount(PLATFORM)), "commission and fees on the platform's account");
        HeldFunds held = w.heldFunds(placed);
        assertAmount("268.00", held.splitOut());
        assertAmount("329.00", held.stillHeld());
        assertFalse(held.released(), "the studio's order still holds its share");
        // The ledger: nothing payable to the seller, its net on its sub-account, the revenue what the split sent.
        assertAmount("0.00", w.balance(Account.sellerPayable("tea-shop")));
        assertTrue(tea.funds().sellerNet().isEqualTo(w.balance(Account.providerSubAccount("seller", "sub_tea_shop"))));
        assertAmount("1.34", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("1.61", w.balance(Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertAmount("0.00", w.balance(Account.providerInTransit(split(teaOrder, 1).value())));
        assertAmount("0.00", w.balance(Account.escrowHeld(tea.id())));
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void onceEveryOrderOfThePaymentIsSettledTheHoldIsUnfrozenWithNothingLeft() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing", "tea-set");
        w.shipAndConfirm(w.of(placed, "tea-shop"), TEA_SHOP);
        assertInstanceOf(OrderResult.Done.class, w.commerce.refundBeforeShipment(STUDIO, w.of(placed, "studio").id()));

        HeldFunds held = w.heldFunds(placed);
        assertAmount("268.00", held.splitOut());
        assertAmount("329.00", held.refunded());
        assertAmount("0.00", held.unfrozen());
        assertAmount("0.00", held.stillHeld());
        assertTrue(held.released(), "the hold is closed");
        assertTrue(w.sandbox.status(new TransactionId("fh." + placed.payment().paymentId() + ".u1")).orElseThrow()
                instanceof PaymentOutcome.Succeeded);
        assertAmount("329.00", w.balance(Account.refunds()));
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void aLineRefundBeforeReleaseComesFromTheHoldAndTheReleaseSplitsOnlyTheRest() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("tea-set");
        Order set = w.of(placed, "studio");
        assertInstanceOf(OrderResult.Done.class, w.commerce.openDispute(ANN, set.id()));
        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class,
                w.commerce.order(SCHEDULER, set.id()).orElseThrow());
        assertInstanceOf(OrderResult.Done.class, w.commerce.endDispute(ANN, set.id()));
        assertInstanceOf(OrderResult.Done.class, w.commerce.ship(STUDIO, set.id(), "SF1",
                List.of(new Shipment.Item(1, allocated.facts().snapshot().lines().get(0).quantity()))));
        assertInstanceOf(OrderResult.Done.class, w.commerce.openDispute(ANN, set.id()));
        // The operator gives CNY 100.00 back and releases the rest: a refund from the hold, and one split.
        assertInstanceOf(OrderResult.Done.class, w.commerce.resolveDispute(OPERATOR, set.id(), cny("100.00")));

        Released released = assertInstanceOf(Released.class, w.escrow(set));
        HeldFunds held = w.heldFunds(placed);
        assertAmount("100.00", held.refunded());
        assertAmount("229.00", held.splitOut());
        assertTrue(held.released(), "its only order settled: the hold is closed, nothing unfrozen");
        assertAmount("0.00", held.unfrozen());
        assertTrue(released.funds().sellerNet().isEqualTo(w.subAccount(STUDIO_ACCOUNT)));
        assertAmount("100.00", w.balance(Account.refunds()));
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void aRefundAfterReleaseTakesTheMoneyBackFromTheSellerAndThePlatformFirst() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing");
        Order tea = w.of(placed, "tea-shop");
        w.shipAndConfirm(tea, TEA_SHOP);
        MonetaryAmount netBefore = w.subAccount(TEA_SHOP_ACCOUNT);

        assertInstanceOf(OrderResult.Done.class, w.commerce.requestAfterSale(ANN, tea.id(), "c1",
                AfterSaleCase.Kind.REFUND_ONLY, List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw")));
        assertInstanceOf(OrderResult.Done.class, w.commerce.approveAfterSale(OPERATOR, tea.id(), "c1"));
        assertInstanceOf(OrderResult.Done.class, w.commerce.refundAfterSale(OPERATOR, tea.id(), "c1"));

        Escrow escrow = w.escrow(tea);
        assertAmount("268.00", escrow.funds().refunded());
        HeldFunds held = w.heldFunds(placed);
        assertAmount("268.00", held.returned());
        assertAmount("268.00", held.refunded());
        assertAmount("0.00", w.subAccount(TEA_SHOP_ACCOUNT));
        assertAmount("0.00", w.subAccount(PLATFORM));
        assertTrue(netBefore.isPositive());
        assertTrue(w.sandbox.status(new TransactionId("fh." + tea.id().value() + ".r2")).orElseThrow()
                instanceof PaymentOutcome.Succeeded, "the seller's return");
        // The ledger: the seller owes nothing, its sub-account and the revenue are back to zero, Ann was refunded.
        assertAmount("0.00", w.balance(Account.sellerPayable("tea-shop")));
        assertAmount("0.00", w.balance(Account.providerSubAccount("seller", "sub_tea_shop")));
        assertAmount("0.00", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertAmount("268.00", w.balance(Account.refunds()));
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void aReturnTheSellersBalanceCannotCoverKeepsTheRefundWaitingUntilItCan() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing");
        Order tea = w.of(placed, "tea-shop");
        w.shipAndConfirm(tea, TEA_SHOP);
        MonetaryAmount net = w.subAccount(TEA_SHOP_ACCOUNT);
        w.sandbox.withdrawFromSubAccount(TEA_SHOP_ACCOUNT, net);

        w.commerce.requestAfterSale(ANN, tea.id(), "c1", AfterSaleCase.Kind.REFUND_ONLY,
                List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw"));
        w.commerce.approveAfterSale(OPERATOR, tea.id(), "c1");
        w.commerce.refundAfterSale(OPERATOR, tea.id(), "c1");
        PaymentOutcome declined = w.sandbox.status(new TransactionId("fh." + tea.id().value() + ".r2")).orElseThrow();
        assertEquals(DeclineReason.INSUFFICIENT_FUNDS, assertInstanceOf(PaymentOutcome.Declined.class, declined).reason());
        assertAmount("0.00", w.heldFunds(placed).refunded());
        assertTrue(net.negate().isEqualTo(w.balance(Account.sellerPayable("tea-shop"))), "the seller owes the platform");
        LedgerChecks.assertConsistent(w.journal());

        // The seller tops its sub-account up (here: the money comes back); the next attempt goes through.
        w.clock.advance(ProviderFunds.RETRY_DECLINED.plusMinutes(1));
        creditBack(w, net);
        w.commerce.runDueTimers(SCHEDULER);
        w.clock.advance(Duration.ofHours(2));
        w.commerce.runDueTimers(SCHEDULER);
        assertAmount("268.00", w.heldFunds(placed).refunded());
        assertAmount("0.00", w.balance(Account.sellerPayable("tea-shop")));
        assertAmount("268.00", w.balance(Account.refunds()));
        LedgerChecks.assertConsistent(w.journal());
    }

    /** Puts money back on the tea shop's sub-account, as a seller's top-up would: another held sale split to it. */
    private static void creditBack(World w, MonetaryAmount amount) {
        TransactionId hold = new TransactionId("topup-hold");
        w.sandbox.holdSale(new dev.mercato.payments.HoldRequest(hold, amount, new PaymentSource("tok_topup"), "top-up",
                PLATFORM));
        w.sandbox.split(new dev.mercato.payments.SplitRequest(new TransactionId("topup-split"), hold,
                List.of(new dev.mercato.payments.SplitPart(TEA_SHOP_ACCOUNT, amount, "top-up"))));
    }

    @Test
    void aSplitThatTimesOutIsSentAgainUnderTheSameIdAndReconciled() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing");
        Order tea = w.of(placed, "tea-shop");
        w.sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        w.shipAndConfirm(tea, TEA_SHOP);
        assertInstanceOf(Released.class, w.escrow(tea));
        assertTrue(w.sandbox.status(split(tea, 1)).isEmpty(), "nothing moved yet");
        assertAmount("268.00", w.heldFunds(placed).stillHeld());
        assertAmount("268.00", w.balance(Account.providerInTransit(split(tea, 1).value())), "in transit while unknown");
        assertAmount("0.00", w.balance(Account.revenue(RevenueStream.COMMISSION)), "no revenue before the split succeeded");

        w.clock.advance(Duration.ofMinutes(5));
        w.commerce.runDueTimers(SCHEDULER);
        assertTrue(w.sandbox.status(split(tea, 1)).orElseThrow() instanceof PaymentOutcome.Succeeded);
        assertTrue(w.sandbox.status(split(tea, 2)).isEmpty(), "no second split");
        assertAmount("268.00", w.heldFunds(placed).splitOut());
        assertAmount("0.00", w.balance(Account.providerInTransit(split(tea, 1).value())));
        assertAmount("1.34", w.balance(Account.revenue(RevenueStream.COMMISSION)));
        assertTrue(w.heldFunds(placed).released());
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void aSplitToAFrozenSubAccountLeavesTheFundsHeldAndIsTriedAgainLater() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing");
        Order tea = w.of(placed, "tea-shop");
        w.sandbox.freezeSubAccount(TEA_SHOP_ACCOUNT);
        w.shipAndConfirm(tea, TEA_SHOP);
        assertEquals(DeclineReason.ACCOUNT_UNAVAILABLE, assertInstanceOf(PaymentOutcome.Declined.class,
                w.sandbox.status(split(tea, 1)).orElseThrow()).reason());
        assertAmount("268.00", w.heldFunds(placed).stillHeld());
        assertFalse(w.heldFunds(placed).released(), "not unfrozen: the seller's money is still held");
        Released released = assertInstanceOf(Released.class, w.escrow(tea));
        assertTrue(released.funds().sellerNet().isEqualTo(w.balance(Account.sellerPayable("tea-shop"))),
                "released, not split yet");

        w.sandbox.thawSubAccount(TEA_SHOP_ACCOUNT);
        w.commerce.runDueTimers(SCHEDULER);
        assertTrue(w.sandbox.status(split(tea, 2)).isEmpty(), "not before the retry delay");
        w.clock.advance(ProviderFunds.RETRY_DECLINED);
        w.commerce.runDueTimers(SCHEDULER);
        assertTrue(w.sandbox.status(split(tea, 2)).orElseThrow() instanceof PaymentOutcome.Succeeded);
        assertAmount("268.00", w.heldFunds(placed).splitOut());
        assertAmount("0.00", w.balance(Account.sellerPayable("tea-shop")));
        assertTrue(w.heldFunds(placed).released());
        LedgerChecks.assertConsistent(w.journal());
    }

    @Test
    void theHoldsAreNotUsedWithPlatformHeldFunds() {
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec", Set.of(CNY)));
        Commerce commerce = World.builder(sandbox, clock).build();
        commerce.addToCart(ANN, CART, SkuId.of("longjing"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k", Optional.empty()));
        commerce.pay(ANN, placed.payment().paymentId(), CARD);
        TransactionId sale = new TransactionId(commerce.payment(ANN, placed.payment().paymentId()).orElseThrow()
                .lastAttempt().orElseThrow());
        assertTrue(sandbox.heldFunds(sale).isEmpty(), "a plain sale, not a held one");
        assertEquals(0, MinorUnits.toMinor(commerce.journal().orElseThrow().balance(Account.sellerPayable("tea-shop"), CNY)));
    }

    @Test
    void aPayoutTheProviderMadeFromTheSubAccountIsRecordedOnceAndShowsTheSellerPaid() {
        World w = new World();
        CheckoutResult.Placed placed = w.checkoutAndPay("longjing");
        Order teaOrder = w.of(placed, "tea-shop");
        w.shipAndConfirm(teaOrder, TEA_SHOP);
        MonetaryAmount net = w.escrow(teaOrder).funds().sellerNet();
        assertTrue(net.isEqualTo(w.subAccount(TEA_SHOP_ACCOUNT)));
        dev.mercato.core.settlement.Payee payee = new dev.mercato.core.settlement.Payee.Seller("tea-shop");
        Payouts payouts = w.commerce.payouts();

        // The platform pays no one in this model: its own payouts are refused, changing nothing.
        assertThrows(InvalidInputException.class, () -> payouts.payOut(OPERATOR, payee, CNY));
        assertThrows(NotPermittedException.class, () -> payouts.recordProviderPayout(TEA_SHOP, payee, cny("1.00"), "wd-1"));
        // More than the sub-account holds: refused with a reason, nothing recorded.
        Payouts.ProviderPayout tooMuch = payouts.recordProviderPayout(OPERATOR, payee, net.add(cny("0.01")), "wd-1");
        assertEquals(Payouts.ProviderPayout.Reason.EXCEEDS_SUB_ACCOUNT,
                assertInstanceOf(Payouts.ProviderPayout.Refused.class, tooMuch).reason());
        assertEquals(Payouts.ProviderPayout.Reason.NO_SUB_ACCOUNT, assertInstanceOf(Payouts.ProviderPayout.Refused.class,
                payouts.recordProviderPayout(OPERATOR, new dev.mercato.core.settlement.Payee.Seller("nobody"), cny("1.00"),
                        "wd-1")).reason());
        assertEquals(List.of(), payouts.payouts(OPERATOR, payee));

        // The provider settles CNY 200.00 to the seller's bank and reports it.
        w.sandbox.withdrawFromSubAccount(TEA_SHOP_ACCOUNT, cny("200.00"));
        Payouts.ProviderPayout recorded = payouts.recordProviderPayout(OPERATOR, payee, cny("200.00"), "wd-1");
        dev.mercato.core.settlement.Payout payout = assertInstanceOf(Payouts.ProviderPayout.Recorded.class, recorded).payout();
        assertAmount("200.00", payout.amount());
        assertEquals(recorded, payouts.recordProviderPayout(OPERATOR, payee, cny("200.00"), "wd-1"), "a replay records nothing new");
        assertEquals(Payouts.ProviderPayout.Reason.REFERENCE_REUSED, assertInstanceOf(Payouts.ProviderPayout.Refused.class,
                payouts.recordProviderPayout(OPERATOR, payee, cny("201.00"), "wd-1")).reason());
        assertEquals(List.of(payout), payouts.payouts(TEA_SHOP, payee), "the seller reads its payout");

        // The ledger's mirror of the sub-account is the provider's balance again; the money is paid out.
        assertTrue(w.subAccount(TEA_SHOP_ACCOUNT).isEqualTo(w.balance(Account.providerSubAccount("seller", "sub_tea_shop"))));
        assertAmount("200.00", w.balance(Account.payouts()));
        assertAmount("0.00", w.balance(Account.sellerPayable("tea-shop")));
        dev.mercato.core.settlement.SettlementStatement statement = w.commerce.statement(TEA_SHOP, "tea-shop", CNY,
                Instant.EPOCH, w.clock.instant().plusSeconds(1));
        assertAmount("200.00", statement.payouts(), "the statement shows the seller paid");
        LedgerChecks.assertConsistent(w.journal());
    }
}
