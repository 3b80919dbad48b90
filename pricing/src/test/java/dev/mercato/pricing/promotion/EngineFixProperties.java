package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.rule.FlashSale;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/** Brute force over small carts for the flash-sale allocation, the order search and benefits. */
class EngineFixProperties {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    private static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    private static MonetaryAmount cny(long minor) {
        return MinorUnits.toAmount(minor, CNY);
    }

    // --- flash sale: per-buyer units go where they save most ---

    record FlashCart(List<PricingLine> lines, long flashPrice, long limit, long stock) {}

    @Provide
    Arbitrary<FlashCart> flashCarts() {
        Arbitrary<PricingLine> line = Combinators.combine(Arbitraries.of("shop-a", "shop-b", "shop-c"),
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(100, 2_000),
                Arbitraries.longs().between(50, 2_000), Arbitraries.of(true, false))
                .as((seller, quantity, list, member, hasMember) -> {
                    PricingLine l = PricingLine.of("x", "flash-sku", seller, List.of("phones"), quantity, cny(list));
                    return hasMember ? l.withPriceLevels(PriceLevel.member("GOLD", cny(member))) : l;
                });
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.longs().between(0, 1_500),
                Arbitraries.longs().between(1, 4), Arbitraries.longs().between(1, 6))
                .as((lines, price, limit, stock) -> {
                    List<PricingLine> named = new ArrayList<>();
                    for (int i = 0; i < lines.size(); i++) {
                        PricingLine l = lines.get(i);
                        named.add(new PricingLine("line-" + i, l.sku(), l.seller(), l.categoryPath(), l.quantity(),
                                l.listUnitPrice(), l.priceLevels()));
                    }
                    return new FlashCart(named, price, limit, stock);
                });
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void flashUnitsGiveTheCheapestCartOfEveryWayToShareThemOut(@ForAll("flashCarts") FlashCart c,
            @ForAll boolean gold) {
        Promotion flash = new FlashSale(PromotionTerms.of("flash"), Scope.skus("flash-sku"), cny(c.flashPrice()),
                c.stock(), c.limit());
        BuyerContext buyer = gold ? BuyerContext.anonymous().withTiers("GOLD") : BuyerContext.anonymous();
        PricingRequest request = PricingRequest.of(CNY, PricingArbitraries.NOW, c.lines()).withBuyer(buyer);
        PricingResult result = PricingEngine.of(List.of(flash)).price(request);

        long cap = Math.min(c.stock(), c.limit());
        long best = bestShare(c, buyer, 0, cap);
        assertEquals(best, minor(result.payable()));

        long flashUnits = result.lines().stream().flatMap(l -> l.priceLevels().stream())
                .filter(s -> s.level().equals("flash")).mapToLong(LevelSegment::units).sum();
        assertTrue(flashUnits <= cap);
        Decision decision = result.decision("flash").orElseThrow();
        if (decision instanceof Decision.Applied applied) {
            assertTrue(applied.detail().contains(flashUnits + " of "), applied::detail);
            assertTrue(flashUnits > 0);
        } else {
            // "every line in scope has a lower price level" must be true.
            assertEquals(0, flashUnits);
            for (PricingLine l : c.lines()) {
                assertTrue(otherUnitPrice(l, buyer) <= c.flashPrice(), () -> l + " would save with the flash price");
            }
        }
    }

    /** The cheapest total over every way to give at most {@code left} flash units to lines from {@code i} on. */
    private static long bestShare(FlashCart c, BuyerContext buyer, int i, long left) {
        if (i == c.lines().size()) {
            return 0;
        }
        PricingLine l = c.lines().get(i);
        long other = otherUnitPrice(l, buyer);
        long best = Long.MAX_VALUE;
        for (long u = 0; u <= Math.min(left, l.quantity()); u++) {
            long unit = Math.min(other, c.flashPrice());
            long cost = u * unit + (l.quantity() - u) * other + bestShare(c, buyer, i + 1, left - u);
            best = Math.min(best, cost);
        }
        return best;
    }

    private static long otherUnitPrice(PricingLine l, BuyerContext buyer) {
        long other = minor(l.listUnitPrice());
        for (PriceLevel level : l.priceLevels()) {
            if (level.appliesTo(buyer, l.quantity())) {
                other = Math.min(other, minor(level.unitPrice()));
            }
        }
        return other;
    }

    // --- order within a lane: shipping coupons and free shipping ---

    record ShippingCart(List<PricingLine> lines, Map<String, MonetaryAmount> shipping, List<Promotion> promotions) {}

    @Provide
    Arbitrary<ShippingCart> shippingCarts() {
        Arbitrary<PricingLine> line = Combinators.combine(Arbitraries.of("shop-a", "shop-b", "shop-c"),
                Arbitraries.longs().between(100, 20_000))
                .as((seller, list) -> PricingLine.of("x", "sku", seller, List.of("tea"), 1, cny(list)));
        Arbitrary<Promotion> free = Combinators.combine(Arbitraries.longs().between(0, 20_000),
                Arbitraries.of(Scope.all(), Scope.sellers("shop-a"), Scope.sellers("shop-b")))
                .as((threshold, scope) -> new FreeShipping(PromotionTerms.of("free"), scope, cny(threshold)));
        Arbitrary<Promotion> coupon = Combinators.combine(Arbitraries.longs().between(1, 1_500),
                Arbitraries.of(Optional.<String>empty(), Optional.of("shop-a"), Optional.of("shop-b")))
                .as((off, shop) -> new ShippingCoupon(PromotionTerms.of("coupon"), shop, cny(0), cny(off)));
        Arbitrary<List<Promotion>> promotions = Arbitraries.oneOf(free, coupon).list().ofMinSize(2).ofMaxSize(4)
                .map(list -> {
                    List<Promotion> out = new ArrayList<>();
                    for (int i = 0; i < list.size(); i++) {
                        out.add(renamed(list.get(i), "p" + i));
                    }
                    return out;
                });
        Arbitrary<Map<String, MonetaryAmount>> shipping = Arbitraries.longs().between(0, 1_500).list().ofSize(3)
                .map(fees -> Map.of("shop-a", cny(fees.get(0)), "shop-b", cny(fees.get(1)), "shop-c", cny(fees.get(2))));
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), shipping, promotions)
                .as((lines, ship, promos) -> {
                    List<PricingLine> named = new ArrayList<>();
                    Set<String> sellers = new HashSet<>();
                    for (int i = 0; i < lines.size(); i++) {
                        PricingLine l = lines.get(i);
                        named.add(PricingLine.of("line-" + i, l.sku(), l.seller(), l.categoryPath(), 1, l.listUnitPrice()));
                        sellers.add(l.seller());
                    }
                    Map<String, MonetaryAmount> charges = new HashMap<>();
                    sellers.forEach(s -> charges.put(s, ship.get(s)));
                    return new ShippingCart(named, charges, promos);
                });
    }

    private static Promotion renamed(Promotion p, String id) {
        if (p instanceof FreeShipping f) {
            return new FreeShipping(PromotionTerms.of(id), f.scope(), f.threshold());
        }
        ShippingCoupon s = (ShippingCoupon) p;
        return new ShippingCoupon(PromotionTerms.of(id), s.shop(), s.minSpend(), s.maxOff());
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theShippingLaneIsPricedInTheCheapestOrderOfEveryChoiceOfCoupon(@ForAll("shippingCarts") ShippingCart c) {
        Set<String> held = new HashSet<>();
        c.promotions().forEach(p -> held.add(p.id()));
        PricingRequest request = PricingRequest.of(CNY, PricingArbitraries.NOW, c.lines()).withShipping(c.shipping())
                .withBuyer(BuyerContext.anonymous().withCoupons(held.toArray(new String[0])));
        PricingResult result = PricingEngine.of(c.promotions()).price(request);

        // Every choice of at most one shipping coupon, every order of what applies, from scratch.
        List<Promotion> free = new ArrayList<>();
        List<Promotion> coupons = new ArrayList<>();
        c.promotions().forEach(p -> (p instanceof ShippingCoupon ? coupons : free).add(p));
        long best = Long.MAX_VALUE;
        PricingOptions fixedOrder = PricingOptions.defaults().withOrderSearch(Set.of(), 1);
        for (int k = -1; k < coupons.size(); k++) {
            List<Promotion> chosen = new ArrayList<>(free);
            if (k >= 0) {
                chosen.add(coupons.get(k));
            }
            for (List<Promotion> order : orders(chosen)) {
                List<Promotion> forced = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    forced.add(new Prioritized(order.get(i), 100 - i));
                }
                best = Math.min(best, minor(PricingEngine.of(forced, fixedOrder).price(request).payable()));
            }
        }
        assertEquals(best, minor(result.payable()));
    }

    private static List<List<Promotion>> orders(List<Promotion> items) {
        List<List<Promotion>> out = new ArrayList<>();
        if (items.isEmpty()) {
            out.add(new ArrayList<>());
            return out;
        }
        for (int i = 0; i < items.size(); i++) {
            List<Promotion> rest = new ArrayList<>(items);
            Promotion first = rest.remove(i);
            for (List<Promotion> tail : orders(rest)) {
                tail.add(0, first);
                out.add(tail);
            }
        }
        return out;
    }

    /** A promotion with another priority: forces an order of application. */
    record Prioritized(Promotion inner, int priority) implements Promotion {
        @Override
        public PromotionTerms terms() {
            return inner.terms().withPriority(priority);
        }

        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public Lane lane() {
            return inner.lane();
        }

        @Override
        public Outcome evaluate(PromotionContext context) {
            return inner.evaluate(context);
        }

        @Override
        public Optional<String> exclusivityGroup() {
            return inner.exclusivityGroup();
        }

        @Override
        public Funding funding() {
            return inner.funding();
        }
    }

    // --- benefits never cost more ---

    @Provide
    Arbitrary<PricingEngineProperties.Scenario> smallScenarios() {
        return PricingEngineProperties.scenarios(6, 3);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void aBuyerWithMoreBenefitsNeverPaysMoreForTheSameCart(@ForAll("smallScenarios") PricingEngineProperties.Scenario s,
            @ForAll boolean dropNewUser, @ForAll("tierSubsets") Set<String> keptTiers) {
        BuyerContext buyer = s.request().buyer();
        Set<String> fewer = new HashSet<>(buyer.tiers());
        fewer.retainAll(keptTiers);
        BuyerContext less = new BuyerContext(fewer, buyer.benefits(), buyer.newUser() && !dropNewUser,
                buyer.couponsHeld(), buyer.flags());
        PricingEngine engine = PricingEngine.of(s.promotions());
        long more = minor(engine.price(s.request()).payable());
        long fewerBenefits = minor(engine.price(s.request().withBuyer(less)).payable());
        assertTrue(more <= fewerBenefits, () -> "with " + buyer + " pays " + more + ", with " + less + " " + fewerBenefits);
    }

    /**
     * Carts where benefits and thresholds meet: member and new-user prices a little below list,
     * and per-shop thresholds between the member total and the list total.
     */
    @Provide
    Arbitrary<PricingEngineProperties.Scenario> benefitCarts() {
        Arbitrary<PricingLine> line = Combinators.combine(Arbitraries.of("shop-a", "shop-b"),
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1_000, 30_000),
                Arbitraries.integers().between(0, 15), Arbitraries.integers().between(0, 15), Arbitraries.of(0, 1, 2, 3))
                .as((seller, quantity, list, goldOff, newOff, levels) -> {
                    PricingLine l = PricingLine.of("x", "sku-1", seller, List.of("tea"), quantity, cny(list));
                    if ((levels & 1) != 0) {
                        l = l.withPriceLevels(PriceLevel.member("GOLD", cny(list * (100 - goldOff) / 100)));
                    }
                    if ((levels & 2) != 0) {
                        l = l.withPriceLevels(PriceLevel.newUser(cny(list * (100 - newOff) / 100)));
                    }
                    return l;
                });
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(85, 105),
                Arbitraries.longs().between(100, 5_000), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 20))
                .as((lines, thresholdPercent, off, gold, isNew, plusOff) -> {
                    List<PricingLine> named = new ArrayList<>();
                    long list = 0;
                    for (int i = 0; i < lines.size(); i++) {
                        PricingLine l = lines.get(i);
                        named.add(new PricingLine("line-" + i, "sku-" + i, l.seller(), l.categoryPath(), l.quantity(),
                                l.listUnitPrice(), l.priceLevels()));
                        list += minor(l.listUnitPrice()) * l.quantity();
                    }
                    long threshold = list * thresholdPercent / 100 / lines.size();
                    List<Promotion> promotions = List.of(
                            new dev.mercato.pricing.promotion.rule.ThresholdReduction(PromotionTerms.of("spend"),
                                    Scope.all(), dev.mercato.pricing.promotion.rule.Reach.PER_SHOP,
                                    List.of(new dev.mercato.pricing.promotion.rule.Tier(cny(threshold), cny(off))),
                                    dev.mercato.pricing.promotion.rule.Measure.RUNNING),
                            new dev.mercato.pricing.promotion.rule.MemberPercentOff(
                                    PromotionTerms.of("plus").forTiers("PLUS"), Scope.all(),
                                    dev.mercato.pricing.money.Rate.percent(plusOff)));
                    List<String> tiers = new ArrayList<>();
                    if (gold) {
                        tiers.add("GOLD");
                    }
                    if (plusOff % 2 == 0) {
                        tiers.add("PLUS");
                    }
                    BuyerContext buyer = new BuyerContext(Set.copyOf(tiers), Set.of(), isNew, Set.of(), Set.of());
                    return new PricingEngineProperties.Scenario(promotions,
                            PricingRequest.of(CNY, PricingArbitraries.NOW, named).withBuyer(buyer));
                });
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void whereBenefitsMeetThresholdsTheBuyerPaysTheCheapestOfEveryBuyerWithFewerBenefits(
            @ForAll("benefitCarts") PricingEngineProperties.Scenario s) {
        theBuyerPaysTheCheapestPriceOfItselfAndEveryBuyerWithFewerBenefits(s);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void whereBenefitsMeetThresholdsMoreBenefitsNeverCostMore(@ForAll("benefitCarts") PricingEngineProperties.Scenario s,
            @ForAll boolean dropNewUser, @ForAll("tierSubsets") Set<String> keptTiers) {
        aBuyerWithMoreBenefitsNeverPaysMoreForTheSameCart(s, dropNewUser, keptTiers);
    }

    @Provide
    Arbitrary<Set<String>> tierSubsets() {
        return Arbitraries.of(PricingArbitraries.TIERS).set();
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theBuyerPaysTheCheapestPriceOfItselfAndEveryBuyerWithFewerBenefits(
            @ForAll("smallScenarios") PricingEngineProperties.Scenario s) {
        BuyerContext buyer = s.request().buyer();
        PricingEngine asHeld = PricingEngine.of(s.promotions(), PricingOptions.defaults().withBenefitsNeverCostingMore(false));
        List<String> tiers = new ArrayList<>(buyer.tiers());
        long best = Long.MAX_VALUE;
        for (int mask = 0; mask < (1 << tiers.size()); mask++) {
            Set<String> kept = new HashSet<>();
            for (int k = 0; k < tiers.size(); k++) {
                if ((mask & (1 << k)) != 0) {
                    kept.add(tiers.get(k));
                }
            }
            for (boolean isNew : buyer.newUser() ? List.of(true, false) : List.of(false)) {
                BuyerContext b = new BuyerContext(kept, buyer.benefits(), isNew, buyer.couponsHeld(), buyer.flags());
                best = Math.min(best, minor(asHeld.price(s.request().withBuyer(b)).payable()));
            }
        }
        PricingResult result = PricingEngine.of(s.promotions()).price(s.request());
        assertEquals(best, minor(result.payable()));
        for (String declined : result.search().benefitsDeclined()) {
            assertTrue(declined.equals("new-user") ? buyer.newUser() : buyer.tiers().contains(declined.substring(5)),
                    declined);
        }
    }
}
