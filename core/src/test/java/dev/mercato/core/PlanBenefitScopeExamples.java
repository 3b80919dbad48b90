package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A plan's member discount and points acceleration limited to the {@code food} category, the
 * discount funded by the platform and booked as its subsidy (docs/membership.md, "Eligible
 * items and who pays a plan's discount"). Ann (PLUS, in its trial) buys rice (food, 100.00) and a
 * tea set (home, 30.00) from one grocer.
 */
class PlanBenefitScopeExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer ANN = new Actor.Buyer("ann");

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static PlanBenefits food(Funding funding) {
        return PlanBenefits.none().withPercentOff(Rate.percent(5)).withPointsAcceleration(900)
                .withEligible(Scope.categories("food")).withDiscountFundedBy(funding);
    }

    Commerce commerce(PlanBenefits benefits) {
        PlanTerms plus = PlanTerms.of("PLUS", cny("198.00"), BillingPeriod.YEAR).withTrial(Duration.ofDays(30))
                .withBenefits(benefits);
        return Commerce.builder().sandboxes().clock(clock)
                .catalog(Catalog.inMemory()
                        .put(Sku.of("rice", "grocer", "Rice 5kg", cny("100.00")).withCategoryPath(List.of("food", "grain")))
                        .put(Sku.of("tea-set", "grocer", "Tea set", cny("30.00")).withCategoryPath(List.of("home"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                        .setStock(new WarehouseId("east"), SkuId.of("rice"), 10, 0)
                        .setStock(new WarehouseId("east"), SkuId.of("tea-set"), 10, 0))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .memberships(new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                        new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE,
                        new TierPolicy(List.of(TierLevel.of("MEMBER", 0)), QualificationBasis.SPEND,
                                Duration.ofDays(365), Duration.ofDays(30)), Map.of("PLUS", plus)))
                .memberPricing(PricingEngine.of(benefits.promotions("PLUS")))
                .build();
    }

    /** Subscribes, buys one of each, ships and confirms receipt; returns the order. */
    static Order buyAndRelease(Commerce commerce) {
        commerce.memberships().subscribe(ANN, "ann", "PLUS", new PaymentSource("tok_visa"), "join-1");
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("rice"), 1);
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea-set"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        Order order = placed.orders().get(0);
        Actor.System system = new Actor.System("scheduler");
        Order.StockAllocated allocated = assertInstanceOf(Order.StockAllocated.class,
                commerce.order(system, order.id()).orElseThrow());
        List<Shipment.Item> all = allocated.facts().snapshot().lines().stream()
                .map(l -> new Shipment.Item(l.lineNo(), l.quantity())).toList();
        assertInstanceOf(OrderResult.Done.class, commerce.ship(new Actor.Seller("grocer"), order.id(), "SF1", all));
        assertInstanceOf(OrderResult.Done.class, commerce.confirmReceipt(ANN, order.id()));
        assertInstanceOf(Released.class, commerce.escrow(system, order.id()).orElseThrow());
        return order;
    }

    static long minor(Journal ledger, Account account) {
        return MinorUnits.toMinor(ledger.balance(account, CNY));
    }

    /** What the seller's sale was worth to it: its payable plus what the platform kept. */
    static long sellerGross(Journal ledger) {
        long sum = minor(ledger, Account.sellerPayable("grocer"));
        for (RevenueStream stream : List.of(RevenueStream.COMMISSION, RevenueStream.SERVICE_FEE,
                RevenueStream.PAYMENT_FEE)) {
            sum += minor(ledger, Account.revenue(stream));
        }
        return sum;
    }

    @Test
    void thePlansFoodDiscountIsAPlatformSubsidyAndOnlyFoodIsAccelerated() {
        Commerce commerce = commerce(food(Funding.PLATFORM));
        buyAndRelease(commerce);
        // Rice 100.00 - 5% = 95.00 (food); tea set 30.00 (home, not eligible): 125.00 paid.
        // Points: floor((12500 x 100% + 9500 x 900%) x 1 / 10000) = 125 + 855 = 980.
        assertEquals(980, commerce.memberships().account(ANN, "ann").orElseThrow().balance());
        Journal ledger = commerce.journal().orElseThrow();
        assertEquals(-12_500, minor(ledger, Account.buyerFundsIn("ann")), "the buyer paid 125.00 (no fee in the trial)");
        // Released: the buyer's 125.00 plus the platform's 5.00 subsidy from its clearing account,
        // so the grocer's sale counts the pre-discount 130.00.
        assertEquals(-500, minor(ledger, Account.platformClearing()), "the 5.00 discount is the platform's");
        assertEquals(13_000, sellerGross(ledger));
    }

    @Test
    void aSellerFundedPlanDiscountIsTheSellersOwnPriceAndNoSubsidy() {
        Commerce commerce = commerce(food(Funding.SELLER));
        buyAndRelease(commerce);
        assertEquals(980, commerce.memberships().account(ANN, "ann").orElseThrow().balance(), "same 125.00 paid");
        Journal ledger = commerce.journal().orElseThrow();
        assertEquals(0, minor(ledger, Account.platformClearing()));
        assertEquals(12_500, sellerGross(ledger), "the grocer's sale is the 125.00 paid");
    }
}
