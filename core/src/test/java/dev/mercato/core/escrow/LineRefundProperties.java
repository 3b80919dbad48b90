package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.OPERATOR;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.commission.CategoryPath;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.RevenueSharePolicy;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Refunds by line (docs/escrow-and-ledger.md, "Refunds by line"): random orders whose lines carry
 * different commission rates, creators' shares and subsidies, refunded by line and by amount
 * before shipment, after return and after release, in any order. After every step: the ledger
 * balances; each line's charges reversed so far are exactly what that line's own refunds reverse
 * (its refunded share of what the buyer paid for it, as {@code RefundProgress} states), whatever
 * the other lines did; and once released, the platform's commission and payment fees, each
 * creator's balance and the tax payable are exactly the lines' charges (and tax) not reversed;
 * nothing is on tax payable before release. Lines carry inclusive or exclusive tax at a
 * generated rate (none at 0%).
 */
class LineRefundProperties {
    private static final List<String> PARTIES = List.of("cr-1", "cr-2");

    /** One generated line: food or not, paid cents, subsidy cents, attribution. */
    record GenLine(boolean food, long paid, long subsidy, List<String> attribution) {}

    /** One refund: a line and a share of what is left of it, or (line -1) an amount-only share of what is held. */
    record GenRefund(int phase, int line, int permille) {}

    @Provide
    Arbitrary<List<GenLine>> lines() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.longs().between(1, 300_000),
                Arbitraries.integers().between(0, 30), Arbitraries.of(PARTIES).list().uniqueElements().ofMaxSize(2))
                .as((food, paid, s, a) -> new GenLine(food, paid, paid * s / 100, a)).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<GenRefund>> refunds() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(-1, 4),
                Arbitraries.integers().between(1, 1_000)).as(GenRefund::new).list().ofMaxSize(8);
    }

    /** The build's default tries (200); 10,000 under {@code -Plong-properties}. */
    @Property
    void eachLinesChargesMoveOnlyWithItsOwnRefunds(@ForAll("lines") List<GenLine> gen,
            @ForAll("refunds") List<GenRefund> refunds, @ForAll @IntRange(min = 0, max = 15) int foodPercent,
            @ForAll @IntRange(min = 0, max = 15) int otherPercent, @ForAll @IntRange(min = 0, max = 20) int sharePercent,
            @ForAll @IntRange(min = 0, max = 25) int taxPercent, @ForAll boolean exclusiveTax) {
        RevenueSchedule platform = new RevenueSchedule("mall",
                CommissionSchedule.of("mall", CNY, ChargeBase.PAID_PLUS_SUBSIDY, RoundingPolicy.HALF_UP, List.of(
                        CommissionRule.flat("food", new RuleScope.Category(new CategoryPath(List.of("food"))),
                                Rate.percent(foodPercent)),
                        CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(otherPercent)))),
                FeeSchedule.none("mall", CNY, RoundingPolicy.HALF_UP)
                        .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6")), Rate.percent(1), Bearer.SELLER))
                        .withRevenueShare(new RevenueSharePolicy(List.of(Rate.percent(sharePercent),
                                Rate.percent(sharePercent / 2)), ChargeBase.PAID, 2)));
        List<SaleLine> sale = new ArrayList<>();
        for (int i = 0; i < gen.size(); i++) {
            GenLine g = gen.get(i);
            sale.add(DeductionsExamples.line("o-1", "l-" + i, "0.00").category(g.food() ? "food/tea" : "home/porcelain")
                    .paid(MinorUnits.toAmount(g.paid(), CNY)).platformSubsidy(MinorUnits.toAmount(g.subsidy(), CNY))
                    .attribution(g.attribution()).build());
        }
        Settlement settlement = platform.settle(sale);
        // Each line taxed at the generated rate: inclusive tax = paid x r / (1 + r), exclusive paid x r.
        List<LineSettlement> taxed = new ArrayList<>();
        for (LineSettlement line : settlement.lines()) {
            long paid = MinorUnits.toMinor(line.line().paid());
            long tax = exclusiveTax ? paid * taxPercent / 100 : paid * taxPercent / (100 + taxPercent);
            taxed.add(line.withTax(exclusiveTax ? dev.mercato.pricing.tax.TaxMode.EXCLUSIVE
                    : dev.mercato.pricing.tax.TaxMode.INCLUSIVE, MinorUnits.toAmount(tax, CNY), MinorUnits.toAmount(0, CNY)));
        }
        EscrowTerms terms = taxPercent == 0 ? EscrowTerms.fromSettlement("o-1", "b-1", settlement, "o-1")
                : EscrowTerms.fromLines("o-1", "b-1", taxed);
        List<LineSettlement> lines = terms.lines();
        long[] refunded = new long[lines.size()];
        Journal journal = Journal.inMemory();
        Escrow state = accept(journal, Escrow.open(terms, T0).pay(BUYER, T0.plusSeconds(60)));
        Instant at = T0.plusSeconds(120);
        boolean shipped = false;
        for (GenRefund r : refunds) {
            at = at.plusSeconds(60);
            if (r.phase() >= 1 && state instanceof Held held) {
                state = accept(journal, held.ship(SELLER, "T-1", at));
                shipped = true;
            }
            if (r.phase() == 2 && state instanceof Shipped s) {
                state = accept(journal, s.confirmReceipt(BUYER, at));
                checkReleased(journal, lines, refunded);
            }
            long[] left = new long[lines.size()];
            for (int i = 0; i < left.length; i++) {
                left[i] = MinorUnits.toMinor(lines.get(i).buyerPaid()) - refunded[i];
            }
            long[] perLine;
            Transition t;
            if (r.line() < 0) {
                long available = state instanceof Released ? MinorUnits.toMinor(state.funds().released())
                        : MinorUnits.toMinor(state.funds().held());
                long amount = available * r.permille() / 1_000;
                if (amount == 0) {
                    continue;
                }
                perLine = Allocation.allocate(amount, left);
                t = refund(state, new EscrowCommand.Refund(OPERATOR, MinorUnits.toAmount(amount, CNY)), journal, at);
            } else {
                int i = r.line() % lines.size();
                long amount = left[i] * r.permille() / 1_000;
                if (amount == 0) {
                    continue;
                }
                perLine = new long[lines.size()];
                perLine[i] = amount;
                t = refund(state, new EscrowCommand.RefundLines(OPERATOR, List.of(new LineAmount(
                        lines.get(i).line().lineId(), MinorUnits.toAmount(amount, CNY))), MinorUnits.toAmount(0, CNY)),
                        journal, at);
            }
            if (t == null) {
                break;
            }
            state = accept(journal, t);
            for (int i = 0; i < perLine.length; i++) {
                refunded[i] += perLine[i];
                assertEquals(refunded[i], state.funds().lineRefundedMinor(i), "line " + i);
            }
            if (state instanceof Released) {
                checkReleased(journal, lines, refunded);
            } else {
                assertTrue(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY).isZero());
                assertTrue(journal.balance(Account.taxPayable(), CNY).isZero(), "no tax posted before release");
            }
        }
        long total = 0;
        for (long r : refunded) {
            total += r;
        }
        assertEquals(total, MinorUnits.toMinor(state.funds().refunded()));
        assertTrue(shipped || !(state instanceof Released));
    }

    /** The refund command in the escrow's state, or null when the state takes no refund (all of it refunded). */
    private static Transition refund(Escrow state, EscrowCommand command, Journal journal, Instant at) {
        SellerBalances balances = SellerBalances.from(journal, "s-1", CNY);
        if (command instanceof EscrowCommand.RefundLines c) {
            if (state instanceof Held s) {
                return s.refundLines(OPERATOR, c, at);
            }
            if (state instanceof Shipped s) {
                return s.refundLines(OPERATOR, c, at);
            }
            return state instanceof Released s ? s.refundLinesAfterRelease(OPERATOR, c, balances, at) : null;
        }
        EscrowCommand.Refund c = (EscrowCommand.Refund) command;
        if (state instanceof Held s) {
            return s.refundPart(OPERATOR, c.amount(), at);
        }
        if (state instanceof Shipped s) {
            return s.refundAfterReturn(OPERATOR, c.amount(), at);
        }
        return state instanceof Released s ? s.refundAfterRelease(OPERATOR, c.amount(), balances, at) : null;
    }

    /**
     * Released: the revenue and each creator's balance are the lines' charges not reversed, each
     * line reversed by its own refunds alone.
     */
    private static void checkReleased(Journal journal, List<LineSettlement> lines, long[] refunded) {
        long commission = 0;
        long paymentFee = 0;
        long tax = 0;
        long[] shares = new long[PARTIES.size()];
        for (int i = 0; i < lines.size(); i++) {
            LineSettlement line = lines.get(i);
            tax += kept(line, refunded[i], l -> MinorUnits.toMinor(l.tax()));
            commission += kept(line, refunded[i], l -> MinorUnits.toMinor(l.commission().amount()));
            paymentFee += kept(line, refunded[i], l -> l.fees().stream().filter(f -> f.bearer() == Bearer.SELLER)
                    .mapToLong(f -> MinorUnits.toMinor(f.amount())).sum());
            for (int p = 0; p < PARTIES.size(); p++) {
                String party = PARTIES.get(p);
                for (ShareCharge share : line.shares()) {
                    if (share.partyId().equals(party)) {
                        shares[p] += kept(line, refunded[i], l -> MinorUnits.toMinor(share.amount()));
                    }
                }
            }
        }
        assertEquals(commission, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY)));
        // Tax payable: the lines' tax charged minus what their refunds reversed, never more than charged.
        assertEquals(tax, MinorUnits.toMinor(journal.balance(Account.taxPayable(), CNY)), "tax payable");
        assertTrue(tax <= lines.stream().mapToLong(l -> MinorUnits.toMinor(l.tax())).sum());
        assertEquals(paymentFee, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.PAYMENT_FEE), CNY)));
        for (int p = 0; p < PARTIES.size(); p++) {
            assertEquals(shares[p], MinorUnits.toMinor(journal.balance(Account.creatorPayable(PARTIES.get(p)), CNY)),
                    PARTIES.get(p));
        }
        LedgerChecks.assertConsistent(journal);
    }

    /**
     * What of a line's charge is still kept once {@code refunded} of what the buyer paid for it
     * came back: the charge minus its {@code refunded : paid - refunded} part, all of it once the
     * line is fully refunded.
     */
    private static long kept(LineSettlement line, long refunded, ToLongFunction<LineSettlement> charge) {
        long c = charge.applyAsLong(line);
        long paid = MinorUnits.toMinor(line.buyerPaid());
        if (refunded == 0 || c == 0) {
            return c;
        }
        if (refunded == paid) {
            return 0;
        }
        return c - Allocation.allocate(c, new long[] {refunded, paid - refunded})[0];
    }

    private static Escrow accept(Journal journal, Transition t) {
        Transition.Accepted accepted = assertInstanceOf(Transition.Accepted.class, t, () -> "refused: " + t);
        accepted.entry().ifPresent(e -> assertTrue(journal.post(e).isAccepted()));
        LedgerChecks.assertConsistent(journal);
        return accepted.state();
    }
}
