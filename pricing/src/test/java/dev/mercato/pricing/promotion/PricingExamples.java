package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FlashSale;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.MemberPrice;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.QuantityBreak;
import dev.mercato.pricing.promotion.rule.QuantityBreaks;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
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

class PricingExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant NOW = Instant.parse("2026-11-11T00:30:00Z");

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), CNY);
    }

    static PricingLine line(String id, String sku, String seller, long quantity, String unitPrice) {
        return PricingLine.of(id, sku, seller, List.of("general"), quantity, cny(unitPrice));
    }

    static void assertMoney(String expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(cny(expected)), MinorUnits.toMinor(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    @Test
    void crossShopEveryThreeHundredMinusFortyIsMeasuredAcrossThreeShopsAndProratedOverTheirLines() {
        Promotion every300 = new RepeatingReduction(PromotionTerms.of("double-11"), Scope.all(), Reach.ACROSS_SHOPS,
                cny("300"), cny("40"), Optional.empty(), Measure.RUNNING);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "250.00"),
                line("b", "cup", "shop-b", 1, "200.00"),
                line("c", "pot", "shop-c", 1, "200.00")));

        PricingResult result = PricingEngine.of(List.of(every300)).price(request);

        // 650 spent across three shops: two full 300s, so 80 off, prorated 250:200:200.
        assertMoney("570.00", result.payable());
        assertMoney("30.77", result.line("a").orElseThrow().discounts().get(0).amount());
        assertMoney("24.62", result.line("b").orElseThrow().discounts().get(0).amount());
        assertMoney("24.61", result.line("c").orElseThrow().discounts().get(0).amount());
        Proration proration = result.prorations().get(0);
        assertEquals(List.of(25000L, 20000L, 20000L), proration.weights());
        assertMoney("80.00", proration.amount());
        assertMoney("80.00", result.totals().platformFunded());
    }

    static final Promotion SHOP_COUPON = new Coupon(PromotionTerms.of("shop-a-20"), Optional.of("shop-a"), Scope.all(),
            cny("199"), new CouponValue.Amount(cny("20")));
    static final Promotion PLATFORM_COUPON = new Coupon(PromotionTerms.of("platform-30"), Optional.empty(), Scope.all(),
            cny("299"), new CouponValue.Amount(cny("30")));

    @Test
    void aShopCouponAndAPlatformCouponBothApplyWhenTheirMinimumSpendsAreMetShopCouponFirst() {
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "210.00"),
                line("b", "cup", "shop-b", 1, "120.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("shop-a-20", "platform-30"));

        PricingResult result = PricingEngine.of(List.of(PLATFORM_COUPON, SHOP_COUPON)).price(request);

        // Shop A: 210 >= 199, minus 20. The platform coupon measures after it: 190 + 120 = 310 >= 299, minus 30.
        assertMoney("280.00", result.payable());
        assertMoney("20.00", result.totals().sellerFunded());
        assertMoney("30.00", result.totals().platformFunded());
        assertEquals(List.of("shop-a-20", "platform-30"), result.explanation().stream()
                .map(Decision::promotionId).toList());
    }

    @Test
    void aPlatformCouponBelowItsMinimumSpendIsRejectedWithTheAmountMissing() {
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("b", "cup", "shop-b", 1, "290.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("platform-30"));

        PricingResult result = PricingEngine.of(List.of(PLATFORM_COUPON)).price(request);

        Decision.Rejected platform = assertInstanceOf(Decision.Rejected.class, result.decision("platform-30").orElseThrow());
        RejectionReason.BelowThreshold below = assertInstanceOf(RejectionReason.BelowThreshold.class, platform.reason());
        assertMoney("9.00", below.missing());
        assertMoney("290.00", result.payable());
        assertEquals("not applied - below threshold by CNY 9.00 (measured CNY 290.00 of CNY 299.00)",
                platform.describe());
    }

    @Test
    void explanationsShowEveryAmountAtTheCurrencysScale() {
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "210.00"),
                line("b", "cup", "shop-b", 1, "100.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("platform-30"));

        PricingResult result = PricingEngine.of(List.of(PLATFORM_COUPON)).price(request);

        assertEquals("applied CNY 30.00 - spent CNY 310.00, saves CNY 30.00",
                result.decision("platform-30").orElseThrow().describe());
        RejectionReason jpy = new RejectionReason.BelowThreshold(Money.of(1000, "JPY"), Money.of(990, "JPY"),
                Money.of(10, "JPY"));
        assertEquals("below threshold by JPY 10 (measured JPY 990 of JPY 1000)", jpy.describe());
        RejectionReason bhd = new RejectionReason.BelowThreshold(Money.of(5, "BHD"),
                Money.of(new BigDecimal("4.9"), "BHD"), Money.of(new BigDecimal("0.1"), "BHD"));
        assertEquals("below threshold by BHD 0.100 (measured BHD 4.900 of BHD 5.000)", bhd.describe());
    }

    @Test
    void aRuleNoteIsRenderedOnlyForTheReturnedCombinationAndOnlyWhenRead() {
        java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger evaluated = new java.util.concurrent.atomic.AtomicInteger();
        Promotion counting = new Promotion() {
            @Override
            public PromotionTerms terms() {
                return PromotionTerms.of("counting");
            }

            @Override
            public String kind() {
                return "counting";
            }

            @Override
            public Lane lane() {
                // After the coupon lanes: evaluated again in every combination the search tries.
                return Lane.PLATFORM_COUPON;
            }

            @Override
            public Outcome evaluate(PromotionContext context) {
                evaluated.incrementAndGet();
                long[] amounts = new long[context.lineCount()];
                amounts[0] = 100;
                return Outcome.applied(new Effect.LineDiscounts(amounts), () -> "note " + rendered.incrementAndGet());
            }
        };
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "210.00"),
                line("b", "cup", "shop-b", 1, "100.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("shop-a-20", "platform-30"));

        PricingResult result = PricingEngine.of(List.of(counting, PLATFORM_COUPON, SHOP_COUPON)).price(request);

        assertEquals(result.search().combinationsEvaluated(), evaluated.get());
        assertTrue(evaluated.get() > 1, result.search()::toString);
        assertEquals(0, rendered.get());
        Decision.Applied applied = assertInstanceOf(Decision.Applied.class, result.decision("counting").orElseThrow());
        assertEquals("note 1", applied.detail());
        assertEquals(applied, result.decision("counting").orElseThrow());
        assertEquals(1, rendered.get());
    }

    @Test
    void theEngineLeavesAShopCouponUnusedWhenThatKeepsThePlatformCouponsMinimumSpendWithinReach() {
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "210.00"),
                line("b", "cup", "shop-b", 1, "100.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("shop-a-20", "platform-30"));

        PricingResult result = PricingEngine.of(List.of(PLATFORM_COUPON, SHOP_COUPON)).price(request);

        // Using both: 190 + 100 = 290 < 299, so only 20 off. Platform coupon alone: 310 >= 299, 30 off.
        assertMoney("280.00", result.payable());
        Decision.Rejected shop = assertInstanceOf(Decision.Rejected.class, result.decision("shop-a-20").orElseThrow());
        assertEquals(new RejectionReason.ExcludedByExclusivityGroup("coupon:shop:shop-a", List.of()), shop.reason());
        assertTrue(result.search().exhaustive());
    }

    @Test
    void aFlashSaleWithPerBuyerCapOneAndStockLeftZeroPricesEveryUnitAtTheNextLevel() {
        Promotion flash = new FlashSale(PromotionTerms.of("flash").validBetween(NOW.minusSeconds(600), NOW.plusSeconds(600)),
                Scope.skus("phone"), cny("999.00"), 100, 1);
        PricingLine phone = line("p", "phone", "shop-a", 2, "1999.00").withPriceLevels(PriceLevel.member("PLUS", cny("1899.00")));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(phone)).withBuyer(BuyerContext.anonymous().withTiers("PLUS"));

        PricingResult soldOut = PricingEngine.of(List.of(flash)).price(request.withCaps(RemainingCaps.none().withStockLeft("flash", 0)));
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, soldOut.decision("flash").orElseThrow());
        assertEquals(new RejectionReason.CapReached(RejectionReason.Cap.STOCK), rejected.reason());
        assertMoney("3798.00", soldOut.payable());

        PricingResult inStock = PricingEngine.of(List.of(flash)).price(request);
        // One unit at the flash price (per-buyer cap 1), the other at the member price.
        assertMoney("2898.00", inStock.payable());
        List<LevelSegment> levels = inStock.line("p").orElseThrow().priceLevels();
        assertEquals(new LevelSegment("flash", 1, cny("999.00")), levels.get(0));
        assertEquals("member:PLUS", levels.get(1).level());
        Decision.Applied applied = assertInstanceOf(Decision.Applied.class, inStock.decision("flash").orElseThrow());
        assertTrue(applied.detail().contains("1 of 1 units"), applied.detail());
    }

    @Test
    void aMemberPriceBeatsAPercentOffPromotionThatIsExclusiveWithPriceLevels() {
        Promotion member = new MemberPrice(PromotionTerms.of("gold-price").forTiers("GOLD"), Scope.skus("tea"), cny("80.00"));
        Promotion tenOff = new PercentOff(PromotionTerms.of("ten-off").replacingPriceLevels(), Scope.all(), Rate.percent(10));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("t", "tea", "shop-a", 1, "100.00")))
                .withBuyer(BuyerContext.anonymous().withTiers("GOLD"));

        PricingResult result = PricingEngine.of(List.of(member, tenOff)).price(request);

        assertMoney("80.00", result.payable());
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, result.decision("ten-off").orElseThrow());
        assertInstanceOf(RejectionReason.PriceLevelIsLower.class, rejected.reason());

        PricingResult notMember = PricingEngine.of(List.of(member, tenOff)).price(request.withBuyer(BuyerContext.anonymous()));
        assertMoney("90.00", notMember.payable());
    }

    @Test
    void quantityBreaksApplyAtExactlyTenAndOneHundredUnits() {
        Promotion breaks = new QuantityBreaks(PromotionTerms.of("wholesale"), Scope.skus("bolt"), List.of(
                new QuantityBreak(10, cny("9.00")), new QuantityBreak(100, cny("8.00"))));
        PricingEngine engine = PricingEngine.of(List.of(breaks));
        Map<Long, String> expected = Map.of(9L, "90.00", 10L, "90.00", 99L, "891.00", 100L, "800.00");
        expected.forEach((quantity, total) -> assertMoney(total, engine.price(PricingRequest.of(CNY, NOW,
                List.of(line("l", "bolt", "shop-a", quantity, "10.00")))).payable()));
    }

    @Test
    void aQuantityOfSixThousandOfOneSkuIsPricedArithmetically() {
        Promotion flash = new FlashSale(PromotionTerms.of("flash"), Scope.skus("bolt"), cny("0.50"), 1000, 5000);
        Promotion breaks = new QuantityBreaks(PromotionTerms.of("wholesale"), Scope.skus("bolt"), List.of(
                new QuantityBreak(100, cny("0.80")), new QuantityBreak(5000, cny("0.70"))));
        Promotion tiered = new ThresholdReduction(PromotionTerms.of("shop"), Scope.sellers("shop-a"), Reach.PER_SHOP,
                List.of(new Tier(cny("1000"), cny("50")), new Tier(cny("4000"), cny("300"))), Measure.RUNNING);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("l", "bolt", "shop-a", 6000, "1.00")));

        PricingResult result = PricingEngine.of(List.of(flash, breaks, tiered)).price(request);

        // 1000 units at the flash 0.50 (stock), 5000 at the 5000+ break 0.70: 500 + 3500 = 4000; >= 4000 saves 300.
        LineResult line = result.line("l").orElseThrow();
        assertEquals(List.of(new LevelSegment("flash", 1000, cny("0.50")), new LevelSegment("wholesale", 5000, cny("0.70"))),
                line.priceLevels());
        assertMoney("4000.00", line.startingAmount());
        assertMoney("3700.00", result.payable());
    }

    @Test
    void tieredSpendThresholdsPickTheHighestTierReachedPerShop() {
        Promotion tiers = new ThresholdReduction(PromotionTerms.of("shop-tiers"), Scope.all(), Reach.PER_SHOP,
                List.of(new Tier(cny("199"), cny("20")), new Tier(cny("299"), cny("40"))), Measure.RUNNING);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "300.00"), line("b", "cup", "shop-b", 1, "200.00"),
                line("c", "pot", "shop-c", 1, "150.00")));

        PricingResult result = PricingEngine.of(List.of(tiers)).price(request);

        assertMoney("260.00", result.line("a").orElseThrow().finalAmount());
        assertMoney("180.00", result.line("b").orElseThrow().finalAmount());
        assertMoney("150.00", result.line("c").orElseThrow().finalAmount());
        assertMoney("60.00", result.totals().sellerFunded());
    }
}
