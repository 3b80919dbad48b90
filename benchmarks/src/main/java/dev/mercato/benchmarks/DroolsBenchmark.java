package dev.mercato.benchmarks;

import dev.mercato.pricing.promotion.LineResult;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pricing engine against Drools 8 rules for the same spend-X-save-Y (tiered per shop,
 * repeating across shops), percent-off and coupon set ({@link PricingFixture} without the
 * amount-off kind). The setup checks that Drools, Mercato and the lower bound give the same
 * line finals and total.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DroolsBenchmark {

    /** Lines in the cart. */
    @Param({"10", "100"})
    public int lines;

    /** Rules before the amount-off kind is left out. */
    @Param({"10", "100"})
    public int promotions;

    private PricingEngine engine;
    private DroolsPricer drools;
    private PricingRequest request;

    static List<LowerBoundPricer.Spec> specs(int promotions, int lines) {
        return PricingFixture.specs(promotions, lines).stream()
                .filter(s -> s.kind() != LowerBoundPricer.Kind.AMOUNT_OFF).toList();
    }

    /** Builds the engine, the rule base and the cart; checks they agree. */
    @Setup
    public void setUp() {
        List<LowerBoundPricer.Spec> specs = specs(promotions, lines);
        engine = PricingEngine.of(PricingFixture.promotions(specs));
        drools = new DroolsPricer(specs);
        request = PricingFixture.request(lines, 6000);
        PricingBenchmark.check(engine.price(request), drools.price(request));
        PricingBenchmark.check(engine.price(request), new LowerBoundPricer(specs).price(request));
    }

    /** Mercato: the pricing result (totals built; lines, prorations and explanation built when read). */
    @Benchmark
    public PricingResult mercato() {
        return engine.price(request);
    }

    /**
     * Mercato, read as far as the Drools reference's output goes: every line final and the total.
     *
     * @param blackhole sink for what is read
     */
    @Benchmark
    public void mercatoLineFinals(Blackhole blackhole) {
        PricingResult result = engine.price(request);
        for (LineResult line : result.lines()) {
            blackhole.consume(line.finalAmount());
        }
        blackhole.consume(result.payable());
    }

    /** Drools: a new session, the facts inserted, the rules fired. */
    @Benchmark
    public LowerBoundPricer.Result drools() {
        return drools.price(request);
    }
}
