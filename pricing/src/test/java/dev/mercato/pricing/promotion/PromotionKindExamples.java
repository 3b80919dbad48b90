package dev.mercato.pricing.promotion;

import static dev.mercato.pricing.promotion.PricingExamples.CNY;
import static dev.mercato.pricing.promotion.PricingExamples.NOW;
import static dev.mercato.pricing.promotion.PricingExamples.assertMoney;
import static dev.mercato.pricing.promotion.PricingExamples.cny;
import static dev.mercato.pricing.promotion.PricingExamples.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.BundlePrice;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.FreeGift;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.GroupBuyPrice;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.MemberPercentOff;
import dev.mercato.pricing.promotion.rule.NewUserPrice;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.PreSale;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.promotion.rule.ThresholdPercentOff;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PromotionKindExamples {

    @Test
    void buyTwoGetOneFreeDiscountsTheCheapestUnits() {
        Promotion b2g1 = new BuyXGetY(PromotionTerms.of("b2g1"), Scope.categories("tea"), 2, 1, Rate.ONE_HUNDRED_PERCENT);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                PricingLine.of("green", "green", "shop-a", List.of("tea"), 2, cny("30.00")),
                PricingLine.of("black", "black", "shop-a", List.of("tea"), 4, cny("20.00"))));

        PricingResult result = PricingEngine.of(List.of(b2g1)).price(request);

        // 6 units: 2 groups of 3, so 2 free units, both from the cheaper black tea.
        assertMoney("40.00", result.line("black").orElseThrow().discounts().get(0).amount());
        assertTrue(result.line("green").orElseThrow().discounts().isEmpty());
        assertMoney("100.00", result.payable());
    }

    @Test
    void buyXGetYOnSixThousandUnitsIsComputedWithoutExpandingUnits() {
        Promotion b1g1 = new BuyXGetY(PromotionTerms.of("b1g1-half"), Scope.skus("bolt"), 1, 1, Rate.percent(50));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("l", "bolt", "shop-a", 6000, "0.99")));

        PricingResult result = PricingEngine.of(List.of(b1g1)).price(request);

        // 3000 units at half price: 3000 * 0.99 * 50% = 1485.00 off 5940.00.
        assertMoney("4455.00", result.payable());
    }

    @Test
    void aBundleOfTeaAndCupSellsForItsBundlePriceProratedOverItsItems() {
        Promotion bundle = new BundlePrice(PromotionTerms.of("tea-set"), Map.of("tea", 1L, "cup", 2L), cny("100.00"));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("t", "tea", "shop-a", 1, "80.00"), line("c", "cup", "shop-a", 3, "20.00")));

        PricingResult result = PricingEngine.of(List.of(bundle)).price(request);

        // One bundle (tea + 2 cups) worth 120 sells for 100; the third cup pays full price.
        assertMoney("120.00", result.payable());
        Proration proration = result.prorations().get(0);
        assertEquals(List.of(4000L, 8000L), proration.weights());
    }

    @Test
    void aFreeGiftIsAddedWhenTheShopThresholdIsMetAndCostsTheBuyerNothing() {
        Promotion gift = new FreeGift(PromotionTerms.of("gift"), Scope.sellers("shop-a"), cny("200.00"),
                new Effect.Gift("sample", "shop-a", 1, cny("15.00")));
        PricingEngine engine = PricingEngine.of(List.of(gift));

        PricingResult met = engine.price(PricingRequest.of(CNY, NOW, List.of(line("a", "tea", "shop-a", 2, "100.00"))));
        assertEquals(List.of(new GiftLine("gift", "sample", "shop-a", 1, cny("15.00"))), met.gifts());
        assertMoney("200.00", met.payable());
        assertMoney("15.00", met.totals().giftValue());

        PricingResult short1 = engine.price(PricingRequest.of(CNY, NOW, List.of(line("a", "tea", "shop-a", 1, "199.99"))));
        assertTrue(short1.gifts().isEmpty());
        Decision.Rejected rejected = assertInstanceOf(Decision.Rejected.class, short1.decision("gift").orElseThrow());
        assertMoney("0.01", ((RejectionReason.BelowThreshold) rejected.reason()).missing());
    }

    @Test
    void aPreSaleDepositOfFiftyCountsForOneHundredAndThePriceIsPaidInTwoPayments() {
        Promotion preSale = new PreSale(PromotionTerms.of("presale"), Scope.skus("tv"), cny("50.00"), cny("100.00"));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("tv", "tv", "shop-a", 1, "2999.00")));

        PricingResult result = PricingEngine.of(List.of(preSale)).price(request);

        assertMoney("2949.00", result.payable());
        DepositSchedule schedule = result.deposits().get(0);
        assertMoney("50.00", schedule.depositNow());
        assertMoney("2899.00", schedule.balanceLater());
        assertMoney("50.00", result.totals().payableNow());
        assertMoney("2899.00", result.totals().payableLater());
    }

    @Test
    void aGroupBuyPriceAppliesOnlyOnceTheGroupIsFormed() {
        Promotion group = new GroupBuyPrice(PromotionTerms.of("group"), Scope.skus("fruit"), cny("39.90"),
                BuyerContext.GROUP_FORMED);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("f", "fruit", "shop-a", 1, "89.90")));
        PricingEngine engine = PricingEngine.of(List.of(group));

        PricingResult waiting = engine.price(request);
        assertMoney("89.90", waiting.payable());
        assertEquals(new RejectionReason.FlagMissing(BuyerContext.GROUP_FORMED),
                ((Decision.Rejected) waiting.decision("group").orElseThrow()).reason());

        PricingResult formed = engine.price(request.withBuyer(BuyerContext.anonymous().withFlags(BuyerContext.GROUP_FORMED)));
        assertMoney("39.90", formed.payable());
    }

    @Test
    void aNewUserPriceAndAMemberPercentAreLevelsAndTheLowestWins() {
        Promotion newUser = new NewUserPrice(PromotionTerms.of("first-order"), Scope.all(), cny("9.90"));
        Promotion vip = new MemberPercentOff(PromotionTerms.of("vip-95").forTiers("VIP"), Scope.all(), Rate.percent(5));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("a", "tea", "shop-a", 2, "19.90")));
        PricingEngine engine = PricingEngine.of(List.of(newUser, vip));

        assertMoney("37.80", engine.price(request.withBuyer(BuyerContext.anonymous().withTiers("VIP"))).payable());
        assertMoney("19.80", engine.price(request.withBuyer(BuyerContext.anonymous().withTiers("VIP").withNewUser(true))).payable());
        Decision.Rejected tier = (Decision.Rejected) engine.price(request).decision("vip-95").orElseThrow();
        assertInstanceOf(RejectionReason.TierNotEligible.class, tier.reason());
    }

    @Test
    void twoItemsOrMoreGetTenPercentOffPerShop() {
        Promotion twoItems = new ThresholdPercentOff(PromotionTerms.of("2-items-10"), Scope.all(), Reach.PER_SHOP, 2,
                cny("0"), Rate.percent(10), Measure.RUNNING);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 2, "50.00"), line("b", "cup", "shop-b", 1, "50.00")));

        PricingResult result = PricingEngine.of(List.of(twoItems)).price(request);

        assertMoney("90.00", result.seller("shop-a").orElseThrow().subtotal());
        assertMoney("50.00", result.seller("shop-b").orElseThrow().subtotal());
    }

    @Test
    void freeShippingOverAThresholdAndAShippingCouponCoverTheShippingCharges() {
        Promotion freeOver99 = new FreeShipping(PromotionTerms.of("free-99"), Scope.all(), cny("99.00"));
        Promotion shipCoupon = new ShippingCoupon(PromotionTerms.of("ship-10"), Optional.empty(), cny("0"), cny("10.00"));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "120.00"), line("b", "cup", "shop-b", 1, "30.00")))
                .withShipping(Map.of("shop-a", cny("8.00"), "shop-b", cny("12.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("ship-10"));

        PricingResult result = PricingEngine.of(List.of(freeOver99, shipCoupon)).price(request);

        assertMoney("8.00", result.seller("shop-a").orElseThrow().shippingDiscount());
        assertMoney("10.00", result.seller("shop-b").orElseThrow().shippingDiscount());
        assertMoney("152.00", result.payable());
    }

    @Test
    void aPercentCouponIsCappedAtItsMaximumAndAtTheBudgetLeft() {
        Promotion coupon = new Coupon(PromotionTerms.of("p20"), Optional.empty(), Scope.all(), cny("0"),
                new CouponValue.Percent(Rate.percent(20), Optional.of(cny("50.00"))));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("a", "tv", "shop-a", 1, "1000.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("p20"));
        PricingEngine engine = PricingEngine.of(List.of(coupon));

        assertMoney("950.00", engine.price(request).payable());
        assertMoney("970.00", engine.price(request.withCaps(RemainingCaps.none().withBudgetLeft("p20", cny("30.00")))).payable());
        Decision.Rejected used = (Decision.Rejected) engine.price(request.withCaps(RemainingCaps.none().withUsesLeft("p20", 0)))
                .decision("p20").orElseThrow();
        assertEquals(new RejectionReason.CapReached(RejectionReason.Cap.USES), used.reason());
    }

    @Test
    void aPromotionOutsideItsWindowIsRejectedWithTheWindow() {
        Promotion later = new AmountOff(PromotionTerms.of("later").validBetween(NOW.plusSeconds(60), NOW.plusSeconds(3600)),
                Scope.all(), cny("5.00"));
        PricingResult result = PricingEngine.of(List.of(later)).price(PricingRequest.of(CNY, NOW,
                List.of(line("a", "tea", "shop-a", 1, "50.00"))));
        RejectionReason.OutsideWindow reason = assertInstanceOf(RejectionReason.OutsideWindow.class,
                ((Decision.Rejected) result.decision("later").orElseThrow()).reason());
        assertEquals(NOW, reason.at());
    }

    @Test
    void onlyTheBestMemberOfAnExclusivityGroupApplies() {
        Promotion tenPercent = new PercentOff(PromotionTerms.of("ten").inGroup("storewide").withPriority(5), Scope.all(),
                Rate.percent(10));
        Promotion thirtyOff = new AmountOff(PromotionTerms.of("thirty").inGroup("storewide"), Scope.all(), cny("30.00"));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(line("a", "tea", "shop-a", 1, "200.00")));

        PricingResult result = PricingEngine.of(List.of(tenPercent, thirtyOff)).price(request);

        assertMoney("170.00", result.payable());
        assertEquals(new RejectionReason.ExcludedByExclusivityGroup("storewide", List.of("thirty")),
                ((Decision.Rejected) result.decision("ten").orElseThrow()).reason());
    }

    @Test
    void aCoFundedDiscountSplitsBetweenPlatformAndSeller() {
        Promotion coFunded = new AmountOff(PromotionTerms.of("subsidy").fundedBy(Funding.coFunded(Rate.percent(60))),
                Scope.all(), cny("10.00"));
        PricingResult result = PricingEngine.of(List.of(coFunded)).price(PricingRequest.of(CNY, NOW,
                List.of(line("a", "tea", "shop-a", 1, "50.00"))));
        Discount discount = result.line("a").orElseThrow().discounts().get(0);
        assertMoney("6.00", discount.platformFunded());
        assertMoney("4.00", discount.sellerFunded());
    }

    /** A kind a user adds: 10.00 off the order on the buyer's birthday, prorated like any order discount. */
    record BirthdayTreat(PromotionTerms terms) implements Promotion {
        @Override
        public String kind() {
            return "birthday-treat";
        }

        @Override
        public Lane lane() {
            return Lane.PLATFORM;
        }

        @Override
        public Outcome evaluate(PromotionContext context) {
            if (!context.buyer().flags().contains("birthday")) {
                return Outcome.rejected(new RejectionReason.Other("not-birthday", "only on the buyer's birthday"));
            }
            long[] weights = new long[context.lineCount()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = context.currentAmount(i);
            }
            return Outcome.applied(new Effect.Pooled(List.of(new Effect.Pool(1000, weights))), "happy birthday");
        }
    }

    @Test
    void aUserDefinedKindAppliesInItsLaneIsProratedAndExplained() {
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "30.00"), line("b", "cup", "shop-b", 1, "10.00")));
        PricingEngine engine = PricingEngine.of(List.of(new BirthdayTreat(PromotionTerms.of("birthday"))));

        PricingResult birthday = engine.price(request.withBuyer(BuyerContext.anonymous().withFlags("birthday")));
        assertMoney("30.00", birthday.payable());
        assertMoney("7.50", birthday.line("a").orElseThrow().discounts().get(0).amount());
        assertMoney("10.00", birthday.totals().platformFunded());

        Decision.Rejected other = (Decision.Rejected) engine.price(request).decision("birthday").orElseThrow();
        assertEquals("not-birthday", ((RejectionReason.Other) other.reason()).code());
    }
}
