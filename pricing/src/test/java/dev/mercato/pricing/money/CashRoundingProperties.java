package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.testkit.PricingArbitraries;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class CashRoundingProperties {

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of("CHF", "CNY", "JPY", "BHD").map(Monetary::getCurrency);
    }

    @Provide
    Arbitrary<RoundingPolicy> halfway() {
        return Arbitraries.of(RoundingPolicy.HALF_UP, RoundingPolicy.HALF_EVEN);
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theCashTotalIsAMultipleOfTheIncrementAtMostHalfAnIncrementAway(@ForAll("currencies") CurrencyUnit currency,
            @ForAll @LongRange(min = 1, max = 100) long step, @ForAll @LongRange(min = 0, max = 10_000_000) long total,
            @ForAll("halfway") RoundingPolicy mode) {
        CashRounding cash = new CashRounding(MinorUnits.toAmount(step, currency), mode);

        CashRounding.CashAdjustment a = cash.round(MinorUnits.toAmount(total, currency));

        long rounded = MinorUnits.toMinor(a.rounded());
        long difference = MinorUnits.toMinor(a.adjustment());
        assertEquals(0, rounded % step);
        assertEquals(rounded, total + difference);
        assertTrue(2 * Math.abs(difference) <= step, () -> difference + " from " + total + " to a step of " + step);
        if (step % 2 == 1) {
            assertTrue(2 * Math.abs(difference) < step, "an odd increment has no half-way total");
        }
        assertTrue(rounded >= 0);
    }

    record Priced(List<Promotion> promotions, PricingRequest request) {}

    @Provide
    Arbitrary<Priced> orders() {
        return Arbitraries.of("CNY", "JPY", "USD", "BHD").map(Monetary::getCurrency)
                .flatMap(c -> Combinators.combine(PricingArbitraries.promotionSets(c, 4), PricingArbitraries.requests(c, 5))
                        .as(Priced::new));
    }

    @Property(edgeCases = EdgeCasesMode.NONE)
    void theCashDifferenceIsInNoSplitOfThePricedOrder(@ForAll("orders") Priced order,
            @ForAll @LongRange(min = 2, max = 50) long step) {
        PricingRequest request = order.request();
        PricingResult result = PricingEngine.of(order.promotions()).price(request);
        CashRounding.CashAdjustment cash = result.payableInCash(CashRounding.to(MinorUnits.toAmount(step,
                request.currency())));

        long exact = MinorUnits.toMinor(result.payable());
        assertEquals(exact, MinorUnits.toMinor(cash.exact()));
        assertEquals(MinorUnits.toMinor(cash.rounded()), exact + MinorUnits.toMinor(cash.adjustment()));
        assertTrue(2 * Math.abs(MinorUnits.toMinor(cash.adjustment())) <= step);
        // Sellers and lines add up to the exact payable: the difference is split nowhere.
        assertEquals(exact, result.sellers().stream().mapToLong(s -> MinorUnits.toMinor(s.payable())).sum());
        long lines = result.lines().stream().mapToLong(l -> MinorUnits.toMinor(l.finalAmount())).sum();
        long shipping = MinorUnits.toMinor(result.totals().shipping()) - MinorUnits.toMinor(result.totals().shippingDiscount());
        assertEquals(exact, lines + shipping);
    }
}
