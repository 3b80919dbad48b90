package dev.mercato.pricing.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.testkit.RevenueArbitraries;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** A state model of a line's refunds: any sequence of refunds keeps the reversal bounded and exact. */
class RefundProgressProperties {

    /** The line under test, its refund progress, and the running sums of its reversals. */
    static final class Model {
        final LineSettlement sale;
        final SettlementProperties.Reversed reversed;
        RefundProgress progress;

        Model(LineSettlement sale) {
            this.sale = sale;
            this.reversed = new SettlementProperties.Reversed(sale);
            this.progress = sale.refunds();
        }

        long left() {
            return MinorUnits.toMinor(sale.buyerPaid()) - MinorUnits.toMinor(progress.refunded());
        }

        @Override
        public String toString() {
            return progress.getClass().getSimpleName() + " refunded " + progress.refunded() + " of " + sale.buyerPaid();
        }
    }

    @Property(tries = 100)
    void anySequenceOfRefundsStaysWithinTheChargesAndAFullRefundReversesThemExactly(
            @ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("reversals within the original and in proportion", m -> m.reversed.assertWithinOriginal())
                .withInvariant("closed means everything reversed", m -> {
                    if (m.progress instanceof RefundProgress.Closed) {
                        m.reversed.assertEqualsOriginal();
                    }
                })
                .withInvariant("refunded total matches the reversals", m -> assertEquals(
                        MinorUnits.toMinor(m.progress.refunded()), m.reversed.gross - m.reversed.subsidy))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        Arbitrary<LineSettlement> sales = Combinators.combine(RevenueArbitraries.saleLines(3),
                RevenueArbitraries.revenueSchedules(), Arbitraries.integers().between(0, 2))
                .as((List<SaleLine> lines, RevenueSchedule schedule, Integer pick) ->
                        schedule.settle(lines).lines().get(pick % lines.size()))
                .flatMap(RefundProgressProperties::taxedOrNot);
        return sales.flatMap(sale -> ActionChain.<Model>startWith(() -> new Model(sale))
                .withAction(5, new PartialRefund())
                .withAction(1, new RefundRemainder())
                .withAction(1, new ExcessiveRefund())
                .withAction(1, new InspectClosed())
                .withMaxTransformations(12));
    }

    /**
     * The sale as settled, or with tax: inclusive tax up to what the buyer paid for the goods and
     * shipping, or exclusive tax added to them.
     */
    static Arbitrary<LineSettlement> taxedOrNot(LineSettlement sale) {
        long goods = MinorUnits.toMinor(sale.line().paid());
        long shipping = MinorUnits.toMinor(sale.line().shipping());
        javax.money.CurrencyUnit c = sale.line().currency();
        Arbitrary<LineSettlement> taxed = Combinators.combine(Arbitraries.of(dev.mercato.pricing.tax.TaxMode.values()),
                Arbitraries.longs().between(0, goods), Arbitraries.longs().between(0, shipping))
                .as((mode, g, s) -> sale.withTax(mode, MinorUnits.toAmount(g, c), MinorUnits.toAmount(s, c)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, Arbitraries.just(sale)), net.jqwik.api.Tuple.of(2, taxed));
    }

    static final class PartialRefund implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.progress instanceof RefundProgress.Open;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model m) {
            return Arbitraries.longs().between(0, m.left()).map(amount -> Transformer.mutate("refund " + amount, model -> {
                RefundProgress.Step step = ((RefundProgress.Open) model.progress)
                        .refund(MinorUnits.toAmount(amount, model.sale.line().currency()));
                model.reversed.add(step.reversal());
                model.progress = step.next();
            }));
        }
    }

    static final class RefundRemainder implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.progress instanceof RefundProgress.Open;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model m) {
            return Arbitraries.just(Transformer.mutate("refund the remainder", model -> {
                RefundProgress.Step step = ((RefundProgress.Open) model.progress).refundRemainder();
                model.reversed.add(step.reversal());
                model.progress = step.next();
            }));
        }
    }

    static final class ExcessiveRefund implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.progress instanceof RefundProgress.Open;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model m) {
            return Arbitraries.longs().between(1, 1_000).map(extra -> Transformer.mutate("refund " + extra + " too much", model -> {
                RefundProgress.Open open = (RefundProgress.Open) model.progress;
                assertThrows(ExcessiveRefundException.class,
                        () -> open.refund(MinorUnits.toAmount(model.left() + extra, model.sale.line().currency())));
                assertSame(open, model.progress);
            }));
        }
    }

    /** A fully refunded line takes no more refunds (Closed has no refund methods); it reports everything refunded. */
    static final class InspectClosed implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model m) {
            return m.progress instanceof RefundProgress.Closed;
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model m) {
            return Arbitraries.just(Transformer.mutate("inspect the closed line", model ->
                    assertEquals(MinorUnits.toMinor(model.sale.buyerPaid()), MinorUnits.toMinor(model.progress.refunded()))));
        }
    }
}
