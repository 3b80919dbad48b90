package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponApplication;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FirstAndAdditionalPrice;
import dev.mercato.pricing.promotion.rule.Pick;
import dev.mercato.pricing.promotion.rule.QuantityForPrice;
import dev.mercato.pricing.promotion.rule.QuantityLimitedDiscount;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.ShippingDiscount;
import dev.mercato.pricing.promotion.rule.ShippingTier;
import dev.mercato.pricing.promotion.rule.UnitOff;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/** The engine's invariants hold with the new shapes mixed into generated promotion sets. */
class PromotionShapeProperties {

    @Provide
    Arbitrary<PricingEngineProperties.Scenario> scenarios() {
        List<Arbitrary<PricingEngineProperties.Scenario>> perCurrency = new ArrayList<>();
        for (String code : List.of("JPY", "CNY", "USD", "BHD")) {
            CurrencyUnit c = Monetary.getCurrency(code);
            perCurrency.add(Combinators.combine(PricingArbitraries.promotionSets(c, 4), shapes(c).list().ofMaxSize(4),
                    PricingArbitraries.requests(c, 5)).as((base, extra, request) -> {
                        List<Promotion> all = new ArrayList<>(base);
                        for (int i = 0; i < extra.size(); i++) {
                            all.add(extra.get(i).apply("shape-" + i));
                        }
                        PricingRequest r = request.withBuyer(request.buyer().withCoupons(
                                request.buyer().couponsHeld().toArray(new String[0])));
                        List<String> held = new ArrayList<>(r.buyer().couponsHeld());
                        for (int i = 0; i < extra.size(); i++) {
                            held.add("shape-" + i);
                        }
                        return new PricingEngineProperties.Scenario(all,
                                r.withBuyer(r.buyer().withCoupons(held.toArray(new String[0]))));
                    }));
        }
        return Arbitraries.oneOf(perCurrency);
    }

    interface Shape {
        Promotion apply(String id);
    }

    static Arbitrary<Shape> shapes(CurrencyUnit c) {
        Arbitrary<MonetaryAmount> small = PricingArbitraries.money(c, 1, 20_000);
        Arbitrary<Rate> rates = PricingArbitraries.rates();
        Arbitrary<Shape> bxgy = Combinators.combine(PricingArbitraries.scopes(), PricingArbitraries.scopes(),
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 2), Arbitraries.of(Pick.class),
                Arbitraries.longs().between(1, 3), rates)
                .as((buy, get, x, y, pick, max, rate) -> id -> new BuyXGetY(PromotionTerms.of(id), buy, x, y, rate, get,
                        pick, max));
        Arbitrary<Shape> limited = Combinators.combine(PricingArbitraries.scopes(), rates, small, Arbitraries.of(true, false),
                Arbitraries.longs().between(1, 5))
                .as((scope, rate, off, percent, max) -> id -> new QuantityLimitedDiscount(PromotionTerms.of(id), scope,
                        percent ? new UnitOff.Percent(rate) : new UnitOff.Amount(off), max));
        Arbitrary<Shape> firstAdditional = Combinators.combine(PricingArbitraries.scopes(), small, small)
                .as((scope, first, more) -> id -> new FirstAndAdditionalPrice(PromotionTerms.of(id), scope, first, more));
        Arbitrary<Shape> nFor = Combinators.combine(PricingArbitraries.scopes(), Arbitraries.longs().between(1, 4), small,
                Arbitraries.longs().between(1, 3))
                .as((scope, n, price, max) -> id -> new QuantityForPrice(PromotionTerms.of(id), scope, n, price, max));
        Arbitrary<Shape> perLine = Combinators.combine(PricingArbitraries.scopes(), small, Arbitraries.of(true, false))
                .as((scope, off, shop) -> id -> new Coupon(PromotionTerms.of(id), shop ? Optional.of("shop-a")
                        : Optional.empty(), scope, MinorUnits.toAmount(0, c), new CouponValue.Amount(off),
                        CouponApplication.ONCE_PER_LINE));
        Arbitrary<Shape> shipping = Combinators.combine(PricingArbitraries.scopes(), Arbitraries.of(Reach.class), rates,
                small, PricingArbitraries.money(c, 0, 10_000))
                .as((scope, reach, rate, off, threshold) -> id -> new ShippingDiscount(PromotionTerms.of(id), scope, reach,
                        List.of(ShippingTier.percent(MinorUnits.toAmount(0, c), rate),
                                ShippingTier.amount(threshold.add(MinorUnits.toAmount(1, c)), off))));
        return Arbitraries.oneOf(bxgy, limited, firstAdditional, nFor, perLine, shipping);
    }

    private static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void withTheNewShapesTotalsFundingAndProrationsAddUpAndLinesStayAtZeroOrAbove(
            @ForAll("scenarios") PricingEngineProperties.Scenario s) {
        PricingResult r = PricingEngine.of(s.promotions()).price(s.request());
        long finals = 0;
        for (LineResult line : r.lines()) {
            long discounts = line.discounts().stream().mapToLong(d -> minor(d.amount())).sum();
            assertTrue(minor(line.finalAmount()) >= 0, line::toString);
            assertEquals(minor(line.startingAmount()) - discounts, minor(line.finalAmount()));
            finals += minor(line.finalAmount());
        }
        long shipping = minor(r.totals().shipping()) - minor(r.totals().shippingDiscount());
        assertTrue(shipping >= 0);
        assertEquals(finals + shipping, minor(r.payable()));
        List<Discount> all = new ArrayList<>();
        r.lines().forEach(l -> all.addAll(l.discounts()));
        r.sellers().forEach(x -> all.addAll(x.shippingDiscounts()));
        for (Discount d : all) {
            assertEquals(minor(d.amount()), minor(d.platformFunded()) + minor(d.sellerFunded()));
        }
        for (Proration p : r.prorations()) {
            assertEquals(minor(p.amount()), p.parts().stream().mapToLong(PromotionShapeProperties::minor).sum());
        }
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void withTheNewShapesTheSearchGivesTheResultOfPricingFromScratch(
            @ForAll("scenarios") PricingEngineProperties.Scenario s) {
        PricingEngine engine = PricingEngine.of(s.promotions());
        assertEquals(NaiveSearch.price(engine, s.request()), engine.price(s.request()));
    }
}
