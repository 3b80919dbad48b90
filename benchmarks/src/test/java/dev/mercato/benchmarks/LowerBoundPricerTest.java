package dev.mercato.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowerBoundPricerTest {

    @ParameterizedTest
    @CsvSource({"1,0", "1,10", "1,100", "10,10", "10,100", "100,10", "100,100", "1000,100", "37,53", "7,6"})
    void theLowerBoundGivesTheEnginesLineFinalsAndTotal(int lines, int promotions) {
        PricingEngine engine = PricingEngine.of(PricingFixture.promotions(promotions, lines));
        LowerBoundPricer reference = new LowerBoundPricer(PricingFixture.specs(promotions, lines));
        for (long quantity : new long[] {1, 3, 6000}) {
            PricingRequest request = PricingFixture.request(lines, quantity);
            PricingResult result = engine.price(request);
            assertDoesNotThrow(() -> PricingBenchmark.check(result, reference.price(request)));
            if (promotions >= 10) {
                assertTrue(result.totals().discounts().isPositive(), "the promotions discount something");
            }
        }
    }
}
