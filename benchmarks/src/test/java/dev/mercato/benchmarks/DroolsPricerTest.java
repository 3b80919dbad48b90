package dev.mercato.benchmarks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DroolsPricerTest {

    @ParameterizedTest
    @CsvSource({"10,10", "100,100"})
    void theDroolsRulesGiveTheEnginesLineFinalsAndTotal(int lines, int promotions) {
        List<LowerBoundPricer.Spec> specs = DroolsBenchmark.specs(promotions, lines);
        PricingEngine engine = PricingEngine.of(PricingFixture.promotions(specs));
        DroolsPricer drools = new DroolsPricer(specs);
        assertTrue(drools.drl().contains("salience"), "one rule per promotion");
        for (long quantity : new long[] {1, 6000}) {
            PricingRequest request = PricingFixture.request(lines, quantity);
            assertDoesNotThrow(() -> PricingBenchmark.check(engine.price(request), drools.price(request)));
        }
    }
}
