package dev.mercato.pricing.commission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class CommissionExamples {
    static final Instant JUNE = Instant.parse("2026-06-15T10:00:00Z");
    static final Instant RATE_CHANGE = Instant.parse("2026-07-01T00:00:00Z");

    final CommissionSchedule mall = CommissionSchedule.of("mall", CommissionProperties.CNY, ChargeBase.PAID_PLUS_SUBSIDY,
            RoundingPolicy.HALF_UP, List.of(
                    CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)),
                    CommissionRule.flat("apparel", category("apparel"), Rate.percent(8)),
                    CommissionRule.flat("dresses", category("apparel/women/dresses"), Rate.percent(10)),
                    CommissionRule.flat("digital-old", category("digital"), Rate.percent(2))
                            .during(EffectivePeriod.until(RATE_CHANGE)),
                    CommissionRule.flat("digital-new", category("digital"), Rate.percent("2.5"))
                            .during(EffectivePeriod.from(RATE_CHANGE)),
                    CommissionRule.flat("brand-acme", new RuleScope.Brand("acme"), Rate.percent(4)),
                    CommissionRule.flat("seller-vip", new RuleScope.Seller("vip"), Rate.percent(3)),
                    CommissionRule.flat("sku-hero", new RuleScope.Sku("hero"), Rate.percent(1)),
                    CommissionRule.flat("books", category("books"), Rate.percent(6))
                            .withMinimum(cny("1.00")).withMaximum(cny("20.00"))));

    @Test
    void aChildCategoryInheritsItsParentsRate() {
        Commission c = mall.commissionFor(line("apparel/women/tops", "200.00").build(), cny("0"));
        assertAmount("16.00", c.amount());
        assertEquals(MatchKind.INHERITED_CATEGORY, c.match());
        assertEquals(Optional.of("apparel"), c.ruleId());
        assertTrue(c.explanation().contains("inherits from apparel"), c.explanation());
    }

    @Test
    void aChildCategoryWithItsOwnRateKeepsIt() {
        Commission c = mall.commissionFor(line("apparel/women/dresses", "200.00").build(), cny("0"));
        assertAmount("20.00", c.amount());
        assertEquals(MatchKind.CATEGORY, c.match());
    }

    @Test
    void aLineInNoRatedCategoryPaysTheDefault() {
        Commission c = mall.commissionFor(line("garden/tools", "100.00").build(), cny("0"));
        assertAmount("5.00", c.amount());
        assertEquals(MatchKind.DEFAULT, c.match());
    }

    @Test
    void skuOverrideBeatsSellerOverrideWhichBeatsBrandOverrideWhichBeatsCategory() {
        SaleLine.Builder b = line("apparel/women/dresses", "100.00").brand("acme").seller("vip", SellerType.BRAND_FLAGSHIP);
        assertEquals("sku-hero", mall.commissionFor(b.sku("hero").build(), cny("0")).ruleId().orElseThrow());
        assertEquals("seller-vip", mall.commissionFor(b.sku("other").build(), cny("0")).ruleId().orElseThrow());
        assertEquals("brand-acme", mall.commissionFor(b.seller("s-9", SellerType.ENTERPRISE).build(), cny("0"))
                .ruleId().orElseThrow());
    }

    @Test
    void theSelfOperatedStoreEarnsMarginAndPaysNoCommission() {
        Commission c = mall.commissionFor(line("apparel", "300.00").seller("jd-self", SellerType.SELF_OPERATED).build(),
                cny("0"));
        assertAmount("0.00", c.amount());
        assertEquals(MatchKind.SELF_OPERATED, c.match());
        assertTrue(c.explanation().contains("margin"));
    }

    @Test
    void aMidPeriodRateChangeAppliesByOrderTime() {
        SaleLine.Builder b = line("digital/phones", "1000.00");
        assertAmount("20.00", mall.commissionFor(b.orderedAt(RATE_CHANGE.minusSeconds(1)).build(), cny("0")).amount());
        Commission after = mall.commissionFor(b.orderedAt(RATE_CHANGE).build(), cny("0"));
        assertAmount("25.00", after.amount());
        assertEquals("digital-new", after.ruleId().orElseThrow());
    }

    @Test
    void thePlatformSubsidyIsPartOfTheBaseWhenTheScheduleSaysSo() {
        Commission c = mall.commissionFor(line("garden", "90.00").platformSubsidy(cny("10.00"))
                .sellerDiscount(cny("5.00")).build(), cny("0"));
        assertAmount("100.00", c.base());
        assertAmount("5.00", c.amount());
    }

    @Test
    void theMinimumRaisesASmallCommissionAndTheMaximumCapsALargeOne() {
        assertAmount("1.00", mall.commissionFor(line("books", "10.00").build(), cny("0")).amount());
        assertAmount("20.00", mall.commissionFor(line("books", "1000.00").build(), cny("0")).amount());
        assertAmount("0.50", mall.commissionFor(line("books", "0.50").build(), cny("0")).amount());
    }

    @Test
    void aMarginalLineEndingExactlyOnATierEdgeIsChargedWhollyInTheLowerBand() {
        CommissionSchedule tiers = tiered(TierMode.MARGINAL);
        // GMV 9,900 before, line of 100 ends exactly on the 10,000 edge: all of it at 5%.
        assertAmount("5.00", tiers.commissionFor(line("any", "100.00").build(), cny("9900.00")).amount());
        // 100.01 crosses it by one fen: 100.00 at 5% + 0.01 at 3% = 5.0003 -> 5.00.
        assertAmount("5.00", tiers.commissionFor(line("any", "100.01").build(), cny("9900.00")).amount());
        // 300 from 9,900: 100 at 5% + 200 at 3% = 11.00.
        assertAmount("11.00", tiers.commissionFor(line("any", "300.00").build(), cny("9900.00")).amount());
    }

    @Test
    void aWholeTierLineEndingExactlyOnATierEdgeReachesTheUpperBand() {
        CommissionSchedule tiers = tiered(TierMode.WHOLE_TIER);
        Commission c = tiers.commissionFor(line("any", "100.00").build(), cny("9900.00"));
        assertAmount("3.00", c.amount());
        assertTrue(c.explanation().contains("reaches the 3% band"), c.explanation());
        assertAmount("4.95", tiers.commissionFor(line("any", "99.00").build(), cny("9900.00")).amount());
    }

    @Test
    void twoRulesForOneScopeInForceAtOnceAreRejectedNamingTheRule() {
        InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> CommissionSchedule.of("bad",
                CommissionProperties.CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP, List.of(
                        CommissionRule.flat("a", category("x"), Rate.percent(1)),
                        CommissionRule.flat("b", category("x"), Rate.percent(2)).during(EffectivePeriod.from(JUNE)))));
        assertEquals("rules[1].period", e.location());
        assertTrue(e.problem().contains("overlaps rule 'a'"), e.problem());
    }

    @Test
    void aBoundInAnotherCurrencyIsRejected() {
        InvalidScheduleException e = assertThrows(InvalidScheduleException.class, () -> CommissionSchedule.of("bad",
                CommissionProperties.CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP, List.of(
                        CommissionRule.flat("a", category("x"), Rate.percent(1)).withMinimum(Money.of(1, "USD")))));
        assertEquals("rules[0].minimum", e.location());
    }

    static CommissionSchedule tiered(TierMode mode) {
        return CommissionSchedule.of("tiers", CommissionProperties.CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP, List.of(
                CommissionRule.tiered("gmv", new RuleScope.Everything(), mode, List.of(
                        new Tier(cny("0"), Rate.percent(5)), new Tier(cny("10000.00"), Rate.percent(3))))));
    }

    static RuleScope category(String path) {
        return new RuleScope.Category(CategoryPath.of(path));
    }

    static SaleLine.Builder line(String category, String paid) {
        return SaleLine.builder().ids("o-1", "l-1").sku("sku-1").seller("s-1", SellerType.ENTERPRISE).category(category)
                .paid(cny(paid)).orderedAt(JUNE);
    }

    static MonetaryAmount cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    static void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(actual.isEqualTo(cny(expected)), "expected CNY " + expected + " but was " + actual);
    }
}
