package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.BundlePrice;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.FreeGift;
import dev.mercato.pricing.promotion.rule.PreSale;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.javamoney.moneta.Money;

class PricingEngineProperties {

    record Scenario(List<Promotion> promotions, PricingRequest request) {}

    static Arbitrary<Scenario> scenarios(int maxPromotions, int maxLines) {
        List<Arbitrary<Scenario>> perCurrency = new ArrayList<>();
        for (String code : List.of("JPY", "CNY", "USD", "BHD")) {
            CurrencyUnit currency = Monetary.getCurrency(code);
            perCurrency.add(Combinators.combine(PricingArbitraries.promotionSets(currency, maxPromotions),
                    PricingArbitraries.requests(currency, maxLines)).as(Scenario::new));
        }
        return Arbitraries.oneOf(perCurrency);
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return scenarios(8, 8);
    }

    @Provide
    Arbitrary<Scenario> smallScenarios() {
        return scenarios(6, 3);
    }

    private static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    private static PricingResult price(Scenario s) {
        return PricingEngine.of(s.promotions()).price(s.request());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void totalIsTheSumOfLineFinalsPlusShippingMinusShippingDiscounts(@ForAll("scenarios") Scenario s) {
        PricingResult r = price(s);
        long finals = r.lines().stream().mapToLong(l -> minor(l.finalAmount())).sum();
        long shipping = r.sellers().stream().mapToLong(x -> minor(x.shipping())).sum();
        long shippingDiscounts = r.sellers().stream().flatMap(x -> x.shippingDiscounts().stream())
                .mapToLong(d -> minor(d.amount())).sum();
        assertEquals(finals + shipping - shippingDiscounts, minor(r.totals().payable()));
        assertEquals(minor(r.totals().payable()), r.sellers().stream().mapToLong(x -> minor(x.payable())).sum());
        assertEquals(minor(r.totals().payable()), minor(r.totals().payableNow()) + minor(r.totals().payableLater()));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void noLineGoesBelowZeroAndEachFinalIsItsStartMinusItsDiscounts(@ForAll("scenarios") Scenario s) {
        PricingResult r = price(s);
        for (LineResult line : r.lines()) {
            long discounts = line.discounts().stream().mapToLong(d -> minor(d.amount())).sum();
            assertTrue(minor(line.finalAmount()) >= 0, () -> line + " is below zero");
            assertEquals(minor(line.startingAmount()) - discounts, minor(line.finalAmount()), line::toString);
            assertTrue(minor(line.startingAmount()) <= minor(line.listAmount()), line::toString);
            assertEquals(line.quantity(), line.priceLevels().stream().mapToLong(LevelSegment::units).sum());
        }
        for (SellerResult seller : r.sellers()) {
            assertTrue(minor(seller.shippingDiscount()) <= minor(seller.shipping()), seller::toString);
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void noPromotionDiscountsMoreThanItsRuleAllows(@ForAll("scenarios") Scenario s) {
        PricingResult r = price(s);
        Map<String, Long> byPromotion = new HashMap<>();
        r.lines().forEach(l -> l.discounts().forEach(d -> byPromotion.merge(d.promotionId(), minor(d.amount()), Long::sum)));
        r.sellers().forEach(x -> x.shippingDiscounts().forEach(d -> byPromotion.merge(d.promotionId(), minor(d.amount()), Long::sum)));
        for (Promotion p : s.promotions()) {
            long given = byPromotion.getOrDefault(p.id(), 0L);
            long allowed = allowance(p, s.request(), r);
            assertTrue(given <= allowed, () -> p + " gave " + given + " but its rule allows " + allowed);
            Optional<Decision> decision = r.decision(p.id());
            assertTrue(decision.isPresent(), () -> "no decision on " + p.id());
            if (given > 0) {
                assertTrue(decision.get() instanceof Decision.Applied);
                assertEquals(given, minor(((Decision.Applied) decision.get()).amount()));
            }
        }
    }

    /** The most a promotion's rule allows on this request, in minor units. */
    private static long allowance(Promotion p, PricingRequest request, PricingResult r) {
        long inScopeList = 0;
        long inScopeUnits = 0;
        int sellersInScope = 0;
        java.util.Set<String> sellers = new java.util.HashSet<>();
        Scope scope = scopeOf(p);
        for (PricingLine line : request.lines()) {
            if (scope.matches(line)) {
                inScopeList += minor(line.listUnitPrice()) * line.quantity();
                inScopeUnits += line.quantity();
                sellers.add(line.seller());
            }
        }
        sellersInScope = sellers.size();
        long shipping = request.shipping().values().stream().mapToLong(PricingEngineProperties::minor).sum();
        RoundingPolicy up = RoundingPolicy.HALF_UP;
        if (p instanceof PercentOff x) {
            return x.rate().applyToMinor(inScopeList, up);
        } else if (p instanceof AmountOff x) {
            return minor(x.perUnit()) * inScopeUnits;
        } else if (p instanceof ThresholdReduction x) {
            long most = minor(x.tiers().get(x.tiers().size() - 1).off());
            return most * (x.reach() == Reach.PER_SHOP ? sellersInScope : 1);
        } else if (p instanceof RepeatingReduction x) {
            long groups = x.reach() == Reach.PER_SHOP ? sellersInScope : 1;
            long byRule = (inScopeList / minor(x.every())) * minor(x.off());
            return Math.min(byRule, x.cap().map(c -> minor(c) * groups).orElse(Long.MAX_VALUE));
        } else if (p instanceof Coupon x) {
            if (x.value() instanceof CouponValue.Amount a) {
                return minor(a.off());
            }
            CouponValue.Percent pc = (CouponValue.Percent) x.value();
            long byRate = pc.rate().applyToMinor(inScopeList, up);
            return Math.min(byRate, pc.maxDiscount().map(PricingEngineProperties::minor).orElse(Long.MAX_VALUE));
        } else if (p instanceof FreeShipping) {
            return shipping;
        } else if (p instanceof ShippingCoupon x) {
            return Math.min(minor(x.maxOff()), shipping);
        } else if (p instanceof BuyXGetY x) {
            return inScopeList;
        } else if (p instanceof PreSale x) {
            return (minor(x.depositValue()) - minor(x.deposit())) * inScopeUnits;
        } else if (p instanceof BundlePrice x) {
            long value = 0;
            for (PricingLine line : request.lines()) {
                if (x.items().containsKey(line.sku())) {
                    value += minor(line.listUnitPrice()) * line.quantity();
                }
            }
            return value;
        } else if (p instanceof FreeGift) {
            return 0;
        }
        // Price levels are not discounts; other kinds: never more than the list amount in scope.
        return p.lane() == Lane.PRICE_LEVEL ? 0 : inScopeList;
    }

    private static Scope scopeOf(Promotion p) {
        try {
            return (Scope) p.getClass().getMethod("scope").invoke(p);
        } catch (ReflectiveOperationException e) {
            return Scope.all();
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void platformFundedPlusSellerFundedEqualsEachDiscount(@ForAll("scenarios") Scenario s) {
        PricingResult r = price(s);
        List<Discount> all = new ArrayList<>();
        r.lines().forEach(l -> all.addAll(l.discounts()));
        r.sellers().forEach(x -> all.addAll(x.shippingDiscounts()));
        for (Discount d : all) {
            assertEquals(minor(d.amount()), minor(d.platformFunded()) + minor(d.sellerFunded()), d::toString);
            assertTrue(minor(d.platformFunded()) >= 0 && minor(d.sellerFunded()) >= 0, d::toString);
        }
        Totals t = r.totals();
        assertEquals(minor(t.discounts()) + minor(t.shippingDiscount()), minor(t.platformFunded()) + minor(t.sellerFunded()));
        for (Decision d : r.explanation()) {
            if (d instanceof Decision.Applied a && a.lane() != Lane.PRICE_LEVEL) {
                assertEquals(minor(a.amount()), minor(a.platformFunded()) + minor(a.sellerFunded()), a::toString);
            }
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void proratedPartsAddUpToTheirDiscount(@ForAll("scenarios") Scenario s) {
        PricingResult r = price(s);
        for (Proration p : r.prorations()) {
            assertEquals(minor(p.amount()), p.parts().stream().mapToLong(PricingEngineProperties::minor).sum());
            assertEquals(p.lineIds().size(), p.weights().size());
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void shufflingTheLinesChangesNothing(@ForAll("scenarios") Scenario s, @ForAll long seed) {
        List<PricingLine> shuffled = new ArrayList<>(s.request().lines());
        Collections.shuffle(shuffled, new Random(seed));
        List<Promotion> promotions = new ArrayList<>(s.promotions());
        Collections.shuffle(promotions, new Random(seed));
        PricingResult original = price(s);
        PricingResult reordered = PricingEngine.of(promotions).price(s.request().withLines(shuffled));
        assertEquals(original, reordered);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aPromotionInAnotherCurrencyIsRejected(@ForAll("scenarios") Scenario s) {
        CurrencyUnit other = s.request().currency().getCurrencyCode().equals("EUR")
                ? Monetary.getCurrency("CNY") : Monetary.getCurrency("EUR");
        List<Promotion> promotions = new ArrayList<>(s.promotions());
        promotions.add(new AmountOff(PromotionTerms.of("foreign"), Scope.all(), Money.of(1, other)));
        assertThrows(CurrencyMismatchException.class, () -> PricingEngine.of(promotions).price(s.request()));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aLineInAnotherCurrencyIsRejected(@ForAll("scenarios") Scenario s) {
        PricingLine first = s.request().lines().get(0);
        CurrencyUnit other = s.request().currency().getCurrencyCode().equals("EUR")
                ? Monetary.getCurrency("CNY") : Monetary.getCurrency("EUR");
        List<PricingLine> lines = new ArrayList<>(s.request().lines());
        lines.set(0, new PricingLine(first.lineId(), first.sku(), first.seller(), first.categoryPath(),
                first.quantity(), Money.of(1, other), List.of()));
        assertThrows(CurrencyMismatchException.class, () -> s.request().withLines(lines));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theSearchGivesExactlyTheResultOfPricingEveryCombinationFromScratch(@ForAll("scenarios") Scenario s) {
        PricingEngine engine = PricingEngine.of(s.promotions());
        PricingResult expected = NaiveSearch.price(engine, s.request());
        PricingResult actual = engine.price(s.request());
        assertEquals(expected, actual);
        assertEquals(expected.toString(), actual.toString());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void pastTheSearchBoundTheSearchStillGivesTheResultOfFullRuns(@ForAll("scenarios") Scenario s) {
        PricingEngine engine = PricingEngine.of(s.promotions(), PricingOptions.defaults().withSearchBound(1));
        assertEquals(NaiveSearch.price(engine, s.request()), engine.price(s.request()));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aResultReadInAnyOrderIsTheResultBuiltAtOnce(@ForAll("scenarios") Scenario s, @ForAll long seed) {
        PricingEngine engine = PricingEngine.of(s.promotions());
        PricingResult expected = NaiveSearch.price(engine, s.request());
        PricingResult actual = engine.price(s.request());
        Random random = new Random(seed);
        List<Runnable> reads = new ArrayList<>();
        for (int i = 0; i < actual.lines().size(); i++) {
            int line = i;
            reads.add(() -> assertEquals(expected.lines().get(line), actual.lines().get(line)));
        }
        for (int i = 0; i < actual.explanation().size(); i++) {
            int decision = i;
            reads.add(() -> assertEquals(expected.explanation().get(decision).describe(),
                    actual.explanation().get(decision).describe()));
        }
        for (int i = 0; i < actual.prorations().size(); i++) {
            int proration = i;
            reads.add(() -> assertEquals(expected.prorations().get(proration), actual.prorations().get(proration)));
        }
        for (int i = 0; i < actual.sellers().size(); i++) {
            int seller = i;
            reads.add(() -> assertEquals(expected.sellers().get(seller), actual.sellers().get(seller)));
        }
        Collections.shuffle(reads, random);
        reads.forEach(Runnable::run);
        assertEquals(expected, actual);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void onSmallCartsTheChosenResultIsNeverWorseThanAnyValidCombination(@ForAll("smallScenarios") Scenario s) {
        PricingEngine engine = PricingEngine.of(s.promotions());
        PricingResult chosen = engine.price(s.request());
        PricingOptions options = PricingOptions.defaults();
        Map<String, List<Promotion>> groups = new HashMap<>();
        List<Promotion> free = new ArrayList<>();
        for (Promotion p : s.promotions()) {
            Optional<String> g = p.exclusivityGroup();
            if (g.isPresent()) {
                groups.computeIfAbsent(g.get(), k -> new ArrayList<>()).add(p);
            } else {
                free.add(p);
            }
        }
        List<List<List<Promotion>>> choicesPerGroup = new ArrayList<>();
        for (Map.Entry<String, List<Promotion>> e : groups.entrySet()) {
            choicesPerGroup.add(subsetsUpTo(e.getValue(), options.limitOf(e.getKey())));
        }
        long best = Long.MAX_VALUE;
        int[] index = new int[choicesPerGroup.size()];
        while (true) {
            List<Promotion> combination = new ArrayList<>(free);
            for (int g = 0; g < index.length; g++) {
                combination.addAll(choicesPerGroup.get(g).get(index[g]));
            }
            best = Math.min(best, minor(PricingEngine.of(combination).price(s.request()).payable()));
            int g = 0;
            while (g < index.length && ++index[g] == choicesPerGroup.get(g).size()) {
                index[g++] = 0;
            }
            if (g == index.length) {
                break;
            }
        }
        long chosenPayable = minor(chosen.payable());
        long bestFound = best;
        assertTrue(chosenPayable <= bestFound, () -> "engine chose " + chosenPayable + " but a combination pays " + bestFound);
        if (chosen.search().exhaustive()) {
            assertEquals(bestFound, chosenPayable);
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void pastTheSearchBoundTheEngineImprovesGroupByGroupAndStaysConsistent(@ForAll("smallScenarios") Scenario s) {
        // Order search and benefit variants add runs of their own: counted here without them.
        PricingOptions plain = PricingOptions.defaults().withOrderSearch(java.util.Set.of(), 1)
                .withBenefitsNeverCostingMore(false);
        PricingResult exhaustive = PricingEngine.of(s.promotions(), plain).price(s.request());
        PricingResult bounded = PricingEngine.of(s.promotions(), plain.withSearchBound(1)).price(s.request());

        assertTrue(minor(bounded.payable()) >= minor(exhaustive.payable()), "the exhaustive search is optimal");
        if (exhaustive.search().combinationsEvaluated() > 2) {
            assertTrue(!bounded.search().exhaustive(), bounded.search()::toString);
            assertTrue(bounded.search().combinationsEvaluated() <= exhaustive.search().combinationsEvaluated(),
                    () -> bounded.search() + " vs " + exhaustive.search());
        }
        long finals = bounded.lines().stream().mapToLong(l -> minor(l.finalAmount())).sum();
        long shipping = minor(bounded.totals().shipping()) - minor(bounded.totals().shippingDiscount());
        assertEquals(finals + shipping, minor(bounded.payable()));
    }

    private static List<List<Promotion>> subsetsUpTo(List<Promotion> members, int limit) {
        List<List<Promotion>> out = new ArrayList<>();
        int n = members.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) <= limit) {
                List<Promotion> subset = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if ((mask & (1 << i)) != 0) {
                        subset.add(members.get(i));
                    }
                }
                out.add(subset);
            }
        }
        return out;
    }
}
