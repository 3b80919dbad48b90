package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.LateDeliveryRule;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.logistics.sandbox.SandboxFault;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.fee.AnnualFee;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * What a seller owes the platform outside its escrows, with provider-held funds
 * (docs/funds-models.md, "Seller debts in the splits"): an annual fee, a seller-borne carrier
 * charge, a seller-funded late-delivery coupon, charged from the payable, are collected by the
 * next release split (the seller's net less the debt to its sub-account, the debt to the
 * platform's account), once; an advertising top-up from the payable needs the seller's credit; a
 * late-delivery refund comes from the hold. Longjing tea at CNY 268.00 under {@code b2c-mall}
 * through alipay: commission 0.5% = 1.34, payment fee 0.6% = 1.61, the seller's net 265.05.
 */
class ProviderHeldSellerDebtExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops");
    static final WarehouseId WEST_LAKE = new WarehouseId("west-lake");
    static final Address SHOP = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Hefang Street");
    static final Address BUYER = new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road");
    static final FundsAccount PLATFORM = FundsAccount.platform("acct_platform");
    static final FundsAccount TEA_SHOP_ACCOUNT = FundsAccount.seller("sub_tea_shop");
    static final FundsAccounts ACCOUNTS = FundsAccounts.of(PLATFORM,
            seller -> seller.equals("tea-shop") ? Optional.of(TEA_SHOP_ACCOUNT) : Optional.empty());
    static final Instant NINE = Instant.parse("2026-06-01T01:00:00Z");

    final TestClock clock = new TestClock(NINE);
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("carrier-secret-debts")
            .withOnDemand(Duration.ofMinutes(30), 1500, 300), clock);
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-debts",
            Set.of(CNY)));
    final Storage storage = InMemoryStorage.create();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    /** The tea shop on provider-held funds; carrier charges borne by the seller (the default). */
    Commerce commerce(Optional<LateDeliveryRule> late) {
        Commerce.Builder b = Commerce.builder().sandboxes().clock(clock).storage(storage)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))
                        .withCategoryPath(List.of("food", "tea"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(WEST_LAKE, SkuId.of("tea"), 10, 0))
                .carrier(carrier).warehouseAddress(WEST_LAKE, SHOP)
                .paymentProvider(sandbox)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .paymentMethod("alipay")
                .fees(FeeSettings.of(Set.of("tea-shop")::contains))
                .fundsHeldByProvider(sandbox, ACCOUNTS);
        return late.map(b::lateDelivery).orElse(b).build();
    }

    OrderId paidOrder(Commerce commerce, String key) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), key, Destination.of(BUYER)));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        return placed.orders().get(0).id();
    }

    /** Handed to the courier (its 15.00 charge booked) and delivered 41 minutes after payment. */
    void shipAndDeliver(Commerce commerce, OrderId id) {
        carrier.script(ParcelBooking.requestId(id, "courier", "w-west-lake"), SandboxFault.delay(Duration.ofMinutes(12)));
        assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(TEA_SHOP, id, CarrierDispatch.everything("courier", ServiceLevel.ON_DEMAND)));
        clock.advance(Duration.ofMinutes(41));
        List<TrackingNotification> notifications = carrier.drainNotifications();
        notifications.forEach(n -> commerce.onTrackingNotification(SCHEDULER, n));
    }

    static MonetaryAmount balance(Commerce commerce, Account account) {
        return commerce.journal().orElseThrow().balance(account, CNY);
    }

    long owes(String seller) {
        return storage.inTransaction(uow -> ProviderFunds.sellerBalance(uow, seller, CNY));
    }

    MonetaryAmount sub(FundsAccount account) {
        return sandbox.subAccountBalance(account, CNY).orElse(cny("0"));
    }

    static void assertAmount(String expected, MonetaryAmount actual, String what) {
        assertTrue(cny(expected).isEqualTo(actual), () -> what + ": expected CNY " + expected + " but was " + actual);
    }

    /** The parts of a recorded instruction, stream to minor units. */
    Map<String, Long> parts(String paymentId, String instruction) {
        ProviderFunds.HeldPayment held = storage.inTransaction(uow -> uow.repository(ProviderFunds.TYPE).find(paymentId))
                .map(Versioned::value).orElseThrow();
        return held.instruction(instruction).orElseThrow().parts().stream()
                .collect(Collectors.toMap(ProviderFunds.Part::stream, ProviderFunds.Part::minor, Long::sum));
    }

    String paymentOf(Commerce commerce, OrderId id) {
        return commerce.order(SCHEDULER, id).orElseThrow().facts().paymentId();
    }

    /** The ledger mirrors the provider: sub-accounts as the sandbox's, nothing in transit or on the platform's mirror. */
    void assertMirror(Commerce commerce) {
        assertTrue(sub(TEA_SHOP_ACCOUNT).isEqualTo(balance(commerce, Account.providerSubAccount("seller", "sub_tea_shop"))),
                "the ledger mirrors the seller's sub-account");
        assertAmount("0.00", balance(commerce, Account.providerSubAccount("platform", "acct_platform")),
                "a collection only passes through transit");
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void anAnnualFeeChargedFromAnEmptyPayableIsCollectedFromTheNextSplitOnceAndARefundAfterReleaseGivesItBack() {
        Commerce commerce = commerce(Optional.empty());
        commerce.fees().enrolAnnualFee(OPERATOR, "tea-shop", new AnnualFee(cny("100.00"), List.of()), NINE);
        commerce.runDueTimers(SCHEDULER);
        assertAmount("-100.00", balance(commerce, Account.sellerPayable("tea-shop")), "the fee leaves the payable owing");
        assertEquals(-10000, owes("tea-shop"));

        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        // The carrier's 15.00 is the seller's too: 115.00 owed before the release.
        assertEquals(-11500, owes("tea-shop"));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));

        // The split: 265.05 - 115.00 = 150.05 to the seller, 1.34 + 1.61 + 115.00 = 117.95 to the platform.
        String payment = paymentOf(commerce, id);
        assertEquals(Map.of("seller", 15005L, "seller-debts", 11500L, "commission", 134L, "payment-fee", 161L),
                parts(payment, "fh." + id.value() + ".s1"));
        assertAmount("150.05", sub(TEA_SHOP_ACCOUNT), "the seller's net less its debts");
        assertAmount("117.95", sub(PLATFORM), "the platform's streams and the seller's debts");
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")), "nothing owed either way");
        assertEquals(0, owes("tea-shop"));
        assertAmount("100.00", balance(commerce, Account.revenue(RevenueStream.ANNUAL_FEE)), "the fee's revenue");
        assertAmount("15.00", balance(commerce, Account.carrierPayable("sandbox")), "owed to the carrier, collected");
        HeldFunds held = sandbox.heldFunds(new TransactionId(commerce.payment(ANN, payment).orElseThrow().lastAttempt()
                .orElseThrow())).orElseThrow();
        assertAmount("268.00", held.splitOut(), "the split is the whole payment");
        // Running the timers again collects nothing twice and sends nothing new.
        commerce.runDueTimers(SCHEDULER);
        commerce.runDueTimers(SCHEDULER);
        assertAmount("150.05", sub(TEA_SHOP_ACCOUNT), "replays change nothing");
        assertAmount("117.95", sub(PLATFORM), "replays change nothing");
        assertTrue(sandbox.status(new TransactionId("fh." + id.value() + ".s2")).isEmpty(), "no second split");
        assertMirror(commerce);

        // The whole order refunded after release: the seller gives back only what it got, the
        // platform the streams and the collected debts, which the seller owes again.
        assertInstanceOf(OrderResult.Done.class, commerce.requestAfterSale(ANN, id, "c1", AfterSaleCase.Kind.REFUND_ONLY,
                List.of(AfterSaleCase.Item.units(1, 1)), Optional.of("flaw")));
        assertInstanceOf(OrderResult.Done.class, commerce.approveAfterSale(OPERATOR, id, "c1"));
        assertInstanceOf(OrderResult.Done.class, commerce.refundAfterSale(OPERATOR, id, "c1"));
        commerce.runDueTimers(SCHEDULER);
        held = sandbox.heldFunds(held.payment()).orElseThrow();
        assertAmount("268.00", held.returned(), "everything the split sent came back");
        assertAmount("268.00", held.refunded(), "and went to Ann");
        assertAmount("0.00", sub(TEA_SHOP_ACCOUNT), "150.05 back from the seller");
        assertAmount("0.00", sub(PLATFORM), "117.95 back from the platform");
        assertAmount("-115.00", balance(commerce, Account.sellerPayable("tea-shop")), "the debts are owed again");
        assertEquals(-11500, owes("tea-shop"));
        assertMirror(commerce);
    }

    @Test
    void aSplitDeclinedForAFrozenSubAccountCollectsNothingAndItsRetryCollectsOnce() {
        Commerce commerce = commerce(Optional.empty());
        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        assertAmount("-15.00", balance(commerce, Account.sellerPayable("tea-shop")), "the seller-borne carrier charge");
        sandbox.freezeSubAccount(TEA_SHOP_ACCOUNT);
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        assertInstanceOf(PaymentOutcome.Declined.class, sandbox.status(new TransactionId("fh." + id.value() + ".s1"))
                .orElseThrow());
        assertEquals(-1500, owes("tea-shop"), "the declined split collected nothing");
        assertAmount("0.00", sub(PLATFORM), "nothing reached the platform");

        sandbox.thawSubAccount(TEA_SHOP_ACCOUNT);
        clock.advance(ProviderFunds.RETRY_DECLINED);
        commerce.runDueTimers(SCHEDULER);
        String payment = paymentOf(commerce, id);
        assertEquals(Map.of("seller", 25005L, "seller-debts", 1500L, "commission", 134L, "payment-fee", 161L),
                parts(payment, "fh." + id.value() + ".s2"));
        assertAmount("250.05", sub(TEA_SHOP_ACCOUNT), "265.05 less the 15.00 charge");
        assertAmount("17.95", sub(PLATFORM), "1.34 + 1.61 + 15.00");
        assertEquals(0, owes("tea-shop"));
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")), "the charge is paid");
        assertMirror(commerce);
    }

    @Test
    void aSellerFundedLateCouponIsCollectedFromTheSplit() {
        Commerce commerce = commerce(Optional.of(LateDeliveryRule.fixed(LateDeliveryRule.Deadline.withinOfPayment(
                Duration.ofMinutes(30)), Duration.ZERO, cny("5.00"), LateDeliveryRule.Funder.SELLER)
                .asCoupon(Duration.ofDays(30))));
        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        assertAmount("5.00", balance(commerce, Account.buyerCredit("ann")), "Ann's coupon");
        assertEquals(-2000, owes("tea-shop"), "the coupon 5.00 and the carrier's 15.00");
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        // 265.05 - 20.00 = 245.05 to the seller; 1.34 + 1.61 + 20.00 = 22.95 to the platform, which
        // owes Ann her 5.00 credit and the carrier its 15.00.
        assertAmount("245.05", sub(TEA_SHOP_ACCOUNT), "the seller's net less the coupon and the charge");
        assertAmount("22.95", sub(PLATFORM), "the platform's streams, the coupon and the charge");
        assertEquals(0, owes("tea-shop"));
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")), "nothing owed");
        assertMirror(commerce);
    }

    @Test
    void aSellerFundedLateRefundComesFromTheHoldAndTheSplitSendsTheRest() {
        Commerce commerce = commerce(Optional.of(LateDeliveryRule.fixed(LateDeliveryRule.Deadline.withinOfPayment(
                Duration.ofMinutes(30)), Duration.ZERO, cny("5.00"), LateDeliveryRule.Funder.SELLER)));
        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        String payment = paymentOf(commerce, id);
        TransactionId hold = new TransactionId(commerce.payment(ANN, payment).orElseThrow().lastAttempt().orElseThrow());
        assertAmount("5.00", sandbox.heldFunds(hold).orElseThrow().refunded(), "Ann's 5.00 back from the hold");
        assertEquals(-1500, owes("tea-shop"), "only the carrier's charge: the refund is the escrow's");
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        HeldFunds held = sandbox.heldFunds(hold).orElseThrow();
        assertAmount("263.00", held.splitOut(), "captured 268.00 less the 5.00 refund");
        assertAmount("0.00", held.stillHeld(), "nothing left held");
        MonetaryAmount net = commerce.escrow(SCHEDULER, id).orElseThrow().funds().sellerNet();
        assertTrue(net.subtract(cny("15.00")).isEqualTo(sub(TEA_SHOP_ACCOUNT)), "the net of 263.00 less the charge");
        assertEquals(0, owes("tea-shop"));
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")), "nothing owed");
        assertMirror(commerce);
    }

    @Test
    void aCarrierFundedLateRefundIsTheSellersCreditToo() {
        Commerce commerce = commerce(Optional.of(LateDeliveryRule.fixed(LateDeliveryRule.Deadline.withinOfPayment(
                Duration.ofMinutes(30)), Duration.ZERO, cny("20.00"), LateDeliveryRule.Funder.CARRIER)));
        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        assertAmount("-20.00", balance(commerce, Account.carrierClaims("sandbox")), "the carrier owes the platform 20.00");
        assertEquals(500, owes("tea-shop"), "20.00 paid back to the seller less the carrier's 15.00");
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        String payment = paymentOf(commerce, id);
        TransactionId hold = new TransactionId(commerce.payment(ANN, payment).orElseThrow().lastAttempt().orElseThrow());
        HeldFunds held = sandbox.heldFunds(hold).orElseThrow();
        assertAmount("20.00", held.refunded(), "Ann's 20.00 from the hold");
        assertAmount("248.00", held.splitOut(), "the rest split");
        MonetaryAmount net = commerce.escrow(SCHEDULER, id).orElseThrow().funds().sellerNet();
        assertTrue(net.isEqualTo(sub(TEA_SHOP_ACCOUNT)), "nothing collected from a seller that is owed");
        assertAmount("5.00", balance(commerce, Account.sellerPayable("tea-shop")), "the credit, the host's to pay");
        assertMirror(commerce);
    }

    @Test
    void aPlatformFundedLateRefundIsTheSellersCreditWhichAnAdTopUpMaySpendAndNothingMore() {
        Commerce commerce = commerce(Optional.of(LateDeliveryRule.fixed(LateDeliveryRule.Deadline.withinOfPayment(
                Duration.ofMinutes(30)), Duration.ZERO, cny("20.00"), LateDeliveryRule.Funder.PLATFORM)));
        commerce.fees().setAdDailyBudget(OPERATOR, "tea-shop", cny("50.00"));
        OrderId id = paidOrder(commerce, "k1");
        shipAndDeliver(commerce, id);
        // The refund of 20.00 came from the hold; the platform pays the seller 20.00 back, less the 15.00 charge.
        assertEquals(500, owes("tea-shop"), "20.00 of funding less the carrier's 15.00: the seller's credit");
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, id));
        MonetaryAmount net = commerce.escrow(SCHEDULER, id).orElseThrow().funds().sellerNet();
        assertTrue(net.isEqualTo(sub(TEA_SHOP_ACCOUNT)), "nothing collected: the seller is owed, not owing");
        assertAmount("5.00", balance(commerce, Account.sellerPayable("tea-shop")), "the credit, the host's to pay");

        // An ad top-up from the payable may spend the credit, not the net on the sub-account.
        FeeResult.Refused refused = assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("5.01"), "t1"));
        assertEquals(FeeRefusal.EXCEEDS_CREDIT_WITH_PROVIDER_HELD_FUNDS, refused.reason());
        assertAmount("0.00", balance(commerce, Account.adBalance("tea-shop")), "the refusal changed nothing");
        assertEquals(500, owes("tea-shop"));
        assertInstanceOf(FeeResult.Booked.class, commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("5.00"), "t2"));
        assertAmount("5.00", balance(commerce, Account.adBalance("tea-shop")), "the credit is now ad balance");
        assertAmount("0.00", balance(commerce, Account.sellerPayable("tea-shop")), "nothing owed either way");
        assertEquals(0, owes("tea-shop"));
        assertEquals(FeeRefusal.EXCEEDS_CREDIT_WITH_PROVIDER_HELD_FUNDS, assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().topUpAds(OPERATOR, "tea-shop", cny("0.01"), "t3")).reason());
        assertTrue(net.isEqualTo(sub(TEA_SHOP_ACCOUNT)), "the sub-account is untouched");
        assertMirror(commerce);
        Journal journal = commerce.journal().orElseThrow();
        LedgerChecks.assertConsistent(journal);
    }
}
