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
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.RevenueSharePolicy;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.fee.TransactionFee;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import dev.mercato.pricing.revenue.Totals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Random orders sold through creators and referrers, settled by the revenue calculators, held in
 * escrow, partly refunded before release, released, then partly refunded after release. At every
 * step the released money (plus the subsidy paid with it) is exactly seller net + commission +
 * fees + shares, each party's payable balance is its share, and the ledger balances.
 */
class EscrowSharesProperties {
    private static final List<String> PARTIES = List.of("cr-1", "cr-2", "cr-3", "cr-4");

    /** One generated line: paid cents, platform subsidy cents, attribution nearest first. */
    record GenLine(long paid, long subsidy, List<String> attribution) {}

    @Provide
    Arbitrary<List<GenLine>> lines() {
        Arbitrary<Long> paid = Arbitraries.longs().between(1_000, 500_000); // the 0.50 service fee fits in every order
        Arbitrary<Integer> subsidyPercent = Arbitraries.integers().between(0, 20);
        Arbitrary<List<String>> attribution = Arbitraries.of(PARTIES).list().uniqueElements().ofMaxSize(3);
        return Combinators.combine(paid, subsidyPercent, attribution)
                .as((p, s, a) -> new GenLine(p, p * s / 100, a)).list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 300)
    void releasedMoneyIsSellerNetPlusCommissionFeesAndSharesToTheCent(@ForAll("lines") List<GenLine> lines,
            @ForAll @IntRange(min = 0, max = 15) int commissionPercent,
            @ForAll @IntRange(min = 0, max = 30) int level1Percent, @ForAll @IntRange(min = 0, max = 20) int level2Percent,
            @ForAll @IntRange(min = 0, max = 10) int level3Percent,
            @ForAll @LongRange(min = 0, max = 1_000) long refundBeforePermille,
            @ForAll @LongRange(min = 0, max = 1_000) long refundAfterPermille) {
        RevenueSchedule platform = new RevenueSchedule("mall",
                CommissionSchedule.of("mall", CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP,
                        List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(commissionPercent)))),
                FeeSchedule.none("mall", CNY, RoundingPolicy.HALF_UP)
                        .withTransactionFee(new TransactionFee("service", FeeFormula.of(Rate.ZERO,
                                EscrowExamples.cny("0.50")), ChargeBase.PAID))
                        .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6")), Rate.percent(1), Bearer.SELLER))
                        .withRevenueShare(new RevenueSharePolicy(List.of(Rate.percent(level1Percent),
                                Rate.percent(level2Percent), Rate.percent(level3Percent)), ChargeBase.PAID, 3)));
        List<SaleLine> sale = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            GenLine g = lines.get(i);
            sale.add(DeductionsExamples.line("o-1", "l-" + i, "0.00").paid(MinorUnits.toAmount(g.paid(), CNY))
                    .platformSubsidy(MinorUnits.toAmount(g.subsidy(), CNY)).attribution(g.attribution()).build());
        }
        Settlement settlement = platform.settle(sale);
        Totals order = settlement.order("o-1").orElseThrow();
        Map<String, Long> expectedShares = new HashMap<>();
        for (LineSettlement line : settlement.lines()) {
            for (ShareCharge share : line.shares()) {
                expectedShares.merge(share.partyId(), MinorUnits.toMinor(share.amount()), Long::sum);
            }
        }

        Journal journal = Journal.inMemory();
        EscrowTerms terms = EscrowTerms.fromSettlement("o-1", "b-1", settlement, "o-1");
        long amount = MinorUnits.toMinor(terms.amount());
        Held held = accept(journal, Escrow.open(terms, T0).pay(BUYER, T0.plusSeconds(60)), Held.class);
        long refundBefore = amount * refundBeforePermille / 1_000;
        if (refundBefore > 0 && refundBefore < amount) {
            held = accept(journal, held.refundPart(SELLER, MinorUnits.toAmount(refundBefore, CNY), T0.plusSeconds(120)),
                    Held.class);
        } else {
            refundBefore = 0;
        }
        Shipped shipped = accept(journal, held.ship(SELLER, "T-1", T0.plus(Duration.ofDays(1))), Shipped.class);
        Released released = accept(journal, shipped.confirmReceipt(BUYER, T0.plus(Duration.ofDays(2))), Released.class);
        assertEquals(amount - refundBefore, MinorUnits.toMinor(released.funds().released()));
        checkSplit(journal, released);
        if (refundBefore == 0) {
            assertTrue(released.funds().sellerNet().isEqualTo(order.sellerNet()), () -> released.funds() + " " + order);
            assertTrue(released.funds().commission().isEqualTo(order.commission()));
            assertTrue(released.funds().shares().isEqualTo(order.shares()));
            for (String party : PARTIES) {
                assertEquals(expectedShares.getOrDefault(party, 0L),
                        MinorUnits.toMinor(journal.balance(Account.creatorPayable(party), CNY)), party);
            }
        }
        long refundAfter = (amount - refundBefore) * refundAfterPermille / 1_000;
        if (refundAfter > 0) {
            Released after = accept(journal, released.refundAfterRelease(OPERATOR, MinorUnits.toAmount(refundAfter, CNY),
                    SellerBalances.from(journal, "s-1", CNY), T0.plus(Duration.ofDays(3))), Released.class);
            assertEquals(amount - refundBefore - refundAfter, MinorUnits.toMinor(after.funds().released()));
            checkSplit(journal, after);
            if (refundBefore + refundAfter == amount) {
                assertTrue(after.funds().shares().isZero());
            }
        }
    }

    /** Released + subsidy = net + commission + fees + shares, and the ledger holds each part. */
    private static void checkSplit(Journal journal, Released state) {
        EscrowFunds f = state.funds();
        long parts = MinorUnits.toMinor(f.sellerNet()) + MinorUnits.toMinor(f.commission()) + MinorUnits.toMinor(f.fees())
                + MinorUnits.toMinor(f.shares());
        assertEquals(MinorUnits.toMinor(f.released()) + MinorUnits.toMinor(f.platformSubsidy()), parts, f::toString);
        long creators = 0;
        for (String party : PARTIES) {
            creators += MinorUnits.toMinor(journal.balance(Account.creatorPayable(party), CNY));
        }
        assertEquals(MinorUnits.toMinor(f.shares()), creators);
        for (CreatorShare share : state.terms().deductions().shares()) {
            long owed = MinorUnits.toMinor(journal.balance(Account.creatorPayable(share.partyId()), CNY));
            assertTrue(owed >= 0 && owed <= MinorUnits.toMinor(share.amount()), () -> share + " owed " + owed);
        }
        assertTrue(journal.balance(Account.sellerPayable("s-1"), CNY).isEqualTo(f.sellerNet()));
        assertTrue(journal.balance(Account.revenue(RevenueStream.COMMISSION), CNY).isEqualTo(f.commission()));
        assertTrue(journal.balance(Account.escrowHeld("o-1"), CNY).isZero());
        LedgerChecks.assertConsistent(journal);
    }

    private static <S extends Escrow> S accept(Journal journal, Transition t, Class<S> expected) {
        Transition.Accepted accepted = assertInstanceOf(Transition.Accepted.class, t, () -> "refused: " + t);
        accepted.entry().ifPresent(e -> assertTrue(journal.post(e).isAccepted()));
        LedgerChecks.assertConsistent(journal);
        return assertInstanceOf(expected, accepted.state());
    }
}
