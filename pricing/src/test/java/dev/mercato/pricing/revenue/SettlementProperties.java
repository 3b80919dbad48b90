package dev.mercato.pricing.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.testkit.RevenueArbitraries;
import java.util.ArrayList;
import java.util.List;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SettlementProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");

    @Property
    void sellerNetPlusCommissionFeesAndSharesIsExactlyTheSellerGross(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule) {
        Settlement settlement = schedule.settle(lines);
        for (LineSettlement s : settlement.lines()) {
            assertEquals(m(s.sellerGross()), m(s.sellerNet()) + m(s.commission().amount()) + m(s.sellerFees())
                    + m(s.sharesTotal()), "line " + s.line().lineId());
        }
        for (Totals t : concat(settlement.byOrder(), settlement.bySeller(), List.of(settlement.total()))) {
            assertEquals(m(t.sellerGross()), m(t.sellerNet()) + m(t.commission()) + m(t.sellerFees()) + m(t.shares()),
                    "totals " + t.key());
        }
        assertEquals(lines.size(), settlement.total().lines());
        assertEquals(settlement.byOrder().stream().mapToLong(t -> m(t.sellerNet())).sum(), m(settlement.total().sellerNet()));
        assertEquals(settlement.bySeller().stream().mapToLong(t -> m(t.commission())).sum(),
                m(settlement.total().commission()));
    }

    @Property(tries = 100)
    void partialRefundsAddingUpToTheWholeReverseEveryChargeExactly(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule, @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 0, max = 50) Integer> cuts) {
        for (LineSettlement sale : schedule.settle(lines).lines()) {
            long paid = m(sale.buyerPaid());
            long[] weights = cuts.stream().mapToLong(c -> c + 1L).toArray();
            long[] refunds = Allocation.allocate(paid, weights);
            Reversed sum = new Reversed(sale);
            RefundProgress progress = sale.refunds();
            for (long refund : refunds) {
                RefundProgress.Step step = ((RefundProgress.Open) progress).refund(MinorUnits.toAmount(refund, CNY));
                sum.add(step.reversal());
                sum.assertWithinOriginal();
                progress = step.next();
                if (progress instanceof RefundProgress.Closed) {
                    break;
                }
            }
            if (progress instanceof RefundProgress.Open open) {
                // Only a line whose buyer paid nothing can still be open here (all refunds were zero).
                assertEquals(0, paid);
                RefundProgress.Step last = open.refundRemainder();
                sum.add(last.reversal());
                progress = last.next();
            }
            assertInstanceOf(RefundProgress.Closed.class, progress);
            sum.assertEqualsOriginal();
        }
    }

    @Property(tries = 100)
    void refundsThatStopShortNeverReverseMoreThanWasCharged(@ForAll("lines") List<SaleLine> lines,
            @ForAll("schedules") RevenueSchedule schedule, @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 100) Integer> percents) {
        for (LineSettlement sale : schedule.settle(lines).lines()) {
            RefundProgress.Open open = sale.refunds();
            Reversed sum = new Reversed(sale);
            for (int percent : percents) {
                long left = m(sale.buyerPaid()) - m(open.refunded());
                long refund = left * percent / 100 / percents.size();
                RefundProgress.Step step = open.refund(MinorUnits.toAmount(refund, CNY));
                sum.add(step.reversal());
                sum.assertWithinOriginal();
                if (!(step.next() instanceof RefundProgress.Open next)) {
                    break;
                }
                open = next;
            }
        }
    }

    /** Running sums of reversals of one line, checked against the sale. */
    static final class Reversed {
        final LineSettlement sale;
        long gross;
        long subsidy;
        long commission;
        final long[] fees;
        final long[] shares;
        long net;
        long tax;

        Reversed(LineSettlement sale) {
            this.sale = sale;
            this.fees = new long[sale.fees().size()];
            this.shares = new long[sale.shares().size()];
        }

        void add(LineReversal r) {
            assertEquals(m(r.sellerGross()), m(r.refund()) + m(r.platformSubsidy()));
            long charges = m(r.commission()) + r.shares().stream().mapToLong(s -> m(s.amount())).sum()
                    + r.fees().stream().filter(f -> f.bearer() == Bearer.SELLER).mapToLong(f -> m(f.amount())).sum()
                    + m(r.tax());
            assertEquals(m(r.sellerGross()), m(r.sellerNet()) + charges);
            assertTrue(m(r.tax()) >= 0, "tax reversed " + r.tax());
            tax += m(r.tax());
            assertTrue(m(r.commission()) >= 0 && m(r.platformSubsidy()) >= 0);
            gross += m(r.sellerGross());
            subsidy += m(r.platformSubsidy());
            commission += m(r.commission());
            net += m(r.sellerNet());
            for (int i = 0; i < fees.length; i++) {
                assertTrue(m(r.fees().get(i).amount()) >= 0);
                fees[i] += m(r.fees().get(i).amount());
            }
            for (int i = 0; i < shares.length; i++) {
                assertTrue(m(r.shares().get(i).amount()) >= 0);
                shares[i] += m(r.shares().get(i).amount());
            }
        }

        void assertWithinOriginal() {
            long refunded = gross - subsidy;
            long paid = m(sale.buyerPaid());
            assertProportional(commission, m(sale.commission().amount()), refunded, paid, "commission");
            for (int i = 0; i < fees.length; i++) {
                assertProportional(fees[i], m(sale.fees().get(i).amount()), refunded, paid, "fee " + i);
            }
            for (int i = 0; i < shares.length; i++) {
                assertProportional(shares[i], m(sale.shares().get(i).amount()), refunded, paid, "share " + i);
            }
            assertProportional(tax, m(sale.tax()), refunded, paid, "tax");
            assertTrue(tax <= m(sale.tax()), "tax " + tax + " of " + sale.tax());
            assertTrue(gross <= m(sale.sellerGross()), "gross");
            assertTrue(subsidy <= m(sale.platformSubsidy()), "subsidy");
            assertTrue(commission <= m(sale.commission().amount()), "commission " + commission + " of " + sale.commission());
            for (int i = 0; i < fees.length; i++) {
                assertTrue(fees[i] <= m(sale.fees().get(i).amount()), "fee " + i);
            }
            for (int i = 0; i < shares.length; i++) {
                assertTrue(shares[i] <= m(sale.shares().get(i).amount()), "share " + i);
            }
        }

        /** The cumulative reversal is within one minor unit of {@code charge * refunded / paid}. */
        static void assertProportional(long reversed, long charge, long refunded, long paid, String what) {
            if (paid == 0) {
                return;
            }
            java.math.BigInteger error = java.math.BigInteger.valueOf(reversed).multiply(java.math.BigInteger.valueOf(paid))
                    .subtract(java.math.BigInteger.valueOf(charge).multiply(java.math.BigInteger.valueOf(refunded))).abs();
            assertTrue(error.compareTo(java.math.BigInteger.valueOf(paid)) < 0,
                    what + ": reversed " + reversed + " of " + charge + " after refunding " + refunded + " of " + paid);
        }

        void assertEqualsOriginal() {
            assertEquals(m(sale.sellerGross()), gross);
            assertEquals(m(sale.platformSubsidy()), subsidy);
            assertEquals(m(sale.commission().amount()), commission);
            assertEquals(m(sale.sellerNet()), net);
            assertEquals(m(sale.tax()), tax, "tax reversed by a full refund");
            for (int i = 0; i < fees.length; i++) {
                assertEquals(m(sale.fees().get(i).amount()), fees[i]);
            }
            for (int i = 0; i < shares.length; i++) {
                assertEquals(m(sale.shares().get(i).amount()), shares[i]);
            }
        }
    }

    @Provide
    Arbitrary<List<SaleLine>> lines() {
        return RevenueArbitraries.saleLines(6);
    }

    @Provide
    Arbitrary<RevenueSchedule> schedules() {
        return RevenueArbitraries.revenueSchedules();
    }

    static long m(javax.money.MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<T> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    static long sharesOf(List<ShareCharge> shares) {
        return shares.stream().mapToLong(s -> m(s.amount())).sum();
    }
}
