package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.OPERATOR;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.commission.CommissionRule;
import dev.mercato.pricing.commission.CommissionSchedule;
import dev.mercato.pricing.commission.RuleScope;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeFormula;
import dev.mercato.pricing.fee.FeeSchedule;
import dev.mercato.pricing.fee.PaymentFees;
import dev.mercato.pricing.fee.RevenueSharePolicy;
import dev.mercato.pricing.fee.TransactionFee;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.RevenueSchedule;
import dev.mercato.pricing.revenue.Settlement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * An order sold through creators: creator-a brought the buyer to line l-1 (referred by referrer-b)
 * and was itself referred by creator-c for line l-2. Commission 5%, a 1.00 service fee, a 0.6%
 * payment fee, and shares of 10% (level 1) and 5% (level 2) of what was paid, all borne by the seller.
 */
class EscrowSharesExamples {
    static final RevenueSchedule PLATFORM = new RevenueSchedule("mall",
            CommissionSchedule.of("mall", CNY, ChargeBase.PAID, RoundingPolicy.HALF_UP,
                    List.of(CommissionRule.flat("default", new RuleScope.Everything(), Rate.percent(5)))),
            FeeSchedule.none("mall", CNY, RoundingPolicy.HALF_UP)
                    .withTransactionFee(new TransactionFee("service", FeeFormula.of(Rate.ZERO, cny("1.00")), ChargeBase.PAID))
                    .withPaymentFees(new PaymentFees(Map.of("alipay", Rate.percent("0.6")), Rate.percent(1), Bearer.SELLER))
                    .withRevenueShare(RevenueSharePolicy.of(ChargeBase.PAID, Rate.percent(10), Rate.percent(5))));

    private final Journal journal = Journal.inMemory();

    static Settlement settlement() {
        return PLATFORM.settle(List.of(
                DeductionsExamples.line("o-1", "l-1", "60.00").attribution(List.of("creator-a", "referrer-b")).build(),
                DeductionsExamples.line("o-1", "l-2", "40.00").attribution(List.of("creator-c", "creator-a")).build()));
    }

    <S extends Escrow> S accept(Transition t, Class<S> expected) {
        Transition.Accepted accepted = assertInstanceOf(Transition.Accepted.class, t, () -> "refused: " + t);
        accepted.entry().ifPresent(e -> assertTrue(journal.post(e).isAccepted()));
        LedgerChecks.assertConsistent(journal);
        return assertInstanceOf(expected, accepted.state());
    }

    Held held() {
        EscrowTerms terms = EscrowTerms.fromSettlement("o-1", "b-1", settlement(), "o-1");
        return accept(Escrow.open(terms, T0).pay(BUYER, T0.plusSeconds(60)), Held.class);
    }

    Released release(Held held) {
        Shipped shipped = accept(held.ship(SELLER, "SF123", T0.plus(Duration.ofDays(1))), Shipped.class);
        return accept(shipped.confirmReceipt(BUYER, T0.plus(Duration.ofDays(2))), Released.class);
    }

    MonetaryAmount balance(Account account) {
        return journal.balance(account, CNY);
    }

    void assertBalance(String expected, Account account) {
        MonetaryAmount actual = balance(account);
        assertTrue(actual.isEqualTo(cny(expected)), () -> account.code() + ": " + actual + ", expected " + expected);
    }

    @Test
    void theDeductionsCarryEachPartysSharesSummedOverLinesAndLevels() {
        Deductions d = Deductions.fromSettlement(settlement(), "o-1");
        assertEquals(List.of(new CreatorShare("creator-a", cny("8.00")), new CreatorShare("referrer-b", cny("3.00")),
                new CreatorShare("creator-c", cny("4.00"))), d.shares());
        assertTrue(d.sharesTotal().isEqualTo(cny("15.00")));
        assertTrue(d.commission().isEqualTo(cny("5.00")));
        assertTrue(new Deductions(cny("5.00"), cny("1.00"), cny("0.60")).shares().isEmpty());
        assertThrows(InvalidInputException.class, () -> new Deductions(cny("5.00"), cny("0.00"), cny("0.00"),
                List.of(new CreatorShare("creator-a", cny("1.00")), new CreatorShare("creator-a", cny("2.00")))));
        assertThrows(InvalidInputException.class, () -> new CreatorShare("creator-a", cny("-0.01")));
    }

    @Test
    void aFullReleasePaysEachCreatorAndReferrerInTheSameEntryAsTheSeller() {
        Released released = release(held());
        JournalEntry entry = journal.entries().get(journal.entries().size() - 1);
        assertTrue(entry.postings().stream().anyMatch(p -> p.account().equals(Account.creatorPayable("referrer-b"))));
        assertTrue(entry.postings().stream().anyMatch(p -> p.account().equals(Account.sellerPayable("s-1"))));
        assertBalance("8.00", Account.creatorPayable("creator-a"));
        assertBalance("3.00", Account.creatorPayable("referrer-b"));
        assertBalance("4.00", Account.creatorPayable("creator-c"));
        assertBalance("78.40", Account.sellerPayable("s-1"));
        assertBalance("5.00", Account.revenue(RevenueStream.COMMISSION));
        assertBalance("1.00", Account.revenue(RevenueStream.SERVICE_FEE));
        assertBalance("0.60", Account.revenue(RevenueStream.PAYMENT_FEE));
        assertBalance("0.00", Account.escrowHeld("o-1"));
        assertTrue(released.funds().shares().isEqualTo(cny("15.00")));
        assertTrue(released.funds().sellerNet().isEqualTo(settlement().order("o-1").orElseThrow().sellerNet()));
    }

    @Test
    void aPartialReleaseProratesEachShareLikeTheCommission() {
        Held rest = accept(held().refundPart(SELLER, cny("30.00"), T0.plus(Duration.ofHours(2))), Held.class);
        Released released = release(rest);
        // 21.60 of deductions on 100.00, 70.00 released: 15.12, split 3.50 + 0.70 + 0.42 + 5.60 + 2.10 + 2.80.
        assertBalance("5.60", Account.creatorPayable("creator-a"));
        assertBalance("2.10", Account.creatorPayable("referrer-b"));
        assertBalance("2.80", Account.creatorPayable("creator-c"));
        assertBalance("3.50", Account.revenue(RevenueStream.COMMISSION));
        assertBalance("54.88", Account.sellerPayable("s-1"));
        assertBalance("0.00", Account.escrowHeld("o-1"));
        assertTrue(released.funds().released().isEqualTo(cny("70.00")));
        assertTrue(released.funds().shares().isEqualTo(cny("10.50")));
    }

    @Test
    void aRefundAfterReleaseTakesTheSharesBackInProportion() {
        Released released = release(held());
        SellerBalances balances = SellerBalances.from(journal, "s-1", CNY);
        Released half = accept(released.refundAfterRelease(OPERATOR, cny("50.00"), balances,
                T0.plus(Duration.ofDays(5))), Released.class);
        assertBalance("4.00", Account.creatorPayable("creator-a"));
        assertBalance("1.50", Account.creatorPayable("referrer-b"));
        assertBalance("2.00", Account.creatorPayable("creator-c"));
        assertBalance("2.50", Account.revenue(RevenueStream.COMMISSION));
        assertBalance("39.20", Account.sellerPayable("s-1"));
        assertTrue(half.funds().shares().isEqualTo(cny("7.50")));
        Released none = accept(half.refundAfterRelease(OPERATOR, cny("50.00"), SellerBalances.from(journal, "s-1", CNY),
                T0.plus(Duration.ofDays(6))), Released.class);
        assertBalance("0.00", Account.creatorPayable("creator-a"));
        assertBalance("0.00", Account.creatorPayable("referrer-b"));
        assertBalance("0.00", Account.creatorPayable("creator-c"));
        assertBalance("0.00", Account.sellerPayable("s-1"));
        assertTrue(none.funds().shares().isZero());
        assertTrue(balance(Account.refunds()).isEqualTo(cny("100.00")));
    }
}
