package dev.mercato.pricing.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Decision;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.Promotion;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class MembershipCalculatorExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), CNY);
    }

    static void assertMoney(String expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(cny(expected)), MinorUnits.toMinor(actual), () -> "expected " + expected
                + " but was " + actual);
    }

    @Test
    void aGoldMemberOnAPlusPlanEarnsDoubleTierPointsPlusTheAccelerationRoundedDown() {
        EarnRules rules = EarnRules.perUnit(1).withTierMultiplier("GOLD", 200);

        // 199.99 paid, 200% for gold + 100% acceleration = 3 points per whole yuan: floor(599.97).
        assertEquals(599, rules.pointsFor(cny("199.99"), Set.of("GOLD"), 100));
        assertEquals(199, rules.pointsFor(cny("199.99"), Set.of(), 0));
    }

    @Test
    void aDailySignInBonusIsGrantedUpToItsDailyLimit() {
        EarnRules rules = EarnRules.perUnit(1).withBonus(new BonusEvent("sign-in", 5, 1));
        BonusEvent signIn = rules.bonus("sign-in").orElseThrow();

        assertTrue(signIn.allows(0));
        assertTrue(!signIn.allows(1));
        assertTrue(rules.bonus("review").isEmpty());
    }

    @Test
    void hundredPointsPayOneYuanButNeverMoreThanHalfTheOrder() {
        RedemptionPolicy policy = new RedemptionPolicy(100, Rate.percent(50), 100);

        RedemptionQuote plenty = policy.quote(20_000, cny("120.00"));
        assertEquals(6_000, plenty.points());
        assertMoney("60.00", plenty.offset());

        RedemptionQuote some = policy.quote(1_234, cny("120.00"));
        assertEquals(1_234, some.points());
        assertMoney("12.34", some.offset());

        assertTrue(policy.quote(99, cny("120.00")).isEmpty(), "below the minimum of 100 points");
    }

    @Test
    void pointsRedeemedAtCheckoutArePricedAsAPlatformFundedDiscountAfterTheCoupons() {
        RedemptionPolicy policy = new RedemptionPolicy(100, Rate.percent(10), 0);
        PricingRequest request = PricingRequest.of(CNY, T0, List.of(
                PricingLine.of("a", "tea", "shop-a", List.of("tea"), 1, cny("150.00")),
                PricingLine.of("b", "cup", "shop-b", List.of("cup"), 1, cny("50.00"))));

        PricingResult result = PricingEngine.of(List.of(PointsOffset.of("points:b-1", 5_000, policy))).price(request);

        // 10% of 200.00 = 20.00 (2000 points), prorated 150:50, paid by the platform.
        assertMoney("180.00", result.payable());
        assertMoney("20.00", result.totals().platformFunded());
        assertMoney("15.00", result.line("a").orElseThrow().discounts().get(0).amount());
        Decision decision = result.decision("points:b-1").orElseThrow();
        assertTrue(decision.toString().contains("2000 points"), decision::toString);
    }

    @Test
    void aSpendLadderUpgradesAtOnceAndDowngradesOneLevelAfterTheGracePeriod() {
        TierPolicy policy = MembershipCalculatorProperties.ladder();
        TierStanding joined = policy.join(T0);
        assertEquals("MEMBER", policy.level(joined.level()).code());

        TierChange gold = policy.onActivity(joined, 60_000, T0.plus(Duration.ofDays(10)));
        assertEquals(TierChange.Kind.UPGRADED, gold.what());
        assertEquals("GOLD", policy.level(gold.standing().level()).code());

        Instant periodEnd = gold.standing().reviewAt();
        TierChange shortAtReview = policy.review(gold.standing(), 20_000, periodEnd);
        assertEquals(TierChange.Kind.GRACE_STARTED, shortAtReview.what());
        assertEquals("GOLD", policy.level(shortAtReview.standing().level()).code());

        TierChange stillShort = policy.review(shortAtReview.standing(), 5_000, periodEnd.plus(Duration.ofDays(30)));
        assertEquals(TierChange.Kind.DOWNGRADED, stillShort.what());
        assertEquals("SILVER", policy.level(stillShort.standing().level()).code(), "one level down, not to MEMBER");
    }

    @Test
    void aMemberWhoSpendsBackToTheThresholdDuringGraceKeepsTheTier() {
        TierPolicy policy = MembershipCalculatorProperties.ladder();
        TierStanding inGrace = new TierStanding(2, T0, java.util.Optional.of(T0.plus(Duration.ofDays(30))));

        TierChange kept = policy.onActivity(inGrace, 50_000, T0.plus(Duration.ofDays(3)));

        assertEquals(TierChange.Kind.RETAINED, kept.what());
        assertTrue(kept.standing().graceUntil().isEmpty());
    }

    @Test
    void rollingSpendCountsOnlyTheLastTwelveMonthsNetOfRefunds() {
        TierPolicy policy = MembershipCalculatorProperties.ladder();
        List<Activity> activity = List.of(new Activity(T0, 40_000), new Activity(T0.plus(Duration.ofDays(200)), 30_000),
                new Activity(T0.plus(Duration.ofDays(210)), -5_000));

        assertEquals(65_000, policy.measure(activity, T0.plus(Duration.ofDays(300))));
        assertEquals(25_000, policy.measure(activity, T0.plus(Duration.ofDays(365))));
    }

    @Test
    void cancellingAYearlyPlanAQuarterInRefundsThreeQuartersProRataAndNothingUnderNoRefund() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant end = BillingPeriod.YEAR.end(start);
        Instant quarter = start.plus(Duration.ofDays(365).dividedBy(4));

        assertMoney("74.25", RefundPolicy.PRO_RATA.refund(cny("99.00"), start, end, quarter));
        assertMoney("0.00", RefundPolicy.NONE.refund(cny("99.00"), start, end, quarter));
    }

    @Test
    void an88VipStyleNinetyFivePercentAndFreeShippingReachOnlyBuyersHoldingThePlanTier() {
        PlanBenefits benefits = PlanBenefits.none().withPercentOff(Rate.percent(5)).withFreeShippingFrom(cny("0"));
        List<Promotion> promotions = new ArrayList<>(benefits.promotions("88VIP"));
        PricingRequest request = PricingRequest.of(CNY, T0, List.of(
                PricingLine.of("a", "lipstick", "shop-a", List.of("beauty"), 1, cny("300.00"))))
                .withShipping(Map.of("shop-a", cny("10.00")));
        MemberStanding vip = new MemberStanding(Set.of("88VIP"), benefits.codes(), 0);

        PricingResult member = PricingEngine.of(promotions).price(request.withBuyer(vip.applyTo(BuyerContext.anonymous())));
        PricingResult guest = PricingEngine.of(promotions).price(request);

        assertMoney("285.00", member.payable());
        assertMoney("310.00", guest.payable());
        assertTrue(member.totals().shippingDiscount().isPositive());
    }

    @Test
    void aStandingWithoutPointsOffersNoOffsetAndPointsAreCutToWhatIsAvailable() {
        RedemptionPolicy policy = new RedemptionPolicy(100, Rate.percent(50), 0);
        MemberStanding standing = new MemberStanding(Set.of("GOLD"), Set.of(), 300);

        assertTrue(new MemberStanding(Set.of(), Set.of(), 0).pointsOffset("p", 500, policy).isEmpty());
        assertEquals(300, standing.pointsOffset("p", 500, policy).orElseThrow().points());
        assertInstanceOf(PointsOffset.class, standing.pointsOffset("p", 100, policy).orElseThrow());
    }

    @Test
    void aPlusShippingCouponTakesItsValueOffShippingOnlyWhileTheMemberHoldsOne() {
        PlanBenefits benefits = PlanBenefits.none().withShippingCouponsPerMonth(5, cny("6.00"));
        PricingEngine engine = PricingEngine.of(benefits.promotions("PLUS"));
        PricingRequest request = PricingRequest.of(CNY, T0, List.of(
                PricingLine.of("a", "rice", "shop-a", List.of("food"), 1, cny("100.00"))))
                .withShipping(Map.of("shop-a", cny("10.00")));
        MemberStanding holding = new MemberStanding(Set.of("PLUS"), benefits.codes(), 0,
                Set.of(PlanBenefits.shippingCouponId("PLUS")));
        MemberStanding usedUp = new MemberStanding(Set.of("PLUS"), benefits.codes(), 0);

        assertMoney("104.00", engine.price(request.withBuyer(holding.applyTo(BuyerContext.anonymous()))).payable());
        assertMoney("110.00", engine.price(request.withBuyer(usedUp.applyTo(BuyerContext.anonymous()))).payable());
    }
}
