package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.json.PromotionJson;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The promotion shapes of buy-X-get-Y sets, limited and first/additional prices, N-for-price, coupons per line, shipping tiers. */
class PromotionShapeExamples {
    static final Instant NOW = Instant.parse("2026-11-11T00:30:00Z");
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final CurrencyUnit JPY = Monetary.getCurrency("JPY");
    static final CurrencyUnit USD = Monetary.getCurrency("USD");
    static final CurrencyUnit BHD = Monetary.getCurrency("BHD");

    static MonetaryAmount m(CurrencyUnit currency, String value) {
        return Money.of(new BigDecimal(value), currency);
    }

    static PricingLine line(CurrencyUnit currency, String id, String sku, String category, String seller, long quantity,
            String unitPrice) {
        return PricingLine.of(id, sku, seller, List.of(category), quantity, m(currency, unitPrice));
    }

    static void assertMoney(CurrencyUnit currency, String expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(m(currency, expected)), MinorUnits.toMinor(actual),
                () -> "expected " + currency + " " + expected + " but was " + actual);
    }

    static PricingResult price(CurrencyUnit currency, List<Promotion> promotions, PricingLine... lines) {
        return PricingEngine.of(promotions).price(PricingRequest.of(currency, NOW, List.of(lines)));
    }

    // buy X get Y with separate sets

    @Test
    void buyTwoShoesGetTheCheaperSockFreeOncePerOrder() {
        Promotion rule = new BuyXGetY(PromotionTerms.of("shoes-sock"), Scope.categories("shoes"), 2, 1,
                Rate.ONE_HUNDRED_PERCENT, Scope.skus("sock", "sock-wool"), Pick.CHEAPEST, 1);
        PricingResult result = price(CNY, List.of(rule),
                line(CNY, "s1", "runner", "shoes", "shop-a", 4, "300.00"),
                line(CNY, "k1", "sock", "socks", "shop-a", 1, "20.00"),
                line(CNY, "k2", "sock-wool", "socks", "shop-a", 1, "35.00"));

        // Four shoes would allow two applications; at most one per order: the 20.00 sock is free.
        assertMoney(CNY, "1235.00", result.payable());
        assertMoney(CNY, "20.00", result.line("k1").orElseThrow().discounts().get(0).amount());
        assertTrue(result.line("k2").orElseThrow().discounts().isEmpty());
        assertTrue(result.line("s1").orElseThrow().discounts().isEmpty());
    }

    @Test
    void buyOneGetOneHalfOffMostExpensiveFirstDiscountsTheDearestShirt() {
        Scope shirts = Scope.categories("shirts");
        Promotion dearest = new BuyXGetY(PromotionTerms.of("b1g1"), shirts, 1, 1, Rate.percent(50), shirts,
                Pick.MOST_EXPENSIVE, Long.MAX_VALUE);
        Promotion cheapest = new BuyXGetY(PromotionTerms.of("b1g1"), shirts, 1, 1, Rate.percent(50));
        PricingLine[] lines = {line(USD, "a", "oxford", "shirts", "shop-a", 1, "30.00"),
                line(USD, "b", "polo", "shirts", "shop-a", 1, "20.00"), line(USD, "c", "tee", "shirts", "shop-a", 1, "10.00")};

        // Three shirts make one application: half of 30.00 off, or half of 10.00 off.
        assertMoney(USD, "45.00", price(USD, List.of(dearest), lines).payable());
        assertMoney(USD, "55.00", price(USD, List.of(cheapest), lines).payable());
    }

    @Test
    void aUnitInBothSetsIsEitherBoughtOrGotNeverBoth() {
        Promotion rule = new BuyXGetY(PromotionTerms.of("drinks-tea"), Scope.categories("drinks"), 2, 1,
                Rate.ONE_HUNDRED_PERCENT, Scope.skus("tea"), Pick.CHEAPEST, Long.MAX_VALUE);
        PricingResult result = PricingEngine.of(List.of(rule)).price(PricingRequest.of(JPY, NOW, List.of(
                PricingLine.of("t", "tea", "shop-a", List.of("drinks"), 4, m(JPY, "100")))));

        // Four teas: one application needs three of them (two bought, one got); the fourth pays.
        assertMoney(JPY, "300", result.payable());
    }

    // an item discount limited to a maximum quantity per order

    @Test
    void twentyPercentOffAtMostTwoPerfumesPerOrderTakesTheDearestUnits() {
        Promotion rule = new QuantityLimitedDiscount(PromotionTerms.of("perfume-20"), Scope.categories("perfume"),
                new UnitOff.Percent(Rate.percent(20)), 2);
        PricingResult result = price(BHD, List.of(rule),
                line(BHD, "a", "oud", "perfume", "shop-a", 1, "12.345"),
                line(BHD, "b", "musk", "perfume", "shop-a", 3, "5.000"));

        // 20% of 12.345 = 2.469; one of the three musks: 20% of 5.000 = 1.000. 27.345 - 3.469.
        assertMoney(BHD, "2.469", result.line("a").orElseThrow().discounts().get(0).amount());
        assertMoney(BHD, "1.000", result.line("b").orElseThrow().discounts().get(0).amount());
        assertMoney(BHD, "23.876", result.payable());
    }

    @Test
    void fiveHundredYenOffAtMostThreeUnits() {
        Promotion rule = new QuantityLimitedDiscount(PromotionTerms.of("yen-500"), Scope.skus("kettle"),
                new UnitOff.Amount(m(JPY, "500")), 3);
        PricingResult result = price(JPY, List.of(rule), line(JPY, "k", "kettle", "home", "shop-a", 5, "2000"));

        assertMoney(JPY, "8500", result.payable());
    }

    // first-item / additional-item prices

    @Test
    void theFirstTeeCostsNinetyNineAndEachFurtherTeeSeventyNine() {
        Promotion rule = new FirstAndAdditionalPrice(PromotionTerms.of("tee-99-79"), Scope.categories("tees"),
                m(CNY, "99.00"), m(CNY, "79.00"));
        PricingResult result = price(CNY, List.of(rule),
                line(CNY, "white", "tee-white", "tees", "shop-a", 3, "109.00"),
                line(CNY, "sale", "tee-sale", "tees", "shop-a", 1, "89.00"));

        // 3 x 109.00 = 327.00 becomes 99 + 2 x 79 = 257.00; the 89.00 tee already costs less than 99.00.
        assertMoney(CNY, "70.00", result.line("white").orElseThrow().discounts().get(0).amount());
        assertTrue(result.line("sale").orElseThrow().discounts().isEmpty());
        assertMoney(CNY, "346.00", result.payable());
    }

    @Test
    void firstAndAdditionalPricesInBahrainiDinars() {
        Promotion rule = new FirstAndAdditionalPrice(PromotionTerms.of("first-add"), Scope.skus("filter"),
                m(BHD, "4.500"), m(BHD, "3.250"));
        PricingResult result = price(BHD, List.of(rule), line(BHD, "f", "filter", "home", "shop-a", 4, "5.125"));

        // 4.500 + 3 x 3.250 = 14.250 instead of 20.500.
        assertMoney(BHD, "14.250", result.payable());
    }

    // a fixed price for N units

    @Test
    void anyThreeSnacksForTwentyFiveDollarsGroupTheDearestUnitsAndProrateTheSaving() {
        Promotion rule = new QuantityForPrice(PromotionTerms.of("snacks-3"), Scope.categories("snacks"), 3,
                m(USD, "25.00"), Long.MAX_VALUE);
        PricingResult result = price(USD, List.of(rule),
                line(USD, "nuts", "nuts", "snacks", "shop-a", 2, "10.00"),
                line(USD, "chips", "chips", "snacks", "shop-a", 2, "8.00"));

        // One group: 2 x 10.00 + 1 x 8.00 = 28.00 for 25.00; 3.00 prorated 800:2000 (chips first in
        // canonical order) = 0.86 / 2.14.
        assertMoney(USD, "33.00", result.payable());
        assertMoney(USD, "2.14", result.line("nuts").orElseThrow().discounts().get(0).amount());
        assertMoney(USD, "0.86", result.line("chips").orElseThrow().discounts().get(0).amount());
        assertEquals(List.of(800L, 2000L), result.prorations().get(0).weights());
    }

    @Test
    void twoForAThousandYenAtMostOncePerOrder() {
        Promotion rule = new QuantityForPrice(PromotionTerms.of("two-for-1000"), Scope.skus("mochi"), 2,
                m(JPY, "1000"), 1);
        PricingResult result = price(JPY, List.of(rule), line(JPY, "m", "mochi", "food", "shop-a", 4, "700"));

        assertMoney(JPY, "2400", result.payable());
    }

    // coupons once per order versus once per eligible line

    @Test
    void aFiveYuanCouponOncePerOrderOrOncePerLine() {
        CouponValue five = new CouponValue.Amount(m(CNY, "5.00"));
        Promotion perOrder = new Coupon(PromotionTerms.of("five"), Optional.empty(), Scope.all(), m(CNY, "0"), five);
        Promotion perLine = new Coupon(PromotionTerms.of("five"), Optional.empty(), Scope.all(), m(CNY, "0"), five,
                CouponApplication.ONCE_PER_LINE);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line(CNY, "a", "a", "x", "shop-a", 1, "30.00"), line(CNY, "b", "b", "x", "shop-b", 1, "20.00"),
                line(CNY, "c", "c", "x", "shop-b", 2, "5.00"))).withBuyer(BuyerContext.anonymous().withCoupons("five"));

        assertMoney(CNY, "55.00", PricingEngine.of(List.of(perOrder)).price(request).payable());
        PricingResult each = PricingEngine.of(List.of(perLine)).price(request);
        assertMoney(CNY, "45.00", each.payable());
        assertMoney(CNY, "5.00", each.line("c").orElseThrow().discounts().get(0).amount());
    }

    @Test
    void aPercentCouponPerLineCapsEachLineAndTheBudgetCapsTheSum() {
        CouponValue tenPercent = new CouponValue.Percent(Rate.percent(10), Optional.of(m(BHD, "2.500")));
        Promotion perLine = new Coupon(PromotionTerms.of("ten"), Optional.empty(), Scope.all(), m(BHD, "0"), tenPercent,
                CouponApplication.ONCE_PER_LINE);
        PricingRequest request = PricingRequest.of(BHD, NOW, List.of(
                line(BHD, "a", "a", "x", "shop-a", 1, "30.000"), line(BHD, "b", "b", "x", "shop-a", 1, "20.000"),
                line(BHD, "c", "c", "x", "shop-a", 1, "10.000"))).withBuyer(BuyerContext.anonymous().withCoupons("ten"));

        // 2.500 (capped) + 2.000 + 1.000 = 5.500 off 60.000.
        assertMoney(BHD, "54.500", PricingEngine.of(List.of(perLine)).price(request).payable());
        // A budget of 1.100 left: spread 2500:2000:1000 = 0.500 / 0.400 / 0.200.
        PricingResult budget = PricingEngine.of(List.of(perLine)).price(request.withCaps(
                RemainingCaps.none().withBudgetLeft("ten", m(BHD, "1.100"))));
        assertMoney(BHD, "58.900", budget.payable());
        assertMoney(BHD, "0.500", budget.line("a").orElseThrow().discounts().get(0).amount());
    }

    // shipping discounts as a percentage and in tiers

    @Test
    void shippingTiersPerShopTakeTheHighestTierEachShopReaches() {
        Promotion rule = new ShippingDiscount(PromotionTerms.of("ship-tiers"), Scope.all(), Reach.PER_SHOP, List.of(
                ShippingTier.percent(m(CNY, "0"), Rate.percent(10)), ShippingTier.percent(m(CNY, "100"), Rate.percent(50)),
                ShippingTier.amount(m(CNY, "300"), m(CNY, "20"))));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line(CNY, "a", "a", "x", "shop-a", 1, "150.00"), line(CNY, "b", "b", "x", "shop-b", 1, "50.00")))
                .withShipping(Map.of("shop-a", m(CNY, "12.00"), "shop-b", m(CNY, "8.00")));

        PricingResult result = PricingEngine.of(List.of(rule)).price(request);

        // Shop A (150.00): 50% of 12.00 = 6.00; shop B (50.00): 10% of 8.00 = 0.80.
        assertMoney(CNY, "6.00", result.seller("shop-a").orElseThrow().shippingDiscount());
        assertMoney(CNY, "0.80", result.seller("shop-b").orElseThrow().shippingDiscount());
        assertMoney(CNY, "213.20", result.payable());
    }

    @Test
    void aShippingPercentageAcrossShopsIsRoundedOnceAndSpreadByShippingLeft() {
        Promotion rule = new ShippingDiscount(PromotionTerms.of("ship-30"), Scope.all(), Reach.ACROSS_SHOPS, List.of(
                ShippingTier.percent(m(JPY, "3000"), Rate.percent(30))));
        PricingRequest request = PricingRequest.of(JPY, NOW, List.of(
                line(JPY, "a", "a", "x", "shop-a", 1, "3000"), line(JPY, "b", "b", "x", "shop-b", 1, "2000")))
                .withShipping(Map.of("shop-a", m(JPY, "500"), "shop-b", m(JPY, "333")));

        PricingResult result = PricingEngine.of(List.of(rule)).price(request);

        // 30% of 833 = 249.9, rounded once to 250; 500:333 gives 150.06 / 99.94, the remainder to shop B.
        assertMoney(JPY, "150", result.seller("shop-a").orElseThrow().shippingDiscount());
        assertMoney(JPY, "100", result.seller("shop-b").orElseThrow().shippingDiscount());
        assertMoney(JPY, "5583", result.payable());
    }

    @Test
    void belowEveryShippingTierTheRuleIsRejectedWithTheMissingSpend() {
        Promotion rule = new ShippingDiscount(PromotionTerms.of("ship-tiers"), Scope.all(), Reach.PER_SHOP, List.of(
                ShippingTier.percent(m(USD, "50"), Rate.percent(10))));
        PricingRequest request = PricingRequest.of(USD, NOW, List.of(line(USD, "a", "a", "x", "shop-a", 1, "40.00")))
                .withShipping(Map.of("shop-a", m(USD, "5.00")));

        Decision decision = PricingEngine.of(List.of(rule)).price(request).decision("ship-tiers").orElseThrow();

        RejectionReason.BelowThreshold below = assertInstanceOf(RejectionReason.BelowThreshold.class,
                ((Decision.Rejected) decision).reason());
        assertMoney(USD, "10.00", below.missing());
    }

    // the shapes read from JSON price as their Java twins

    @Test
    void theNewShapesReadFromJsonPriceAsWritten() {
        List<Promotion> read = PromotionJson.standard().read("""
                {"currency": "CNY", "promotions": [
                  {"kind": "buy-x-get-y", "id": "shoes-sock", "scope": {"categories": ["shoes"]},
                   "getScope": {"skus": ["sock", "sock-wool"]}, "buy": 2, "get": 1, "maxApplications": 1},
                  {"kind": "quantity-for-price", "id": "socks-2-for-30", "scope": {"categories": ["socks"]},
                   "quantity": 2, "price": 30},
                  {"kind": "shipping-discount", "id": "ship-half", "tiers": [{"threshold": 0, "percent": 50}]},
                  {"kind": "coupon", "id": "each-2", "off": 2, "applies": "once-per-line"}
                ]}""");
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line(CNY, "s1", "runner", "shoes", "shop-a", 2, "300.00"),
                line(CNY, "k1", "sock", "socks", "shop-a", 1, "20.00"),
                line(CNY, "k2", "sock-wool", "socks", "shop-a", 1, "35.00")))
                .withShipping(Map.of("shop-a", m(CNY, "10.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("each-2"));

        PricingResult result = PricingEngine.of(read).price(request);

        // Item lane in id order: two shoes make the 20.00 sock free; then the two socks (now 0.00 and
        // 35.00) for 30.00: 5.00 off the wool sock. The coupon takes 2.00 off each line that still
        // costs (shoes, wool sock); shipping half off: 5.00. 600 + 0 + 30 - 4 + 5 = 631.00.
        assertMoney(CNY, "631.00", result.payable());
        assertInstanceOf(BuyXGetY.class, read.get(0));
        assertEquals(Pick.CHEAPEST, ((BuyXGetY) read.get(0)).pick());
        assertEquals(CouponApplication.ONCE_PER_LINE, ((Coupon) read.get(3)).application());
    }
}
