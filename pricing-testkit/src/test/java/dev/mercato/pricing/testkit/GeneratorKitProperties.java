package dev.mercato.pricing.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.Lane;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import dev.mercato.pricing.promotion.RemainingCaps;

/** The generators stay inside a team's vocabulary and never hand out an id twice. */
class GeneratorKitProperties {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    /** A team whose own rules take the ids a default generator would use. */
    static final Vocabulary TEAM = Vocabulary.defaults().withSkus("oolong", "pu-erh", "mug")
            .withSellers("tea-house", "ware-shop").withCategories("tea", "ware").withTiers("JADE", "GOLD")
            .withBenefits("free-returns").withCouponIds("tea-10", "mug-5", "gen-coupon-1").withFlags("group-formed")
            .reserving("gen-0", "gen-2", "tea-10");

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return PricingArbitraries.currencies();
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void generatedPromotionsNeverTakeAReservedIdNorRepeatOne(@ForAll("sets") List<Promotion> set) {
        Set<String> ids = new HashSet<>();
        for (Promotion p : set) {
            assertTrue(ids.add(p.id()), () -> p.id() + " repeats");
            assertTrue(!TEAM.reservedIds().contains(p.id()), () -> p.id() + " is reserved");
        }
        PricingEngine.of(set);
    }

    @Provide
    Arbitrary<List<Promotion>> sets() {
        return PricingArbitraries.currencies().flatMap(c -> PricingArbitraries.promotionSets(TEAM, c, 12));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void generatedCartsSpeakTheTeamsVocabulary(@ForAll("teamCarts") PricingRequest cart) {
        Set<String> lineIds = new HashSet<>();
        for (PricingLine line : cart.lines()) {
            assertTrue(lineIds.add(line.lineId()));
            assertTrue(TEAM.skus().contains(line.sku()), line::toString);
            assertTrue(TEAM.sellers().contains(line.seller()), line::toString);
            assertTrue(TEAM.categories().containsAll(line.categoryPath()), line::toString);
        }
        assertTrue(TEAM.tiers().containsAll(cart.buyer().tiers()));
        assertTrue(TEAM.benefits().containsAll(cart.buyer().benefits()));
        assertTrue(TEAM.couponIds().containsAll(cart.buyer().couponsHeld()));
        assertTrue(TEAM.flags().containsAll(cart.buyer().flags()));
        assertTrue(TEAM.sellers().containsAll(cart.shipping().keySet()));
    }

    @Provide
    Arbitrary<PricingRequest> teamCarts() {
        return PricingArbitraries.requests(TEAM, CNY, 6,
                PricingArbitraries.instantsAround(Window.between(PricingArbitraries.NOW, PricingArbitraries.NOW
                        .plus(Duration.ofDays(1)))));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, Promotion>> byKind() {
        return Arbitraries.of(PricingArbitraries.kinds()).flatMap(kind -> PricingArbitraries.currencies()
                .flatMap(c -> PricingArbitraries.promotionsOfKind(TEAM, c, kind)).map(p -> Tuple.of(kind, p)));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void everyKindGeneratesThatKind(@ForAll("byKind") Tuple.Tuple2<String, Promotion> made) {
        assertEquals(made.get1(), made.get2().kind());
        assertTrue(!TEAM.reservedIds().contains(made.get2().id()));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Lane, Promotion>> byLane() {
        return Arbitraries.of(Lane.class).flatMap(lane -> PricingArbitraries.currencies()
                .flatMap(c -> PricingArbitraries.promotionsInLane(TEAM, c, lane)).map(p -> Tuple.of(lane, p)));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void everyLaneGeneratesPromotionsOfThatLane(@ForAll("byLane") Tuple.Tuple2<Lane, Promotion> made) {
        assertEquals(made.get1(), made.get2().lane());
    }

    @Provide
    Arbitrary<MonetaryAmount> nearNinetyNine() {
        return PricingArbitraries.currencies().flatMap(c -> PricingArbitraries.amountsNear(
                MinorUnits.toAmount(99 * MinorUnits.unitsPerMajor(c), c)));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void amountsNearAThresholdStayWithinTwiceItAndHitItOften(@ForAll("nearNinetyNine") MonetaryAmount a) {
        CurrencyUnit c = a.getCurrency();
        long t = 99 * MinorUnits.unitsPerMajor(c);
        long m = MinorUnits.toMinor(a);
        assertTrue(m >= 0 && m <= 2 * t, a::toString);
        Statistics.label("at").collect(m == t ? "threshold" : Math.abs(m - t) <= MinorUnits.unitsPerMajor(c)
                ? "a unit away" : "further");
        Statistics.label("at").coverage(check -> {
            check.check("threshold").percentage(p -> p >= 5);
            check.check("a unit away").percentage(p -> p >= 20);
        });
    }

    private static final Window WINDOW = Window.between(PricingArbitraries.NOW.plus(Duration.ofHours(3)),
            PricingArbitraries.NOW.plus(Duration.ofHours(5)));

    @Provide
    Arbitrary<Instant> aroundTheWindow() {
        return PricingArbitraries.instantsAround(WINDOW);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void instantsAroundAWindowFallInsideItOutsideItAndOnItsBounds(@ForAll("aroundTheWindow") Instant at) {
        boolean bound = at.equals(WINDOW.from()) || at.equals(WINDOW.until());
        Statistics.label("where").collect(bound ? "bound" : WINDOW.contains(at) ? "inside" : "outside");
        Statistics.label("where").coverage(check -> {
            check.check("bound").percentage(p -> p >= 5);
            check.check("inside").percentage(p -> p >= 20);
            check.check("outside").percentage(p -> p >= 20);
        });
    }

    @Provide
    Arbitrary<RemainingCaps> caps() {
        return PricingArbitraries.currencies().flatMap(c -> PricingArbitraries.caps(c, List.of("gen-1", "tea-10")));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void capsNameOnlyTheGivenIdsAndOftenNone(@ForAll("caps") RemainingCaps cap) {
        Set<String> named = new HashSet<>(cap.stockLeft().keySet());
        named.addAll(cap.perBuyerUnitsLeft().keySet());
        named.addAll(cap.usesLeft().keySet());
        named.addAll(cap.budgetLeft().keySet());
        assertTrue(List.of("gen-1", "tea-10").containsAll(named), named::toString);
        Statistics.label("caps").collect(named.isEmpty() ? "none" : "some");
        Statistics.label("caps").coverage(check -> {
            check.check("none").percentage(p -> p >= 30);
            check.check("some").percentage(p -> p >= 15);
        });
    }
}
