package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.logistics.Address;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Duration;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.ExpenseKind;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The payment channel's cost booked per captured buyer payment (docs/fees.md, "Payment-channel
 * cost"): one order of Longjing tea at CNY 268.00, paid through the sandbox provider.
 */
class PaymentCostExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.PlatformOperator OPERATOR = new Actor.PlatformOperator("ops-1");
    static final Account CHANNEL_EXPENSE = Account.expense(ExpenseKind.PAYMENT_CHANNEL);

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T08:00:00Z"));

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Commerce commerce(RevenueSchedule schedule, FeeSettings settings) {
        return Commerce.builder().sandboxes().clock(clock)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(new WarehouseId("west-lake"), SkuId.of("tea"), 10, 0))
                .guaranteedTransactions(schedule).fees(settings).build();
    }

    static FeeSettings settings() {
        return FeeSettings.of(Set.of("tea-shop")::contains);
    }

    static String placed(Commerce commerce) {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        return assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "k", Optional.empty())).payment().paymentId();
    }

    static String paid(Commerce commerce) {
        String paymentId = placed(commerce);
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, paymentId, new PaymentSource("tok_visa")));
        return paymentId;
    }

    static MonetaryAmount balance(Commerce commerce, Account account) {
        return commerce.journal().orElseThrow().balance(account, CNY);
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void aSellerBorneChannelFeeIsThePlatformsCostAtCaptureAndRecoveredFromTheSellerAtRelease() {
        // b2c-mall: 0.6% payment fee, borne by the seller. 268.00 x 0.6% = 1.608, half up 1.61.
        Commerce commerce = commerce(ScheduleJson.example("b2c-mall").revenue(), settings());
        String paymentId = paid(commerce);
        Journal ledger = commerce.journal().orElseThrow();
        JournalEntry entry = ledger.entry("fee:payment-cost:" + paymentId).orElseThrow();
        assertEquals(List.of(Posting.credit(CHANNEL_EXPENSE, cny("1.61")), Posting.debit(Account.providerFees(), cny("1.61"))),
                entry.postings());
        assertAmount("-1.61", balance(commerce, CHANNEL_EXPENSE));

        // The command is the same booking: a replay returns it and posts nothing more.
        FeeResult.Booked booked = assertInstanceOf(FeeResult.Booked.class, commerce.fees().bookPaymentCost(OPERATOR, paymentId));
        assertEquals(entry.key(), booked.entryKey());
        assertAmount("1.61", booked.amount());
        assertEquals(booked, commerce.fees().bookPaymentCost(OPERATOR, paymentId));
        assertAmount("1.61", balance(commerce, Account.providerFees()));

        // Released: the seller pays the platform 1.61 of payment fee, which covers the cost.
        OrderId order = commerce.ordersOfBuyer(ANN, "ann").get(0).id();
        assertInstanceOf(OrderResult.Done.class, commerce.ship(TEA_SHOP, order, "SF1", List.of(new Shipment.Item(1, 1))));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order));
        assertAmount("1.61", balance(commerce, Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertAmount("-1.61", balance(commerce, CHANNEL_EXPENSE));
        LedgerChecks.assertConsistent(ledger);
    }

    @Test
    void aPlatformBorneChannelFeeIsAnExpenseTheSellerNeverPays() {
        // hybrid-self-operated: 0.6% on other methods, absorbed by the platform.
        Commerce commerce = commerce(ScheduleJson.example("hybrid-self-operated").revenue(), settings());
        String paymentId = paid(commerce);
        FeeResult.Booked booked = assertInstanceOf(FeeResult.Booked.class, commerce.fees().bookPaymentCost(OPERATOR, paymentId));
        assertAmount("1.61", booked.amount());
        assertTrue(booked.explanation().endsWith("borne by the platform"), booked.explanation());
        OrderId order = commerce.ordersOfBuyer(ANN, "ann").get(0).id();
        commerce.ship(TEA_SHOP, order, "SF1", List.of(new Shipment.Item(1, 1)));
        commerce.confirmReceipt(ANN, order);
        assertAmount("0.00", balance(commerce, Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertAmount("-1.61", balance(commerce, CHANNEL_EXPENSE));
    }

    @Test
    void aConfiguredProviderRateWinsOverTheSchedulesAndARefundReturnsNoneOfIt() {
        // The provider charges 0.38%: 268.00 x 0.38% = 1.0184, half up 1.02.
        Commerce commerce = commerce(ScheduleJson.example("b2c-mall").revenue(),
                settings().withPaymentChannelRate(Rate.percent("0.38")));
        String paymentId = paid(commerce);
        assertAmount("1.02", ((FeeResult.Booked) commerce.fees().bookPaymentCost(OPERATOR, paymentId)).amount());
        OrderId order = commerce.ordersOfBuyer(ANN, "ann").get(0).id();
        commerce.refundBeforeShipment(ANN, order);
        assertAmount("268.00", balance(commerce, Account.refunds()));
        assertAmount("-1.02", balance(commerce, CHANNEL_EXPENSE));
        assertAmount("1.02", balance(commerce, Account.providerFees()));
    }

    @Test
    void refusalsChangeNothing() {
        Commerce commerce = commerce(ScheduleJson.example("b2c-mall").revenue(), settings());
        String unpaid = placed(commerce);
        FeeResult.Refused notCaptured = assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().bookPaymentCost(OPERATOR, unpaid));
        assertEquals(FeeRefusal.PAYMENT_NOT_CAPTURED, notCaptured.reason());
        assertAmount("0.00", balance(commerce, CHANNEL_EXPENSE));
        assertEquals(Optional.empty(), commerce.journal().orElseThrow().entry("fee:payment-cost:" + unpaid));
        // Paid afterwards, the same payment books once.
        commerce.pay(ANN, unpaid, new PaymentSource("tok_visa"));
        assertAmount("-1.61", balance(commerce, CHANNEL_EXPENSE));

        assertThrows(NotPermittedException.class, () -> commerce.fees().bookPaymentCost(ANN, unpaid));
        assertThrows(NotPermittedException.class, () -> commerce.fees().bookPaymentCost(TEA_SHOP, unpaid));
        assertThrows(InvalidInputException.class, () -> commerce.fees().bookPaymentCost(OPERATOR, "no-such-payment"));
        assertAmount("-1.61", balance(commerce, CHANNEL_EXPENSE));
    }

    @Test
    void eachCapturedStageOfAPaymentInStagesBooksItsOwnChannelCost() {
        // A B2B order of 10 x 268.00 = 2,680.00: a 30% advance (804.00) at checkout, the balance
        // (1,876.00) later. 0.6% of each: 4.824 -> 4.82 and 11.256 -> 11.26; 16.08 in all.
        SandboxPaymentProvider provider = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-balance-cost", Set.of(CNY)));
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).paymentProvider(provider)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", Money.of(268, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("west-lake", "hangzhou"))
                        .setStock(new WarehouseId("west-lake"), SkuId.of("tea"), 10, 0))
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(
                        "{\"currency\": \"CNY\", \"promotions\": []}")), buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue()).fees(settings()).build();
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 10);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN,
                CartId.of("ann"), "b2b", Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road")),
                new StagedPayment.Advance(Rate.percent(30), Duration.ofDays(30))));
        String paymentId = placed.payment().paymentId();
        commerce.pay(ANN, paymentId, new PaymentSource("tok_visa"));
        OrderId order = placed.orders().get(0).id();
        assertAmount("4.82", ((FeeResult.Booked) commerce.fees().bookPaymentCost(OPERATOR, paymentId)).amount());
        // Nothing captured of the balance yet: nothing to book for it.
        assertEquals(List.of(), commerce.fees().bookBalanceCosts(OPERATOR, order));

        // A declined balance attempt books nothing; the captured one books once.
        provider.declineNext(dev.mercato.payments.DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        assertInstanceOf(BalanceResult.Refused.class, commerce.payBalance(ANN, order, new PaymentSource("tok_visa")));
        assertAmount("-4.82", balance(commerce, CHANNEL_EXPENSE));
        assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, order, new PaymentSource("tok_visa")));
        assertAmount("-16.08", balance(commerce, CHANNEL_EXPENSE));
        List<FeeResult> balances = commerce.fees().bookBalanceCosts(OPERATOR, order);
        assertEquals(1, balances.size());
        FeeResult.Booked booked = assertInstanceOf(FeeResult.Booked.class, balances.get(0));
        assertAmount("11.26", booked.amount());
        assertTrue(booked.entryKey().startsWith("fee:payment-cost:esc."), booked.entryKey());
        assertEquals(balances, commerce.fees().bookBalanceCosts(OPERATOR, order), "a replay books nothing more");
        assertAmount("16.08", balance(commerce, Account.providerFees()));

        assertThrows(NotPermittedException.class, () -> commerce.fees().bookBalanceCosts(ANN, order));
        assertThrows(InvalidInputException.class, () -> commerce.fees().bookBalanceCosts(OPERATOR, new OrderId("nope")));
        LedgerChecks.assertConsistent(commerce.journal().orElseThrow());
    }

    @Test
    void withoutARateNothingIsBooked() {
        RevenueSchedule mall = ScheduleJson.example("b2c-mall").revenue();
        RevenueSchedule noFees = new RevenueSchedule(mall.name(), mall.commission(),
                FeeSchedule.none("none", CNY, RoundingPolicy.HALF_UP));
        Commerce commerce = commerce(noFees, settings());
        String paymentId = paid(commerce);
        FeeResult.Refused refused = assertInstanceOf(FeeResult.Refused.class,
                commerce.fees().bookPaymentCost(OPERATOR, paymentId));
        assertEquals(FeeRefusal.NO_CHANNEL_RATE, refused.reason());
        assertAmount("0.00", balance(commerce, CHANNEL_EXPENSE));
    }
}
