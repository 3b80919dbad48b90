package dev.mercato.pricing.promotion;

import static dev.mercato.pricing.promotion.PricingExamples.CNY;
import static dev.mercato.pricing.promotion.PricingExamples.NOW;
import static dev.mercato.pricing.promotion.PricingExamples.assertMoney;
import static dev.mercato.pricing.promotion.PricingExamples.cny;
import static dev.mercato.pricing.promotion.PricingExamples.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.promotion.rule.FlashSale;
import dev.mercato.pricing.promotion.rule.FreeShipping;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.MemberPrice;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.ShippingCoupon;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EngineFixExamples {

    @Test
    void flashSaleUnitsGoToTheShopWhoseListPriceTheySaveMostOn() {
        Promotion flash = new FlashSale(PromotionTerms.of("flash"), Scope.skus("phone"), cny("10.00"), 100, 2);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("cheap", "phone", "shop-a", 2, "8.00"), line("dear", "phone", "shop-b", 2, "100.00")));

        PricingResult result = PricingEngine.of(List.of(flash)).price(request);

        // Shop A's 8.00 is below the flash price; both per-buyer units go to shop B: 2 x 8 + 2 x 10.
        assertMoney("36.00", result.payable());
        assertEquals(List.of(new LevelSegment("flash", 2, cny("10.00"))),
                result.line("dear").orElseThrow().priceLevels());
        Decision.Applied applied = assertInstanceOf(Decision.Applied.class, result.decision("flash").orElseThrow());
        assertTrue(applied.detail().endsWith("2 of 2 units at this price"), applied.detail());
        assertMoney("180.00", applied.amount());
    }

    @Test
    void oneFlashUnitGoesToTheLineWhereItSavesMostEvenWhenThatLineComesLast() {
        Promotion flash = new FlashSale(PromotionTerms.of("flash"), Scope.skus("phone"), cny("50.00"), 100, 1);
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "phone", "shop-a", 1, "60.00"), line("b", "phone", "shop-b", 1, "90.00")));

        PricingResult result = PricingEngine.of(List.of(flash)).price(request);

        // Saving 10.00 on shop A against 40.00 on shop B: 60 + 50.
        assertMoney("110.00", result.payable());
        assertEquals(1, result.line("b").orElseThrow().priceLevels().size());
        assertEquals("flash", result.line("b").orElseThrow().priceLevels().get(0).level());
    }

    @Test
    void theShippingCouponIsSpentOnTheParcelThatFreeShippingLeavesCharged() {
        // Same priority: the ids put the shipping coupon first, which would spend half of it on
        // shop A's parcel that free shipping zeroes anyway.
        Promotion coupon = new ShippingCoupon(PromotionTerms.of("a-ship-10"), Optional.empty(), cny("0"), cny("10.00"));
        Promotion free = new FreeShipping(PromotionTerms.of("free-over-99"), Scope.all(), cny("99.00"));
        PricingRequest request = PricingRequest.of(CNY, NOW, List.of(
                line("a", "tea", "shop-a", 1, "120.00"), line("b", "cup", "shop-b", 1, "50.00")))
                .withShipping(Map.of("shop-a", cny("10.00"), "shop-b", cny("10.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("a-ship-10"));

        PricingResult best = PricingEngine.of(List.of(coupon, free)).price(request);
        PricingResult priorityOrder = PricingEngine.of(List.of(coupon, free),
                PricingOptions.defaults().withOrderSearch(Set.of(), 1)).price(request);

        // Free shipping first: shop A ships free, the coupon takes 10.00 off shop B: 120 + 50.
        assertMoney("170.00", best.payable());
        assertMoney("10.00", best.seller("shop-b").orElseThrow().shippingDiscount());
        // In priority order the coupon splits 5.00 / 5.00 and shop B still pays 5.00.
        assertMoney("175.00", priorityOrder.payable());
    }

    @Test
    void aMemberPriceThatDropsTheCartBelowTheThresholdIsSetAsideSoTheMemberPaysWhatANonMemberPays() {
        Promotion member = new MemberPrice(PromotionTerms.of("gold-price").forTiers("GOLD"), Scope.skus("coat"),
                cny("294.00"));
        Promotion spend300 = new ThresholdReduction(PromotionTerms.of("300-minus-35"), Scope.all(), Reach.PER_SHOP,
                List.of(new Tier(cny("300.00"), cny("35.00"))), Measure.RUNNING);
        PricingRequest nonMember = PricingRequest.of(CNY, NOW, List.of(line("c", "coat", "shop-a", 1, "300.00")));
        PricingRequest gold = nonMember.withBuyer(BuyerContext.anonymous().withTiers("GOLD"));
        PricingEngine engine = PricingEngine.of(List.of(member, spend300));

        assertMoney("265.00", engine.price(nonMember).payable());
        PricingResult result = engine.price(gold);

        assertMoney("265.00", result.payable());
        assertEquals(Set.of("tier:GOLD"), result.search().benefitsDeclined());
        Decision.Rejected declined = assertInstanceOf(Decision.Rejected.class, result.decision("gold-price").orElseThrow());
        assertEquals(new RejectionReason.BenefitDeclined("tier:GOLD"), declined.reason());
        // As an explicit option the member price always applies: 294.00, below the threshold.
        PricingEngine asHeld = PricingEngine.of(List.of(member, spend300),
                PricingOptions.defaults().withBenefitsNeverCostingMore(false));
        assertMoney("294.00", asHeld.price(gold).payable());
    }

    @Test
    void aMemberPriceLevelOnTheLineIsSetAsideTheSameWay() {
        Promotion spend300 = new ThresholdReduction(PromotionTerms.of("300-minus-35"), Scope.all(), Reach.PER_SHOP,
                List.of(new Tier(cny("300.00"), cny("35.00"))), Measure.RUNNING);
        PricingRequest gold = PricingRequest.of(CNY, NOW, List.of(line("c", "coat", "shop-a", 1, "300.00")
                .withPriceLevels(PriceLevel.member("GOLD", cny("294.00")))))
                .withBuyer(BuyerContext.anonymous().withTiers("GOLD").withNewUser(true));

        PricingResult result = PricingEngine.of(List.of(spend300)).price(gold);

        // New-user status gates nothing here, so only the tier is tried without.
        assertMoney("265.00", result.payable());
        assertEquals(Set.of("tier:GOLD"), result.search().benefitsDeclined());
        assertEquals(2, result.search().combinationsEvaluated());
    }

    @Test
    void aMemberPriceThatSavesMoreThanTheThresholdIsKept() {
        Promotion member = new MemberPrice(PromotionTerms.of("gold-price").forTiers("GOLD"), Scope.skus("coat"),
                cny("250.00"));
        Promotion spend300 = new ThresholdReduction(PromotionTerms.of("300-minus-35"), Scope.all(), Reach.PER_SHOP,
                List.of(new Tier(cny("300.00"), cny("35.00"))), Measure.RUNNING);
        PricingRequest gold = PricingRequest.of(CNY, NOW, List.of(line("c", "coat", "shop-a", 1, "300.00")))
                .withBuyer(BuyerContext.anonymous().withTiers("GOLD"));

        PricingResult result = PricingEngine.of(List.of(member, spend300)).price(gold);

        assertMoney("250.00", result.payable());
        assertTrue(result.search().benefitsDeclined().isEmpty());
    }
}
