package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.ExpenseKind;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.logistics.Address;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.javamoney.moneta.Money;

/**
 * The payment channel's cost of an order paid in stages (docs/fees.md, "Payment-channel cost"),
 * for any price, quantity, advance share, provider rate and declined balance attempts: the
 * platform's channel expense is the rate on each captured payment, rounded once per payment, and
 * equals what is owed to the provider; booking again changes nothing; nothing is booked for a
 * declined attempt; the ledger balances.
 */
class BalanceChannelCostProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System SYSTEM = new Actor.System("fees");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final Instant T0 = Instant.parse("2026-10-20T02:00:00Z");
    static final Destination HOME = Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road"));

    @Property(tries = 100)
    void eachCapturedStageCostsTheRateOnWhatItCapturedRoundedOnce(
            @ForAll @LongRange(min = 100, max = 5_000_000) long priceMinor,
            @ForAll @IntRange(min = 2, max = 50) int units,
            @ForAll @IntRange(min = 1, max = 99) int advancePercent,
            @ForAll @IntRange(min = 1, max = 300) int rateBasisPoints,
            @ForAll @IntRange(min = 0, max = 2) int declinedBalances,
            @ForAll boolean halfEven) {
        TestClock clock = new TestClock(T0);
        SandboxPaymentProvider payments = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "whsec-balance-cost-property", Set.of(CNY)));
        Rate rate = Rate.basisPoints(rateBasisPoints);
        RoundingPolicy rounding = halfEven ? RoundingPolicy.HALF_EVEN : RoundingPolicy.HALF_UP;
        FeeSettings settings = new FeeSettings(Set.of("mill")::contains, java.time.ZoneId.of("UTC"), rounding)
                .withPaymentChannelRate(rate);
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                .catalog(Catalog.inMemory().put(Sku.of("steel", "mill", "Steel coil",
                        Money.of(BigDecimal.valueOf(priceMinor, 2), "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("steel"), 100, 0))
                .paymentProvider(payments)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(
                        "{\"currency\": \"CNY\", \"promotions\": []}")), buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .fees(settings).build();
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("steel"), units);
        CheckoutResult result = commerce.checkout(ANN, CartId.of("ann"), "k", HOME,
                new StagedPayment.Advance(Rate.percent(advancePercent), Duration.ofDays(30)));
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, result);
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        OrderId id = placed.orders().get(0).id();
        long first = MinorUnits.toMinor(placed.payment().total());
        long expected = rate.applyToMinor(first, rounding);

        Escrow escrow = commerce.escrow(SYSTEM, id).orElseThrow();
        if (escrow instanceof AwaitingBalance awaiting) {
            long balance = MinorUnits.toMinor(awaiting.balanceDue());
            for (int i = 0; i < declinedBalances; i++) {
                payments.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
                assertInstanceOf(BalanceResult.Refused.class, commerce.payBalance(ANN, id, CARD));
            }
            assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, id, CARD));
            expected += rate.applyToMinor(balance, rounding);
            List<FeeResult> again = commerce.fees().bookBalanceCosts(SYSTEM, id);
            assertEquals(again, commerce.fees().bookBalanceCosts(SYSTEM, id), "booking again returns the same");
        }
        Journal journal = commerce.journal().orElseThrow();
        assertEquals(-expected, MinorUnits.toMinor(journal.balance(Account.expense(ExpenseKind.PAYMENT_CHANNEL), CNY)),
                "the rate on each captured payment, rounded once each");
        assertEquals(expected, MinorUnits.toMinor(journal.balance(Account.providerFees(), CNY)));
        LedgerChecks.assertConsistent(journal);
    }
}
