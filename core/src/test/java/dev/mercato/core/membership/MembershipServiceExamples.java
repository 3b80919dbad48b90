package dev.mercato.core.membership;

import static dev.mercato.core.membership.MembershipWorld.CARD;
import static dev.mercato.core.membership.MembershipWorld.CNY;
import static dev.mercato.core.membership.MembershipWorld.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.membership.MemberStanding;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PointsOffset;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import java.time.Duration;
import java.util.List;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class MembershipServiceExamples {
    final MembershipWorld world = new MembershipWorld();
    final MembershipService service = world.service;

    static void assertMoney(String expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(cny(expected)), MinorUnits.toMinor(actual), () -> "expected " + expected
                + " but was " + actual);
    }

    MonetaryAmount membershipRevenue() {
        return world.journal.balance(Account.revenue(RevenueStream.MEMBERSHIP), CNY);
    }

    @Test
    void aPlusTrialGivesBenefitsAtOnceAndConvertsToAPaidYearPostedAsMembershipRevenue() {
        SubscriptionResult result = service.subscribe("m-1", "PLUS", CARD, "join-1");

        assertInstanceOf(Trial.class, ((SubscriptionResult.Done) result).subscription());
        assertTrue(service.standing("m-1").tiers().contains("PLUS"));
        assertTrue(service.standing("m-1").benefits().contains(PlanBenefits.SHIPPING_COUPONS));
        assertMoney("0.00", membershipRevenue());

        world.advance(Duration.ofDays(30));

        Active active = assertInstanceOf(Active.class, service.subscription("m-1").orElseThrow());
        assertEquals(1, active.periodNumber());
        assertMoney("198.00", membershipRevenue());
        assertMoney("-198.00", world.journal.balance(Account.buyerFundsIn("m-1"), CNY));
        LedgerChecks.assertConsistent(world.journal);
    }

    @Test
    void aPlusRenewalDeclinedOnEveryRetryLapsesTheMembershipAndEndsItsBenefits() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");
        world.advance(Duration.ofDays(30));
        world.declineNextCharge();
        world.declineNextCharge();
        world.declineNextCharge();

        world.advance(Duration.ofDays(365));
        RenewalRetrying retrying = assertInstanceOf(RenewalRetrying.class, service.subscription("m-1").orElseThrow());
        assertEquals(1, retrying.failedAttempts());
        assertTrue(service.standing("m-1").tiers().contains("PLUS"), "benefits continue while retrying");

        world.advance(Duration.ofDays(1));
        world.advance(Duration.ofDays(1));

        Lapsed lapsed = assertInstanceOf(Lapsed.class, service.subscription("m-1").orElseThrow());
        assertEquals(2, lapsed.unpaidPeriod());
        assertFalse(service.standing("m-1").tiers().contains("PLUS"));
        assertMoney("198.00", membershipRevenue());
    }

    @Test
    void aRenewalThatSucceedsOnTheSecondAttemptStartsTheNewPeriodThenAndChargesOnce() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");
        world.advance(Duration.ofDays(30));
        world.declineNextCharge();
        world.advance(Duration.ofDays(365));
        world.advance(Duration.ofDays(1));

        Active renewed = assertInstanceOf(Active.class, service.subscription("m-1").orElseThrow());
        assertEquals(2, renewed.periodNumber());
        assertMoney("396.00", membershipRevenue());
    }

    @Test
    void cancellingAn88VipYearAQuarterInRefundsTheUnusedShareAndReversesTheRevenue() {
        SubscriptionResult joined = service.subscribe("m-1", "88VIP", CARD, "join-1");
        assertInstanceOf(Active.class, ((SubscriptionResult.Done) joined).subscription());
        world.advance(Duration.ofDays(365).dividedBy(4));

        SubscriptionResult result = service.cancel("m-1", "cancel-1");

        Cancelled cancelled = assertInstanceOf(Cancelled.class, ((SubscriptionResult.Done) result).subscription());
        assertMoney("66.00", cancelled.refund());
        assertMoney("22.00", membershipRevenue());
        assertMoney("66.00", world.journal.balance(Account.refunds(), CNY));
        assertFalse(service.standing("m-1").tiers().contains("88VIP"), "pro rata ends the benefits at once");
        assertEquals(result, service.cancel("m-1", "cancel-1"), "a replayed cancel returns the first result");
        LedgerChecks.assertConsistent(world.journal);
    }

    @Test
    void cancellingPlusKeepsTheBenefitsToTheEndOfThePaidYearWithoutRefund() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");
        world.advance(Duration.ofDays(60));

        Cancelled cancelled = assertInstanceOf(Cancelled.class,
                ((SubscriptionResult.Done) service.cancel("m-1", "cancel-1")).subscription());

        assertTrue(cancelled.refund().isZero());
        assertTrue(service.standing("m-1").tiers().contains("PLUS"));
        world.advance(Duration.ofDays(336));
        assertFalse(service.standing("m-1").tiers().contains("PLUS"));
        assertMoney("198.00", membershipRevenue());
    }

    @Test
    void aDeclinedFirstFeeRefusesTheSubscriptionAndChangesNothing() {
        world.declineNextCharge();

        SubscriptionResult result = service.subscribe("m-1", "88VIP", CARD, "join-1");

        assertEquals(SubscriptionRefusal.PAYMENT_DECLINED, ((SubscriptionResult.Refused) result).reason());
        assertTrue(service.subscription("m-1").isEmpty());
        assertMoney("0.00", membershipRevenue());
    }

    @Test
    void aSecondSubscriptionGetsNoTrialAndAReplayedSubscribeChargesOnce() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");
        service.cancel("m-1", "cancel-1");

        SubscriptionResult again = service.subscribe("m-1", "PLUS", CARD, "join-2");
        SubscriptionResult replay = service.subscribe("m-1", "PLUS", CARD, "join-2");

        assertInstanceOf(Active.class, ((SubscriptionResult.Done) again).subscription());
        assertEquals(again, replay);
        assertMoney("198.00", membershipRevenue());
        assertThrows(IdempotencyKeyReusedException.class, () -> service.subscribe("m-1", "88VIP", CARD, "join-2"));
    }

    @Test
    void an88VipMembersBuyerContextCarriesThePlanTierItsBenefitsAndPointsToRedeem() {
        service.subscribe("m-1", "88VIP", CARD, "join-1");
        service.recordPaidOrder("m-1", "o-1", cny("300.00"));

        MemberStanding standing = service.standing("m-1");
        BuyerContext context = service.buyerContext("m-1", BuyerContext.anonymous().withCoupons("c-1"));

        assertEquals(java.util.Set.of("MEMBER", "88VIP"), context.tiers());
        assertTrue(context.benefits().containsAll(List.of(PlanBenefits.PERCENT_OFF, PlanBenefits.FREE_SHIPPING, "video")));
        assertEquals(java.util.Set.of("c-1"), context.couponsHeld());
        assertEquals(300, standing.pointsAvailable());
    }

    @Test
    void aPlusMemberEarnsTenTimesPointsAndAHalfRefundClawsBackHalf() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");

        PointsChange earned = service.recordPaidOrder("m-1", "o-1", cny("120.50"));
        assertEquals(1_205, ((PointsChange.Applied) earned).entry().delta());

        PointsChange clawed = service.recordRefund("m-1", "o-1", "r-1", cny("60.25"));
        assertEquals(-603, ((PointsChange.Applied) clawed).entry().delta(), "half of 1205, the odd point rounds up");
        assertEquals(602, service.account("m-1").orElseThrow().balance());
    }

    @Test
    void aReplayedPaidOrderEarnsOnceAndTheSameOrderWithAnotherAmountIsRejected() {
        PointsChange first = service.recordPaidOrder("m-1", "o-1", cny("88.00"));
        PointsChange replay = service.recordPaidOrder("m-1", "o-1", cny("88.00"));

        assertEquals(first, replay);
        assertEquals(88, service.account("m-1").orElseThrow().balance());
        assertEquals(1, service.account("m-1").orElseThrow().entries().size());
        assertThrows(IdempotencyKeyReusedException.class, () -> service.recordPaidOrder("m-1", "o-1", cny("99.00")));
    }

    @Test
    void pointsAlreadySpentMakeARefundLeaveANegativeBalanceThatLaterEarningsRepay() {
        service.recordPaidOrder("m-1", "o-1", cny("500.00"));
        service.redeem("m-1", "o-2", 400, "redeem-o-2");

        service.recordRefund("m-1", "o-1", "r-1", cny("500.00"));
        assertEquals(-400, service.account("m-1").orElseThrow().balance());
        assertEquals(0, service.standing("m-1").pointsAvailable());

        service.recordPaidOrder("m-1", "o-3", cny("1000.00"));
        MemberAccount account = service.account("m-1").orElseThrow();
        assertEquals(600, account.balance());
        assertEquals(0, account.debt());
    }

    @Test
    void underTheStopAtZeroPolicyARefundOfSpentPointsForgivesTheShortfall() {
        MembershipWorld strict = new MembershipWorld(ClawbackPolicy.STOP_AT_ZERO, MembershipWorld.SPEND_LADDER);
        strict.service.recordPaidOrder("m-1", "o-1", cny("500.00"));
        strict.service.redeem("m-1", "o-2", 400, "redeem-o-2");

        PointsChange clawed = strict.service.recordRefund("m-1", "o-1", "r-1", cny("500.00"));

        PointsEntry entry = ((PointsChange.Applied) clawed).entry();
        assertEquals(-100, entry.delta());
        assertTrue(entry.memo().contains("400 forgiven"), entry::memo);
        assertEquals(0, strict.service.account("m-1").orElseThrow().balance());
    }

    @Test
    void pointsExpireByTimerOneYearAfterEarningEarliestLotFirst() {
        service.recordPaidOrder("m-1", "o-1", cny("100.00"));
        world.advance(Duration.ofDays(100));
        service.recordPaidOrder("m-1", "o-2", cny("50.00"));
        service.redeem("m-1", "o-3", 30, "redeem-o-3");

        world.advance(Duration.ofDays(266));
        MemberAccount account = service.account("m-1").orElseThrow();
        assertEquals(50, account.balance(), "the 70 left of the first lot expired; the redemption took from it");
        assertEquals(EntryKind.EXPIRED, account.entries().get(account.entries().size() - 1).kind());

        world.advance(Duration.ofDays(100));
        assertEquals(0, service.account("m-1").orElseThrow().balance());
    }

    @Test
    void aReviewBonusIsGrantedThreeTimesADayAndAnUnknownActivityIsRefused() {
        for (int i = 1; i <= 3; i++) {
            assertInstanceOf(PointsChange.Applied.class, service.grantBonus("m-1", "review", "review-" + i));
        }
        PointsChange fourth = service.grantBonus("m-1", "review", "review-4");
        assertEquals(PointsRefusal.BONUS_LIMIT_REACHED, ((PointsChange.Refused) fourth).reason());
        assertEquals(PointsRefusal.UNKNOWN_BONUS, ((PointsChange.Refused) service.grantBonus("m-1", "share", "s-1")).reason());

        world.advance(Duration.ofDays(1));
        assertInstanceOf(PointsChange.Applied.class, service.grantBonus("m-1", "review", "review-5"));
        assertEquals(80, service.account("m-1").orElseThrow().balance());
    }

    @Test
    void spendingFiveThousandUpgradesToGoldAtOnceAndAQuietYearDropsOneLevelAfterGrace() {
        service.recordPaidOrder("m-1", "o-1", cny("5000.00"));
        assertTrue(service.standing("m-1").tiers().contains("GOLD"));
        assertTrue(service.standing("m-1").benefits().contains("no-reason-returns-15d"));

        world.advance(Duration.ofDays(365));
        assertTrue(service.standing("m-1").tiers().contains("GOLD"), "grace period");

        world.advance(Duration.ofDays(30));
        assertTrue(service.standing("m-1").tiers().contains("SILVER"), "one level down, not to MEMBER");
    }

    @Test
    void aGoldMemberEarnsOneAndAHalfPointsPerYuan() {
        service.recordPaidOrder("m-1", "o-1", cny("5000.00"));

        PointsChange second = service.recordPaidOrder("m-1", "o-2", cny("100.00"));

        assertEquals(150, ((PointsChange.Applied) second).entry().delta());
    }

    @Test
    void aScoreLadderUpgradesWhenTheHostAwardsEnoughScore() {
        TierPolicy score = new TierPolicy(List.of(TierLevel.of("V1", 0), TierLevel.of("V2", 1_000, "88vip-price")),
                QualificationBasis.SCORE, Duration.ofDays(365), Duration.ofDays(30));
        MembershipWorld scored = new MembershipWorld(ClawbackPolicy.ALLOW_NEGATIVE, score);

        scored.service.recordPaidOrder("m-1", "o-1", cny("5000.00"));
        assertTrue(scored.service.standing("m-1").tiers().contains("V1"), "spend does not count on a score ladder");

        scored.service.addScore("m-1", 1_200, "score-2026-01");
        assertTrue(scored.service.standing("m-1").benefits().contains("88vip-price"));
    }

    @Test
    void aPlusMemberGetsFiveShippingCouponsEachMonthThatDoNotRollOver() {
        service.subscribe("m-1", "PLUS", CARD, "join-1");
        String coupon = PlanBenefits.shippingCouponId("PLUS");
        for (int i = 1; i <= 5; i++) {
            assertTrue(service.buyerContext("m-1", BuyerContext.anonymous()).couponsHeld().contains(coupon));
            assertTrue(service.useShippingCoupon("m-1", "o-" + i).used());
        }
        assertEquals(new ShippingCouponUse(true, 0), service.useShippingCoupon("m-1", "o-5"), "a replay uses none");
        assertFalse(service.useShippingCoupon("m-1", "o-6").used());
        assertFalse(service.standing("m-1").coupons().contains(coupon));

        world.advance(Duration.ofDays(31));

        assertTrue(service.standing("m-1").coupons().contains(coupon), "February brings five new coupons");
        assertEquals(4, service.useShippingCoupon("m-1", "o-7").leftThisMonth());
    }

    @Test
    void aMemberWithoutAPlanHasNoShippingCouponToUse() {
        assertEquals(new ShippingCouponUse(false, 0), service.useShippingCoupon("m-1", "o-1"));
    }

    @Test
    void pointsOfferedAtCheckoutArePricedAsAnOffsetAndTheAppliedOffsetIsRedeemed() {
        service.recordPaidOrder("m-1", "o-1", cny("5000.00"));
        MemberStanding standing = service.standing("m-1");
        PricingRequest request = PricingRequest.of(CNY, world.clock.instant(), List.of(
                PricingLine.of("a", "kettle", "shop-a", List.of("home"), 1, cny("80.00"))))
                .withBuyer(standing.applyTo(BuyerContext.anonymous()));

        PointsOffset offset = standing.pointsOffset("points:m-1", 10_000, world.settings.redemption()).orElseThrow();
        PricingResult priced = PricingEngine.of(List.of(offset)).price(request);
        long discount = MinorUnits.toMinor(priced.totals().discounts());
        long points = world.settings.redemption().pointsForMinor(discount, CNY);
        service.redeem("m-1", "o-2", points, "redeem-o-2");

        // Half of 80.00 at most: 40.00 for 4000 of the 5000 points.
        assertMoney("40.00", priced.payable());
        assertEquals(4_000, points);
        assertEquals(1_000, service.account("m-1").orElseThrow().balance());
    }

    @Test
    void fullyRefundingAnOrderPaidPartlyWithPointsReturnsThemAndTakesBackWhatItEarned() {
        service.recordPaidOrder("m-1", "o-1", cny("100.00"));
        service.redeem("m-1", "o-2", 100, "redeem-o-2");
        service.recordPaidOrder("m-1", "o-2", cny("99.00"));

        PointsChange refund = service.recordRefund("m-1", "o-2", "r-1", cny("99.00"));

        PointsEntry entry = ((PointsChange.Applied) refund).entry();
        assertEquals(1, entry.delta(), "100 returned, 99 clawed back");
        assertTrue(entry.memo().contains("returned 100 redeemed points"), entry::memo);
        assertEquals(100, service.account("m-1").orElseThrow().balance());
    }

    @Test
    void aPendingRenewalIsAskedAgainWithTheSameTransactionAndChargedOnce() {
        service.subscribe("m-1", "88VIP", CARD, "join-1");
        world.sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofHours(2)));

        world.advance(Duration.ofDays(365));
        Active stillFirst = assertInstanceOf(Active.class, service.subscription("m-1").orElseThrow());
        assertEquals(1, stillFirst.periodNumber());
        assertMoney("88.00", membershipRevenue());

        world.advance(Duration.ofDays(1));

        Active renewed = assertInstanceOf(Active.class, service.subscription("m-1").orElseThrow());
        assertEquals(2, renewed.periodNumber());
        assertEquals(stillFirst.periodEnd(), renewed.periodStart(), "the paid year follows the first without a gap");
        assertMoney("176.00", membershipRevenue());
        assertEquals(2, world.payments.charged.size());
    }
}
