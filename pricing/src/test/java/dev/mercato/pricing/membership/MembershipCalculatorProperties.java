package dev.mercato.pricing.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the pure membership calculators over generated inputs. */
class MembershipCalculatorProperties {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property
    void earnedPointsAreTheFlooredFormulaCutToTheCap(@ForAll @LongRange(min = 0, max = 100_000_000) long paidMinor,
            @ForAll @LongRange(min = 0, max = 20) long perUnit, @ForAll @LongRange(min = 100, max = 1000) long gold,
            @ForAll @LongRange(min = 0, max = 900) long acceleration, @ForAll @LongRange(min = 0, max = 5000) long cap) {
        EarnRules rules = EarnRules.perUnit(perUnit).withTierMultiplier("GOLD", gold).withPerOrderCap(cap);
        long points = rules.pointsFor(MinorUnits.toAmount(paidMinor, CNY), Set.of("GOLD", "SILVER"), acceleration);
        long uncapped = paidMinor * perUnit * (gold + acceleration) / (100 * 100);
        assertEquals(Math.min(uncapped, cap), points);
    }

    @Property
    void acceleratingPartOfAnOrderEarnsBetweenTheBaseAndTheFullyAcceleratedPoints(
            @ForAll @LongRange(min = 0, max = 10_000_000) long paidMinor, @ForAll @IntRange(min = 0, max = 100) int share,
            @ForAll @LongRange(min = 0, max = 2_000) long acceleration) {
        EarnRules rules = EarnRules.perUnit(2).withTierMultiplier("GOLD", 150);
        MonetaryAmount paid = MinorUnits.toAmount(paidMinor, CNY);
        MonetaryAmount part = MinorUnits.toAmount(paidMinor * share / 100, CNY);
        long partial = rules.pointsFor(paid, part, Set.of("GOLD"), acceleration);
        assertEquals(rules.pointsFor(paid, Set.of("GOLD"), acceleration),
                rules.pointsFor(paid, paid, Set.of("GOLD"), acceleration), "all of it eligible: the plain formula");
        assertTrue(partial >= rules.pointsFor(paid, Set.of("GOLD"), 0));
        assertTrue(partial <= rules.pointsFor(paid, Set.of("GOLD"), acceleration));
        assertEquals((paidMinor * 150 + (paidMinor * share / 100) * acceleration) * 2 / 10_000, partial,
                "rounded down once");
    }

    @Property
    void payingMoreNeverEarnsFewerPoints(@ForAll @LongRange(min = 0, max = 10_000_000) long a,
            @ForAll @LongRange(min = 0, max = 10_000_000) long b) {
        EarnRules rules = EarnRules.perUnit(3).withTierMultiplier("GOLD", 150).withPerOrderCap(20_000);
        long low = rules.pointsFor(MinorUnits.toAmount(Math.min(a, b), CNY), Set.of("GOLD"), 50);
        long high = rules.pointsFor(MinorUnits.toAmount(Math.max(a, b), CNY), Set.of("GOLD"), 50);
        assertTrue(low <= high);
    }

    @Property
    void aRedemptionNeverSpendsMorePointsThanOfferedNorOffsetsMoreThanTheShare(
            @ForAll @LongRange(min = 0, max = 1_000_000) long offered,
            @ForAll @LongRange(min = 0, max = 10_000_000) long orderMinor,
            @ForAll @LongRange(min = 1, max = 1000) long perUnit, @ForAll @IntRange(min = 0, max = 100) int share,
            @ForAll("currencies") CurrencyUnit currency) {
        RedemptionPolicy policy = new RedemptionPolicy(perUnit, Rate.percent(share), 0);
        RedemptionQuote quote = policy.quoteMinor(offered, orderMinor, currency);
        long offset = MinorUnits.toMinor(quote.offset());
        assertTrue(quote.points() <= offered, () -> quote + " spends more than " + offered);
        assertTrue(offset <= policy.maxOffsetMinor(orderMinor), () -> quote + " exceeds the share of " + orderMinor);
        assertEquals(policy.pointsForMinor(offset, currency), quote.points(), "points pay exactly for the offset");
        assertTrue(policy.offsetMinor(quote.points(), currency) >= offset, "the points spent are worth the offset");
    }

    @Property
    void aProRataRefundIsBetweenZeroAndTheFeeAndShrinksAsThePeriodIsUsed(
            @ForAll @LongRange(min = 1, max = 100_000_000) long feeMinor,
            @ForAll @LongRange(min = 0, max = 400) long dayA, @ForAll @LongRange(min = 0, max = 400) long dayB) {
        MonetaryAmount fee = MinorUnits.toAmount(feeMinor, CNY);
        Instant end = BillingPeriod.YEAR.end(T0);
        Instant early = T0.plus(Duration.ofDays(Math.min(dayA, dayB)));
        Instant late = T0.plus(Duration.ofDays(Math.max(dayA, dayB)));
        MonetaryAmount earlyRefund = RefundPolicy.PRO_RATA.refund(fee, T0, end, early);
        MonetaryAmount lateRefund = RefundPolicy.PRO_RATA.refund(fee, T0, end, late);
        assertTrue(!earlyRefund.isNegative() && !earlyRefund.isGreaterThan(fee));
        assertTrue(!lateRefund.isGreaterThan(earlyRefund), () -> lateRefund + " after " + earlyRefund);
        assertTrue(RefundPolicy.NONE.refund(fee, T0, end, early).isZero());
    }

    @Property
    void activityNeverLowersATierAndAReviewDropsAtMostOneLevel(@ForAll("standings") TierStanding standing,
            @ForAll @LongRange(min = -10_000, max = 200_000) long measure,
            @ForAll @LongRange(min = 0, max = 800) long days) {
        TierPolicy policy = ladder();
        Instant at = T0.plus(Duration.ofDays(days));
        TierChange up = policy.onActivity(standing, measure, at);
        assertTrue(up.standing().level() >= standing.level());
        TierChange reviewed = policy.review(standing, measure, at);
        boolean refundGraceEnds = standing.graceUntil().filter(g -> !at.isBefore(g)).isPresent()
                && at.isBefore(standing.reviewAt());
        if (refundGraceEnds) {
            // A refund's grace ending inside its period sets the qualified level (TierPolicy.review).
            assertEquals(policy.qualifiedLevel(measure), reviewed.standing().level());
        } else {
            assertTrue(reviewed.standing().level() >= standing.level() - 1, () -> standing + " -> " + reviewed);
        }
        if (reviewed.what() == TierChange.Kind.DOWNGRADED) {
            assertTrue(standing.graceUntil().isPresent(), "a downgrade only follows a grace period");
        }
        if (policy.qualifiedLevel(measure) > standing.level()) {
            assertEquals(policy.qualifiedLevel(measure), up.standing().level(), "upgrades happen at once");
        }
    }

    @Property(tries = 100)
    void aPointsOffsetNeverTakesMoreThanTheShareAndIsFundedByThePlatform(
            @ForAll("requests") PricingRequest request, @ForAll @LongRange(min = 0, max = 500_000) long points,
            @ForAll @IntRange(min = 0, max = 100) int share) {
        RedemptionPolicy policy = new RedemptionPolicy(100, Rate.percent(share), 0);
        PricingResult plain = PricingEngine.of(List.of()).price(request);
        PricingResult offset = PricingEngine.of(List.of(PointsOffset.of("points", points, policy))).price(request);
        long merchandise = MinorUnits.toMinor(plain.totals().merchandise());
        long taken = MinorUnits.toMinor(offset.totals().discounts());
        assertTrue(taken <= policy.maxOffsetMinor(merchandise), () -> taken + " of " + merchandise);
        assertTrue(taken <= policy.offsetMinor(points, request.currency()));
        assertEquals(taken, MinorUnits.toMinor(offset.totals().platformFunded()));
    }

    static TierPolicy ladder() {
        return new TierPolicy(List.of(TierLevel.of("MEMBER", 0), TierLevel.of("SILVER", 10_000),
                TierLevel.of("GOLD", 50_000), TierLevel.of("DIAMOND", 150_000)), QualificationBasis.SPEND,
                Duration.ofDays(365), Duration.ofDays(30));
    }

    @Provide
    Arbitrary<TierStanding> standings() {
        Arbitrary<Integer> level = Arbitraries.integers().between(0, 3);
        Arbitrary<Long> reviewDay = Arbitraries.longs().between(0, 800);
        Arbitrary<Optional<Long>> graceDay = Arbitraries.longs().between(0, 800).optional();
        return net.jqwik.api.Combinators.combine(level, reviewDay, graceDay).as((l, r, g) -> new TierStanding(l,
                T0.plus(Duration.ofDays(r)), g.map(d -> T0.plus(Duration.ofDays(d)))));
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return PricingArbitraries.currencies();
    }

    @Provide
    Arbitrary<PricingRequest> requests() {
        return PricingArbitraries.requests(CNY, 4);
    }
}
