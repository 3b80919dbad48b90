package dev.mercato.pricing.testkit.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.testkit.FakePromotionContext;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The sample rule unit-tested on the kit's fake context, as a team would test its evaluate. */
class TeaTimeExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final TeaTime RULE = new TeaTime(PromotionTerms.of("tea-time"), "tea", Money.of(99, CNY),
            Rate.percent(15), Money.of(5, CNY));

    private static PricingRequest cart(long oolongUnits, double oolongPrice) {
        return PricingRequest.of(CNY, PricingArbitraries.NOW, List.of(
                new PricingLine("line-0", "oolong", "tea-house", List.of("tea"), oolongUnits, Money.of(oolongPrice, CNY),
                        List.of()),
                new PricingLine("line-1", "mug", "tea-house", List.of("ware"), 1, Money.of(20, CNY), List.of()),
                new PricingLine("line-2", "sencha", "tea-house", List.of("tea"), 1, Money.of(40, CNY), List.of())))
                .withBuyer(BuyerContext.anonymous());
    }

    @Test
    void teaSpendOfExactlyNinetyNineGetsFifteenPercentAndTheTreatOnThePriciestTeaLine() {
        // oolong 2 x 29.50 = 59.00 + sencha 40.00 = 99.00 of tea; canonical order (by SKU): mug, oolong, sencha
        FakePromotionContext context = FakePromotionContext.of(cart(2, 29.5));
        Outcome outcome = context.evaluate(RULE);
        // 15% of 59.00 = 8.85 plus the 5.00 treat (oolong is the priciest tea line); 15% of 40.00 = 6.00
        assertArrayEquals(new long[] {0, 1385, 600}, context.askedPerLine(outcome));
    }

    @Test
    void teaSpendJustBelowTheThresholdIsRejectedWithWhatIsMissing() {
        // oolong 1 x 33.00 + sencha 40.00 = 73.00 of tea: 26.00 short of 99.00
        Outcome outcome = FakePromotionContext.of(cart(1, 33)).evaluate(RULE);
        assertEquals("below threshold by CNY 26.00 (measured CNY 73.00 of CNY 99.00)",
                ((Outcome.Rejected) outcome).reason().describe());
    }

    @Test
    void theTreatNeverAsksMoreThanThePriciestLineHasLeft() {
        // 99.00 + 40.00 of tea at list; an earlier lane left oolong at 3.00 and sencha at 2.00:
        // oolong 15% = 0.45, then at most the 2.55 left of the treat; sencha 15% = 0.30
        FakePromotionContext context = FakePromotionContext.of(cart(3, 33))
                .withCurrentAmount("line-0", Money.of(3, CNY)).withCurrentAmount("line-2", Money.of(2, CNY));
        assertArrayEquals(new long[] {0, 300, 30}, context.askedPerLine(context.evaluate(RULE)));
    }
}
