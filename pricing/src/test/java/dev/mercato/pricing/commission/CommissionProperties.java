package dev.mercato.pricing.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CommissionProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant AT = Instant.parse("2026-06-15T10:00:00Z");

    @Property
    void commissionNeverDecreasesAsTheAmountGrowsUnderOneRule(@ForAll("boundedRules") CommissionRule rule,
            @ForAll @LongRange(min = 0, max = 10_000_000) long gmvBefore,
            @ForAll @LongRange(min = 0, max = 5_000_000) long smaller, @ForAll @LongRange(min = 0, max = 5_000_000) long more) {
        CommissionSchedule schedule = schedule(rule);
        long a = commission(schedule, gmvBefore, smaller);
        long b = commission(schedule, gmvBefore, smaller + more);
        assertTrue(a <= b, "base " + smaller + " pays " + a + " but the larger base " + (smaller + more) + " pays " + b);
    }

    @Property
    void commissionStaysWithinZeroAndItsBase(@ForAll("anyRules") CommissionRule rule,
            @ForAll @LongRange(min = 0, max = 10_000_000) long gmvBefore,
            @ForAll @LongRange(min = 0, max = 5_000_000) long base) {
        long c = commission(schedule(rule), gmvBefore, base);
        assertTrue(c >= 0 && c <= base, "commission " + c + " on base " + base);
    }

    @Property
    void marginalTiersAreContinuousAtBandEdges(@ForAll("marginalRules") CommissionRule rule,
            @ForAll @IntRange(min = 0, max = 4) int edgeIndex, @ForAll @LongRange(min = 0, max = 50_000) long before,
            @ForAll @LongRange(min = -3, max = 3) long offset) {
        List<Tier> tiers = ((RateStructure.Tiered) rule.rate()).tiers();
        long edge = MinorUnits.toMinor(tiers.get(edgeIndex % tiers.size()).from());
        long gmvBefore = Math.max(0, edge - before);
        long end = Math.max(gmvBefore, edge + offset);
        CommissionSchedule schedule = schedule(rule);
        long atEnd = commission(schedule, gmvBefore, end - gmvBefore);
        long oneMore = commission(schedule, gmvBefore, end - gmvBefore + 1);
        assertTrue(oneMore - atEnd >= 0 && oneMore - atEnd <= 1,
                "one more minor unit past " + end + " moved the commission from " + atEnd + " to " + oneMore);
    }

    @Property
    void aMarginalLineSplitAnywhereCostsTheSameWithinRounding(@ForAll("marginalRules") CommissionRule rule,
            @ForAll @LongRange(min = 0, max = 3_000_000) long gmvBefore,
            @ForAll @LongRange(min = 0, max = 3_000_000) long first, @ForAll @LongRange(min = 0, max = 3_000_000) long second) {
        CommissionSchedule schedule = schedule(rule);
        long whole = commission(schedule, gmvBefore, first + second);
        long split = commission(schedule, gmvBefore, first) + commission(schedule, gmvBefore + first, second);
        assertTrue(Math.abs(whole - split) <= 1, "whole line " + whole + " but split " + split);
    }

    @Property
    void selfOperatedLinesNeverPayCommission(@ForAll("anyRules") CommissionRule rule,
            @ForAll @LongRange(min = 0, max = 5_000_000) long base) {
        SaleLine line = line(base).seller("own", SellerType.SELF_OPERATED).build();
        Commission c = schedule(rule).commissionFor(line, MinorUnits.toAmount(0, CNY));
        assertTrue(c.amount().isZero());
        assertEquals(MatchKind.SELF_OPERATED, c.match());
    }

    static CommissionSchedule schedule(CommissionRule rule) {
        return CommissionSchedule.of("generated", CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP, List.of(rule));
    }

    static SaleLine.Builder line(long paidMinor) {
        return SaleLine.builder().ids("o-1", "l-1").sku("sku-1").seller("s-1", SellerType.ENTERPRISE)
                .category("apparel/women").paid(MinorUnits.toAmount(paidMinor, CNY)).orderedAt(AT);
    }

    static long commission(CommissionSchedule schedule, long gmvBefore, long base) {
        return MinorUnits.toMinor(schedule.commissionFor(line(base).build(), MinorUnits.toAmount(gmvBefore, CNY)).amount());
    }

    @Provide
    Arbitrary<CommissionRule> boundedRules() {
        return Arbitraries.oneOf(flatRules(), marginalRules());
    }

    @Provide
    Arbitrary<CommissionRule> anyRules() {
        return Arbitraries.oneOf(flatRules(), marginalRules(), wholeTierRules());
    }

    @Provide
    Arbitrary<CommissionRule> marginalRules() {
        return tiered(TierMode.MARGINAL);
    }

    Arbitrary<CommissionRule> wholeTierRules() {
        return tiered(TierMode.WHOLE_TIER);
    }

    Arbitrary<CommissionRule> flatRules() {
        Arbitrary<Long> bound = Arbitraries.longs().between(0, 200_000);
        return Combinators.combine(rates(), bound, bound, Arbitraries.integers().between(0, 3))
                .as((rate, x, y, bounds) -> {
                    CommissionRule rule = CommissionRule.flat("flat", new RuleScope.Everything(), rate);
                    long min = Math.min(x, y);
                    long max = Math.max(x, y);
                    if ((bounds & 1) != 0) {
                        rule = rule.withMinimum(MinorUnits.toAmount(min, CNY));
                    }
                    if ((bounds & 2) != 0) {
                        rule = rule.withMaximum(MinorUnits.toAmount(max, CNY));
                    }
                    return rule;
                });
    }

    Arbitrary<CommissionRule> tiered(TierMode mode) {
        return Combinators.combine(rates().list().ofMinSize(1).ofMaxSize(5),
                        Arbitraries.longs().between(1, 2_000_000).list().ofSize(4))
                .as((rates, widths) -> {
                    List<Tier> tiers = new ArrayList<>();
                    long from = 0;
                    for (int i = 0; i < rates.size(); i++) {
                        tiers.add(new Tier(MinorUnits.toAmount(from, CNY), rates.get(i)));
                        if (i < widths.size()) {
                            from += widths.get(i);
                        }
                    }
                    return CommissionRule.tiered("tiers", new RuleScope.Everything(), mode, tiers);
                });
    }

    Arbitrary<Rate> rates() {
        return Arbitraries.longs().between(0, 10_000).map(Rate::basisPoints);
    }
}
