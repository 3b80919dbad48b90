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
 * The pricing engine beside its lower bound, in one run.
 *
 * <p>{@code engine}: {@code PricingEngine.of(promotions).price(request)} (engine built once),
 * the full result with explanation and prorations, whose lines, sellers, prorations and
 * explanation are built when first read; {@code engineLineFinals} also reads every line final
 * (what the lower bound returns), {@code engineFullResult} reads every part of the result. {@code lowerBound}: {@link LowerBoundPricer},
 * the same line finals and payable total in {@code long} minor units and plain loops. The setup
 * checks that both give the same line finals and total, so the ratio compares equal work.
 *
 * <p>Targets: 100 lines x 100 promotions under 1 ms; within 3x of the lower bound; quantity
 * 6000 costs what quantity 1 costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PricingBenchmark {

    /** Lines in the cart. */
    @Param({"1", "10", "100", "1000"})
    public int lines;

    /** Promotions in the engine, six kinds mixed. */
    @Param({"0", "10", "100"})
    public int promotions;

    /** Quantity of every line. */
    @Param({"1", "6000"})
    public long quantity;

    private PricingEngine engine;
    private LowerBoundPricer reference;
    private PricingRequest request;

    /** Builds the engine, the reference and the cart once per trial, and checks they agree. */
    @Setup
    public void setUp() {
        engine = PricingEngine.of(PricingFixture.promotions(promotions, lines));
        reference = new LowerBoundPricer(PricingFixture.specs(promotions, lines));
        request = PricingFixture.request(lines, quantity);
        check(engine.price(request), reference.price(request));
    }

    /** Mercato: the full pricing result. */
    @Benchmark
    public PricingResult engine() {
        return engine.price(request);
    }

    /**
     * Mercato, read as far as the lower bound's output goes: every line final and the payable
     * total. The result builds its lines when they are read, so this includes building them.
     *
     * @param blackhole sink for what is read
     */
    @Benchmark
    public void engineLineFinals(Blackhole blackhole) {
        PricingResult result = engine.price(request);
        for (LineResult line : result.lines()) {
            blackhole.consume(line.finalAmount());
        }
        blackhole.consume(result.payable());
    }

    /**
     * Mercato, every part of the result read: lines and each of their discounts, sellers,
     * prorations and the whole explanation with its notes.
     *
     * @param blackhole sink for what is read
     */
    @Benchmark
    public void engineFullResult(Blackhole blackhole) {
        PricingResult result = engine.price(request);
        for (LineResult line : result.lines()) {
            blackhole.consume(line);
            line.discounts().forEach(blackhole::consume);
        }
        result.sellers().forEach(blackhole::consume);
        result.prorations().forEach(blackhole::consume);
        result.explanation().forEach(blackhole::consume);
        blackhole.consume(result.totals());
    }

    /** The lower bound: line finals and payable total only. */
    @Benchmark
    public LowerBoundPricer.Result lowerBound() {
        return reference.price(request);
    }

    /**
     * Fails unless the engine and the reference agree on every line final and the total.
     *
     * @param engineResult the engine's result
     * @param referenceResult the reference's result
     */
    static void check(PricingResult engineResult, LowerBoundPricer.Result referenceResult) {
        List<LineResult> engineLines = engineResult.lines();
        if (engineLines.size() != referenceResult.finals().length) {
            throw new IllegalStateException("line count differs: " + engineLines.size() + " vs "
                    + referenceResult.finals().length);
        }
        for (int i = 0; i < engineLines.size(); i++) {
            if (!engineLines.get(i).finalAmount().isEqualTo(referenceResult.lineFinals()[i])) {
                throw new IllegalStateException("line " + engineLines.get(i).lineId() + ": engine "
                        + engineLines.get(i).finalAmount() + ", reference " + referenceResult.lineFinals()[i]);
            }
        }
        if (!engineResult.payable().isEqualTo(referenceResult.payable())) {
            throw new IllegalStateException("payable: engine " + engineResult.payable() + ", reference "
                    + referenceResult.payable());
        }
    }
}
