package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.RefundTierRule;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.membership.TierStanding;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A refund through the facade that drops the rolling spend below the tier held re-evaluates the
 * tier by the ladder's {@link RefundTierRule} (docs/membership.md, "Tiers after a refund"). Carl
 * spends 30.00 + 30.00 = 60.00 >= 50.00 and holds GOLD (member price 27.00); one order refunded
 * before shipment leaves 30.00 < 50.00.
 */
class TierRefundExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Buyer CARL = new Actor.Buyer("carl");
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    final TestClock clock = new TestClock(T0);

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    Commerce commerce(RefundTierRule rule) {
        TierPolicy tiers = new TierPolicy(List.of(TierLevel.of("MEMBER", 0),
                TierLevel.of("GOLD", 5_000, PlanBenefits.MEMBER_PRICE)), QualificationBasis.SPEND, Duration.ofDays(365),
                Duration.ofDays(30)).withOnRefund(rule);
        return Commerce.builder().sandboxes().clock(clock)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", cny("30.00"))
                        .withPriceLevel(PriceLevel.MEMBER, cny("27.00"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                        .setStock(new WarehouseId("east"), SkuId.of("tea"), 100, 0))
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .memberships(new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
                        new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE, tiers, Map.of()))
                .memberPricing(MemberPlanPricingExamples.engine())
                .build();
    }

    static Order buyTea(Commerce commerce, String key) {
        commerce.addToCart(CARL, CartId.of("carl"), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(CARL, CartId.of("carl"), key, Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(CARL, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        return placed.orders().get(0);
    }

    static Set<String> tiers(Commerce commerce) {
        return commerce.memberships().standing(CARL, "carl").tiers();
    }

    static TierStanding standing(Commerce commerce) {
        return commerce.memberships().account(CARL, "carl").orElseThrow().tier();
    }

    /** Two paid orders (GOLD), then the first refunded before shipment. */
    static void goldThenRefund(Commerce commerce) {
        Order first = buyTea(commerce, "c-1");
        buyTea(commerce, "c-2");
        assertEquals(Set.of("GOLD"), tiers(commerce), "60.00 spent");
        assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(CARL, first.id()));
    }

    static MonetaryAmount cartPrice(Commerce commerce) {
        commerce.addToCart(CARL, CartId.of("carl"), SkuId.of("tea"), 1);
        MonetaryAmount price = commerce.priceCart(CARL, CartId.of("carl")).priced().orElseThrow().lines().get(0).payable();
        commerce.removeFromCart(CARL, CartId.of("carl"), SkuId.of("tea"));
        return price;
    }

    @Test
    void keepUntilReviewLeavesGoldUntilThePeriodsReview() {
        Commerce commerce = commerce(RefundTierRule.keepUntilReview());
        goldThenRefund(commerce);
        assertEquals(Set.of("GOLD"), tiers(commerce), "30.00 < 50.00, but the review decides");
        assertEquals(T0.plus(Duration.ofDays(365)), standing(commerce).reviewAt());
        assertTrue(cny("27.00").isEqualTo(cartPrice(commerce)));
    }

    @Test
    void downgradeAtOnceDropsToTheQualifiedLevelAndEndsTheMemberPrice() {
        Commerce commerce = commerce(RefundTierRule.downgradeAtOnce());
        goldThenRefund(commerce);
        assertEquals(Set.of("MEMBER"), tiers(commerce));
        assertEquals(Optional.empty(), standing(commerce).graceUntil());
        assertTrue(cny("30.00").isEqualTo(cartPrice(commerce)), "list price again");
    }

    @Test
    void aGracePeriodKeepsGoldSevenDaysThenTheSchedulerDowngrades() {
        Commerce commerce = commerce(RefundTierRule.graceThenDowngrade(Duration.ofDays(7)));
        goldThenRefund(commerce);
        assertEquals(Set.of("GOLD"), tiers(commerce));
        assertEquals(Optional.of(T0.plus(Duration.ofDays(7))), standing(commerce).graceUntil());
        assertTrue(cny("27.00").isEqualTo(cartPrice(commerce)), "still GOLD in the grace");

        clock.advance(Duration.ofDays(7));
        commerce.runDueTimers(new Actor.System("scheduler"));
        assertEquals(Set.of("MEMBER"), tiers(commerce), "the grace ended short of 50.00");
        assertEquals(T0.plus(Duration.ofDays(365)), standing(commerce).reviewAt(), "the period keeps its review date");
        assertTrue(cny("30.00").isEqualTo(cartPrice(commerce)));
    }

    @Test
    void spendingBackToTheThresholdWithinTheGraceKeepsGold() {
        Commerce commerce = commerce(RefundTierRule.graceThenDowngrade(Duration.ofDays(7)));
        goldThenRefund(commerce);
        clock.advance(Duration.ofDays(3));
        buyTea(commerce, "c-3"); // 30.00 + 27.00 = 57.00 >= 50.00
        assertEquals(Optional.empty(), standing(commerce).graceUntil(), "the grace ended early");
        clock.advance(Duration.ofDays(5));
        commerce.runDueTimers(new Actor.System("scheduler"));
        assertEquals(Set.of("GOLD"), tiers(commerce));
        assertEquals(T0.plus(Duration.ofDays(365)), standing(commerce).reviewAt());
    }
}
