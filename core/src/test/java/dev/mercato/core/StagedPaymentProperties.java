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
import dev.mercato.core.escrow.BalanceResult;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.escrow.StagedPayment;
import dev.mercato.core.escrow.AwaitingBalance;
import dev.mercato.core.escrow.Escrow;
import dev.mercato.core.escrow.PaymentSchedule.ForfeitRule;
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
import dev.mercato.core.ledger.RevenueStream;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Payments in stages through the facade, for any price, quantity, deposit, deposit value,
 * advance share and commission: the first stage plus the balance is the priced total to the minor
 * unit; paying the balance holds exactly the priced total; an unpaid balance forfeits the first
 * stage by its rule and balances to the cent (kept: the seller's payable plus the platform's
 * commission is the deposit; refunded: the refund is the first stage and reached the provider);
 * in every path every captured unit is in the ledger, nothing stays held in a closed order and its
 * stock is released.
 */
class StagedPaymentProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final Instant T0 = Instant.parse("2026-10-20T02:00:00Z");
    static final Destination HOME = Destination.of(new Address("CN", "Zhejiang", "Hangzhou", "310012", "9 Wensan Road"));

    /** What happens after the first stage: 0 balance paid, 1 deposit kept, 2 deposit refunded. */
    @Property(tries = 150)
    void theStagesSumToThePricedTotalAndEveryPathBalancesToTheCent(
            @ForAll @LongRange(min = 1_000, max = 5_000_000) long priceMinor,
            @ForAll @IntRange(min = 1, max = 9) int units,
            @ForAll @IntRange(min = 1, max = 99) int depositPercent,
            @ForAll @IntRange(min = 0, max = 100) int bonusPercent,
            @ForAll @IntRange(min = 0, max = 150) int commissionTenths,
            @ForAll boolean advance,
            @ForAll @IntRange(min = 1, max = 99) int advancePercent,
            @ForAll @IntRange(min = 0, max = 2) int path) {
        long deposit = Math.max(1, priceMinor * depositPercent / 100);
        long worth = Math.min(priceMinor, deposit + deposit * bonusPercent / 100);
        TestClock clock = new TestClock(T0);
        SandboxPaymentProvider payments = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-staged-property", Set.of(CNY)));
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).storage(InMemoryStorage.create())
                .catalog(Catalog.inMemory().put(Sku.of("tv", "tv-shop", "Television", money(priceMinor))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                        .setStock(new WarehouseId("east"), SkuId.of("tv"), 10, 0))
                .paymentProvider(payments)
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read("""
                        {"currency": "CNY", "promotions": [{"kind": "pre-sale", "id": "p", "scope": {"skus": ["tv"]},
                          "deposit": %s, "depositValue": %s}]}""".formatted(decimal(deposit), decimal(worth)))),
                        buyer -> BuyerContext.anonymous()))
                .guaranteedTransactions(ScheduleJson.read("""
                        {"name": "flat", "currency": "CNY", "commission": {"base": "PAID", "rules": [
                          {"id": "all", "scope": "default", "rate": "%s%%"}]}}""".formatted(
                        BigDecimal.valueOf(commissionTenths, 1).toPlainString())).revenue())
                .build();
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tv"), units);
        ForfeitRule rule = path == 2 ? ForfeitRule.REFUND : ForfeitRule.KEEP_NET_OF_COMMISSION;
        StagedPayment stages = advance ? new StagedPayment.Advance(Rate.percent(advancePercent), Duration.ofDays(12))
                : new StagedPayment.PreSale(T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(12)), rule);
        CheckoutResult result = commerce.checkout(ANN, CartId.of("ann"), "k", HOME, stages);
        if (!(result instanceof CheckoutResult.Placed placed)) {
            // Only a deposit equal to the whole price (nothing left to stage) or a one-unit order refuses.
            assertInstanceOf(CheckoutResult.Refused.class, result);
            return;
        }
        Order.AwaitingPayment order = placed.orders().get(0);
        OrderId id = order.id();
        long total = MinorUnits.toMinor(order.facts().snapshot().payable());
        assertEquals(units * (priceMinor - (worth - deposit)), total, () -> "the pre-sale's bonus is a line"
                + " discount: price " + priceMinor + " x" + units + ", deposit " + deposit + " worth " + worth + "; "
                + order.facts().snapshot());
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(ANN, placed.payment().paymentId(), CARD));
        Escrow escrow = commerce.escrow(SCHEDULER, id).orElseThrow();
        if (!(escrow instanceof AwaitingBalance awaiting)) {
            // A deposit that covers the whole payable is paid in full.
            assertEquals(total, MinorUnits.toMinor(escrow.funds().held()));
            return;
        }
        long first = MinorUnits.toMinor(placed.payment().total());
        assertEquals(total, first + MinorUnits.toMinor(awaiting.balanceDue()), "first stage + balance = the priced total");
        if (!advance) {
            assertEquals(units * deposit, first, "the deposit is what the pre-sale asks per unit");
        }
        Journal journal = commerce.journal().orElseThrow();
        if (path == 0) {
            clock.advance(Duration.ofDays(advance ? 1 : 11));
            assertInstanceOf(BalanceResult.Paid.class, commerce.payBalance(ANN, id, CARD));
            assertEquals(total, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)));
        } else {
            clock.advance(Duration.ofDays(12));
            commerce.runDueTimers(SCHEDULER);
            assertInstanceOf(Order.Closed.class, commerce.order(SCHEDULER, id).orElseThrow());
            assertEquals(0, MinorUnits.toMinor(journal.balance(Account.escrowHeld(id.value()), CNY)), "nothing held");
            assertEquals(0, commerce.inventory().stock(SkuId.of("tv")).stream().mapToLong(StockLevel::reserved).sum());
            long refunds = MinorUnits.toMinor(journal.balance(Account.refunds(), CNY));
            long payable = MinorUnits.toMinor(journal.balance(Account.sellerPayable("tv-shop"), CNY));
            long commission = MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY));
            if (advance || rule == ForfeitRule.REFUND) {
                assertEquals(first, refunds, "the first stage went back");
                assertEquals(0, payable);
            } else {
                assertEquals(0, refunds);
                assertEquals(first, payable + commission, "the deposit is split between seller and platform");
            }
        }
        assertEquals(path == 0 ? total : first, -MinorUnits.toMinor(journal.balance(Account.buyerFundsIn("ann"), CNY)),
                "every captured unit is in the ledger");
        LedgerChecks.assertConsistent(journal);
    }

    static Money money(long minor) {
        return Money.of(BigDecimal.valueOf(minor, 2), "CNY");
    }

    static String decimal(long minor) {
        return BigDecimal.valueOf(minor, 2).toPlainString();
    }
}
