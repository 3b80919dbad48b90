package dev.mercato.pricing.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.RemainingCaps;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.ThresholdReduction;
import dev.mercato.pricing.promotion.rule.Tier;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The kit's edits, fake context and descriptions, one sentence each, values worked by hand. */
class GeneratorKitExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    private static PricingRequest cart() {
        return new PricingRequest(CNY, List.of(
                new PricingLine("line-0", "oolong", "tea-house", List.of("tea"), 2, Money.of(30, CNY), List.of()),
                new PricingLine("line-1", "mug", "ware-shop", List.of("ware"), 1, Money.of(12.5, CNY), List.of()),
                new PricingLine("line-2", "oolong", "tea-house", List.of("tea"), 1, Money.of(30, CNY), List.of())),
                BuyerContext.anonymous().withTiers("JADE").withCoupons("tea-10"), PricingArbitraries.NOW,
                Map.of("tea-house", Money.of(8, CNY)), RemainingCaps.none().withUsesLeft("tea-10", 1));
    }

    @Test
    void bumpingAQuantityRaisesOnlyThatLine() {
        PricingRequest bumped = CartEdits.bumpQuantity(cart(), "line-1", 2);
        assertEquals(3, bumped.lines().get(1).quantity());
        assertEquals(2, bumped.lines().get(0).quantity());
        assertThrows(InvalidInputException.class, () -> CartEdits.bumpQuantity(cart(), "line-9", 1));
        assertThrows(InvalidInputException.class, () -> CartEdits.bumpQuantity(cart(), "line-1", 0));
    }

    @Test
    void addingALineKeepsTheOthersAndRefusesATakenId() {
        PricingLine extra = new PricingLine("line-3", "pu-erh", "tea-house", List.of("tea"), 1, Money.of(50, CNY),
                List.of());
        assertEquals(4, CartEdits.addLine(cart(), extra).lines().size());
        PricingLine taken = new PricingLine("line-0", "pu-erh", "tea-house", List.of("tea"), 1, Money.of(50, CNY),
                List.of());
        assertThrows(InvalidInputException.class, () -> CartEdits.addLine(cart(), taken));
    }

    @Test
    void itemsAddedInAnotherOrderAreRenumberedInThatOrder() {
        PricingRequest again = CartEdits.addedInAnotherOrder(cart(), 7);
        assertEquals(List.of("line-0", "line-1", "line-2"), again.lines().stream().map(PricingLine::lineId).toList());
        assertEquals(cart().lines().stream().mapToLong(PricingLine::quantity).sum(),
                again.lines().stream().mapToLong(PricingLine::quantity).sum());
        PricingRequest shuffled = CartEdits.shuffleLines(cart(), 7);
        assertEquals(PricingEngine.of(List.of()).price(cart()), PricingEngine.of(List.of()).price(shuffled));
    }

    @Test
    void droppingAPromotionKeepsTheOthersAndRefusesAnUnknownId() {
        Promotion a = new AmountOff(PromotionTerms.of("a"), Scope.all(), Money.of(1, CNY));
        Promotion b = new PercentOff(PromotionTerms.of("b"), Scope.all(), Rate.percent(10));
        assertEquals(List.of(b), CartEdits.dropPromotion(List.of(a, b), "a"));
        assertThrows(InvalidInputException.class, () -> CartEdits.dropPromotion(List.of(a, b), "c"));
    }

    @Test
    void aCartInYenCarriesTheSameNumbersAndFilsRefuseFen() {
        PricingRequest yen = CartEdits.inCurrency(CartEdits.bumpQuantity(cart(), "line-0", 1).withLines(List.of(
                cart().lines().get(0))), Monetary.getCurrency("JPY"));
        assertEquals(Money.of(30, "JPY"), yen.lines().get(0).listUnitPrice());
        assertEquals(Money.of(8, "JPY"), yen.shipping().get("tea-house"));
        assertThrows(InvalidAmountException.class, () -> CartEdits.inCurrency(cart(), Monetary.getCurrency("JPY")));
    }

    @Test
    void theFakeContextIndexesLinesAsTheEngineDoes() {
        FakePromotionContext context = FakePromotionContext.of(cart());
        // canonical order: seller, SKU, line id -> tea-house/oolong/line-0, tea-house/oolong/line-2, ware-shop/mug
        assertEquals(List.of("line-0", "line-2", "line-1"),
                List.of(context.line(0).lineId(), context.line(1).lineId(), context.line(2).lineId()));
        assertEquals(List.of("tea-house", "ware-shop"), List.of(context.seller(0), context.seller(1)));
        assertEquals(6000, context.listAmount(0));
        assertEquals(1250, context.currentAmount(2));
        assertEquals(800, context.shippingLeft(0));
        assertEquals("CNY 12.50", context.format(1250));
    }

    @Test
    void aPercentOffEvaluatedOnTheFakeContextAsksTenPercentOfEachTeaLine() {
        Promotion tenOffTea = new PercentOff(PromotionTerms.of("p"), Scope.categories("tea"), Rate.percent(10));
        FakePromotionContext context = FakePromotionContext.of(cart()).withCurrentAmount("line-2", Money.of(25, CNY));
        Outcome outcome = context.evaluate(tenOffTea);
        // one order-level discount: 10% of (60.00 + 25.00) = 8.50, split 60:25 = 6.00 and 2.50
        assertArrayEquals(new long[] {600, 250, 0}, context.askedPerLine(outcome));
    }

    @Test
    void aThresholdRuleOnTheFakeContextMeasuresTheLaneStartAmounts() {
        Promotion spend100 = new ThresholdReduction(PromotionTerms.of("t"), Scope.all(), Reach.ACROSS_SHOPS,
                List.of(new Tier(Money.of(100, CNY), Money.of(10, CNY))), Measure.RUNNING);
        FakePromotionContext context = FakePromotionContext.of(cart());
        assertTrue(context.evaluate(spend100) instanceof Outcome.Applied);
        FakePromotionContext lower = context.withLaneStartAmount("line-0", Money.of(50, CNY));
        // 50.00 + 30.00 + 12.50 = 92.50 measured: 7.50 short of 100.00
        Outcome rejected = lower.evaluate(spend100);
        assertEquals("below threshold by CNY 7.50 (measured CNY 92.50 of CNY 100.00)",
                ((Outcome.Rejected) rejected).reason().describe());
    }

    @Test
    void aRequestIsDescribedInOneShortLine() {
        assertEquals("CNY at 2026-11-11T12:00:00Z, buyer JADE holds tea-10 | line-0 oolong@tea-house [tea] 2 x 30.00"
                + " | line-1 mug@ware-shop [ware] 1 x 12.50 | line-2 oolong@tea-house [tea] 1 x 30.00"
                + " | ship tea-house=8.00 | caps uses tea-10=1", Describe.request(cart()));
        Promotion p = new PercentOff(PromotionTerms.of("p").withPriority(2), Scope.categories("tea"), Rate.percent(10));
        assertEquals("p (percent-off, ITEM, priority 2) {scope=category tea, rate=10%}", Describe.promotion(p));
    }

    @Test
    void aResultIsDescribedWithItsLinesAndDecisions() {
        Promotion p = new AmountOff(PromotionTerms.of("mug-off"), Scope.skus("mug"), Money.of(2, CNY));
        String text = Describe.result(PricingEngine.of(List.of(p)).price(cart()));
        // 60.00 + 30.00 + (12.50 - 2.00) + 8.00 shipping
        assertEquals("payable 108.50 | line-0 60.00 -> 60.00 | line-2 30.00 -> 30.00 | line-1 12.50 -> 10.50"
                + " (-2.00 mug-off) | ship tea-house 8.00 | mug-off applied 2.00", text);
    }

    @Test
    void aVocabularyRefusesRepeatedNamesAndKeepsGeneratedIdsOffReservedOnes() {
        assertThrows(InvalidInputException.class, () -> Vocabulary.defaults().withSkus("a", "a"));
        assertThrows(InvalidInputException.class, () -> Vocabulary.defaults().withSellers());
        Vocabulary v = Vocabulary.defaults().withCouponIds("c1", "c2").reserving("gen-0", "c1");
        assertEquals("gen-0x", v.generatedId(0));
        assertEquals("gen-1", v.generatedId(1));
        assertEquals("c2", v.generatedCouponId(0));
        assertEquals("gen-coupon-1", v.generatedCouponId(1));
    }
}
