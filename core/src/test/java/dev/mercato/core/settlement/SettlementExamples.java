package dev.mercato.core.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.CreatorShare;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class SettlementExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Actor BUYER = new Actor.Buyer("b-1");
    static final Actor SELLER = new Actor.Seller("s-1");
    static final Actor OPERATOR = new Actor.PlatformOperator("op-1");

    final MovableClock clock = new MovableClock(T0);
    final Storage storage = InMemoryStorage.create();
    final Journal journal = Journal.inMemory();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-test", Set.of(CNY)).withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
    final EscrowService escrows = EscrowService.create(storage, journal, sandbox, clock);
    final PayoutService payouts = PayoutService.create(storage, journal, sandbox, clock, Duration.ofDays(7),
            seller -> Optional.of(new PayeeAccount("bank-" + seller)),
            party -> Optional.of(new PayeeAccount("wallet-" + party)));

    static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(value)).create();
    }

    void sellAndConfirm(String id, String amount, String commission) {
        escrows.open(EscrowTerms.of(id, "b-1", "s-1", cny(amount))
                .withDeductions(new Deductions(cny(commission), cny("1.00"), cny("0.00"))));
        escrows.pay(id, BUYER, new PaymentSource("tok"));
        escrows.ship(id, SELLER, "T-" + id);
        escrows.confirmReceipt(id, BUYER);
    }

    @Test
    void aStatementShowsGrossDiscountsCommissionFeesRefundsClawbacksCompensationAndNet() {
        journal.post(JournalEntry.builder("deposit", T0, "deposit").credit(new Account.SellerFundsIn("s-1"), cny("1000.00"))
                .debit(Account.sellerDeposit("s-1"), cny("1000.00")).build());
        sellAndConfirm("o-1", "100.00", "5.00");
        sellAndConfirm("o-2", "200.00", "10.00");
        escrows.refund("o-1", SELLER, cny("100.00"));
        escrows.compensateBuyer("o-2", OPERATOR, cny("50.00"));
        Map<String, DiscountFunding> funding = Map.of("o-1", new DiscountFunding(cny("10.00")));
        SettlementStatement s = SettlementStatement.of(journal, "s-1", CNY, T0, T0.plus(Duration.ofDays(1)),
                id -> Optional.ofNullable(funding.get(id)));
        assertTrue(s.gross().isEqualTo(cny("300.00")));
        assertTrue(s.sellerFundedDiscounts().isEqualTo(cny("10.00")));
        assertTrue(s.platformSubsidies().isZero());
        assertTrue(s.commission().isEqualTo(cny("10.00")), s.toString());
        assertTrue(s.fees().isEqualTo(cny("1.00")), s.toString());
        assertTrue(s.refunds().isEqualTo(cny("100.00")));
        // The seller's 94.00 share of the refund came from its 94.00 payable balance for o-1.
        assertTrue(s.clawedBackFromBalance().add(s.clawedBackFromDeposit()).isEqualTo(cny("94.00")));
        assertTrue(s.compensation().isEqualTo(cny("50.00")));
        assertTrue(s.net().isEqualTo(cny("139.00")), s.toString());
        MonetaryAmount sellerFunds = journal.balance(Account.sellerPayable("s-1"), CNY)
                .add(journal.balance(Account.sellerDeposit("s-1"), CNY)).subtract(cny("1000.00"));
        assertTrue(s.net().isEqualTo(sellerFunds), "net equals the change of the seller's funds");
    }

    @Test
    void aStatementShowsPlatformSubsidiesPaidAndTakenBack() {
        escrows.open(EscrowTerms.of("o-1", "b-1", "s-1", cny("90.00")).withPlatformSubsidy(cny("10.00"))
                .withDeductions(Deductions.commission(cny("5.00"))));
        escrows.pay("o-1", BUYER, new PaymentSource("tok"));
        escrows.ship("o-1", SELLER, "T-1");
        escrows.confirmReceipt("o-1", BUYER);
        escrows.refund("o-1", SELLER, cny("45.00"));
        SettlementStatement s = SettlementStatement.of(journal, "s-1", CNY, T0, T0.plus(Duration.ofDays(1)),
                id -> Optional.empty());
        assertTrue(s.gross().isEqualTo(cny("95.00")), s.toString());
        assertTrue(s.platformSubsidies().isEqualTo(cny("5.00")));
        assertTrue(s.commission().isEqualTo(cny("2.50")));
        assertTrue(s.refunds().isEqualTo(cny("45.00")));
        assertTrue(s.net().isEqualTo(journal.balance(Account.sellerPayable("s-1"), CNY)), s.toString());
        assertTrue(s.net().isEqualTo(cny("47.50")));
    }

    @Test
    void aStatementShowsTheRevenueSharesPaidFromTheSellersSalesAndTakenBack() {
        escrows.open(EscrowTerms.of("o-1", "b-1", "s-1", cny("100.00")).withDeductions(new Deductions(cny("5.00"),
                cny("0.00"), cny("0.00"), List.of(new CreatorShare("creator-a", cny("10.00")),
                        new CreatorShare("referrer-b", cny("2.00"))))));
        escrows.pay("o-1", BUYER, new PaymentSource("tok"));
        escrows.ship("o-1", SELLER, "T-1");
        escrows.confirmReceipt("o-1", BUYER);
        escrows.refund("o-1", SELLER, cny("25.00"));
        SettlementStatement s = SettlementStatement.of(journal, "s-1", CNY, T0, T0.plus(Duration.ofDays(1)),
                id -> Optional.empty());
        assertTrue(s.gross().isEqualTo(cny("100.00")), s.toString());
        assertTrue(s.commission().isEqualTo(cny("3.75")), s.toString());
        assertTrue(s.shares().isEqualTo(cny("9.00")), s.toString());
        assertTrue(s.refunds().isEqualTo(cny("25.00")));
        assertTrue(s.net().isEqualTo(cny("62.25")), s.toString());
        assertTrue(s.net().isEqualTo(journal.balance(Account.sellerPayable("s-1"), CNY)), s.toString());
    }

    void sellWithShare(String id, String amount, String share) {
        escrows.open(EscrowTerms.of(id, "b-1", "s-1", cny(amount)).withDeductions(new Deductions(cny("0.00"),
                cny("0.00"), cny("0.00"), List.of(new CreatorShare("c-1", cny(share))))));
        escrows.pay(id, BUYER, new PaymentSource("tok"));
        escrows.ship(id, SELLER, "T-" + id);
        escrows.confirmReceipt(id, BUYER);
    }

    @Test
    void aCreatorEarningSharesOnTwoOrdersIsPaidOnceAndAReplayPaysNothingMore() {
        Payee creator = new Payee.Creator("c-1");
        sellWithShare("o-1", "100.00", "10.00");
        sellWithShare("o-2", "50.00", "5.00");
        clock.advance(Duration.ofDays(7));
        Payout payout = payouts.payOut(creator, CNY).orElseThrow();
        assertTrue(payout.amount().isEqualTo(cny("15.00")), payout.toString());
        assertEquals("creator-payout.c-1.2026-03-08", payout.transactionId().value());
        assertInstanceOf(PaymentOutcome.Succeeded.class, payout.outcome());
        assertEquals(payout, payouts.payOut(creator, CNY).orElseThrow(), "same day, same payout");
        clock.advance(Duration.ofDays(1));
        assertTrue(payouts.payOut(creator, CNY).isEmpty(), "nothing more is due the next day");
        assertEquals(List.of(payout), payouts.payouts(creator));
        assertTrue(payouts.payouts("c-1").isEmpty(), "a seller with the creator's id has no payouts");
        assertTrue(journal.balance(Account.creatorPayable("c-1"), CNY).isZero());
        assertTrue(journal.balance(Account.payouts(), CNY).isEqualTo(cny("15.00")));
        assertTrue(journal.balance(Account.sellerPayable("s-1"), CNY).isEqualTo(cny("135.00")), "seller unpaid");
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aCreatorBalanceMadeNegativeByARefundAfterPayoutIsCarriedNotPaid() {
        Payee creator = new Payee.Creator("c-1");
        sellWithShare("o-1", "100.00", "10.00");
        clock.advance(Duration.ofDays(7));
        payouts.payOut(creator, CNY).orElseThrow();
        escrows.refund("o-1", SELLER, cny("100.00"));
        assertTrue(journal.balance(Account.creatorPayable("c-1"), CNY).isEqualTo(cny("-10.00")));
        clock.advance(Duration.ofDays(1));
        assertTrue(payouts.payOut(creator, CNY).isEmpty(), "a negative balance is not paid");
        sellWithShare("o-2", "100.00", "25.00");
        clock.advance(Duration.ofDays(7));
        assertTrue(payouts.payOut(creator, CNY).orElseThrow().amount().isEqualTo(cny("15.00")), "netted");
        assertTrue(journal.balance(Account.creatorPayable("c-1"), CNY).isZero());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aDeclinedCreatorPayoutIsReversedAndATimeoutIsReconciledWithOneEffect() {
        Payee creator = new Payee.Creator("c-1");
        sellWithShare("o-1", "100.00", "10.00");
        clock.advance(Duration.ofDays(7));
        sandbox.declineNext(DeclineReason.REFUSED, "acct_closed", "account closed");
        assertInstanceOf(PaymentOutcome.Declined.class, payouts.payOut(creator, CNY).orElseThrow().outcome());
        assertTrue(journal.balance(Account.creatorPayable("c-1"), CNY).isEqualTo(cny("10.00")));
        assertTrue(journal.balance(Account.payouts(), CNY).isZero());
        // As for sellers, the reversal credits the payable anew, so it waits out the hold period again.
        clock.advance(Duration.ofDays(7));
        sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        assertInstanceOf(PaymentOutcome.Unknown.class, payouts.payOut(creator, CNY).orElseThrow().outcome());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, payouts.reconcile());
        assertInstanceOf(PaymentOutcome.Succeeded.class, payouts.payouts(creator).get(1).outcome());
        assertEquals(0, payouts.reconcile());
        assertTrue(journal.balance(Account.payouts(), CNY).isEqualTo(cny("10.00")));
        assertTrue(journal.balance(Account.creatorPayable("c-1"), CNY).isZero());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void theCreatorPayoutCycleFiresFromItsOwnTimer() {
        DueTaskRunner runner = payouts.registerTimers(DueTaskRunner.create(storage, clock));
        payouts.scheduleCycle(new Payee.Creator("c-1"), CNY, T0.plus(Duration.ofDays(8)));
        sellWithShare("o-1", "100.00", "10.00");
        clock.advance(Duration.ofDays(8));
        assertEquals(1, runner.runDue());
        assertEquals(1, payouts.payouts(new Payee.Creator("c-1")).size());
        assertTrue(payouts.payouts("s-1").isEmpty(), "the creator's cycle does not pay the seller");
    }

    @Test
    void payoutsRunOnATPlusNCycleAndPayOnlyWhatWasReleasedNDaysAgo() {
        sellAndConfirm("o-1", "100.00", "5.00");
        clock.advance(Duration.ofDays(3));
        sellAndConfirm("o-2", "200.00", "10.00");
        assertTrue(payouts.payOut("s-1", CNY).isEmpty(), "nothing released 7 days ago yet");
        clock.advance(Duration.ofDays(4));
        Payout first = payouts.payOut("s-1", CNY).orElseThrow();
        assertTrue(first.amount().isEqualTo(cny("94.00")));
        assertInstanceOf(PaymentOutcome.Succeeded.class, first.outcome());
        assertEquals(first, payouts.payOut("s-1", CNY).orElseThrow(), "same day, same payout");
        assertTrue(journal.balance(Account.payouts(), CNY).isEqualTo(cny("94.00")));
        clock.advance(Duration.ofDays(3));
        assertTrue(payouts.payOut("s-1", CNY).orElseThrow().amount().isEqualTo(cny("189.00")));
        assertTrue(journal.balance(Account.sellerPayable("s-1"), CNY).isZero());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aDeclinedPayoutIsReversedInTheLedger() {
        sellAndConfirm("o-1", "100.00", "5.00");
        clock.advance(Duration.ofDays(8));
        sandbox.declineNext(DeclineReason.REFUSED, "acct_closed", "account closed");
        Payout payout = payouts.payOut("s-1", CNY).orElseThrow();
        assertInstanceOf(PaymentOutcome.Declined.class, payout.outcome());
        assertTrue(journal.balance(Account.sellerPayable("s-1"), CNY).isEqualTo(cny("94.00")));
        assertTrue(journal.balance(Account.payouts(), CNY).isZero());
    }

    @Test
    void aPayoutTimeoutIsResolvedByTheReconcilerWithOneEffect() {
        sellAndConfirm("o-1", "100.00", "5.00");
        clock.advance(Duration.ofDays(8));
        sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        Payout payout = payouts.payOut("s-1", CNY).orElseThrow();
        assertInstanceOf(PaymentOutcome.Unknown.class, payout.outcome());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, payouts.reconcile());
        assertInstanceOf(PaymentOutcome.Succeeded.class, payouts.payouts("s-1").get(0).outcome());
        assertEquals(0, payouts.reconcile());
        assertTrue(journal.balance(Account.payouts(), CNY).isEqualTo(cny("94.00")));
    }

    @Test
    void thePayoutCycleFiresFromTheTimerEveryDay() {
        DueTaskRunner runner = payouts.registerTimers(DueTaskRunner.create(storage, clock));
        payouts.scheduleCycle("s-1", CNY, T0.plus(Duration.ofDays(1)));
        sellAndConfirm("o-1", "100.00", "5.00");
        clock.advance(Duration.ofDays(1));
        assertEquals(1, runner.runDue());
        assertTrue(payouts.payouts("s-1").isEmpty());
        clock.advance(Duration.ofDays(7));
        assertEquals(1, runner.runDue());
        assertEquals(1, payouts.payouts("s-1").size());
        assertEquals(0, runner.runDue(), "the next cycle is tomorrow");
    }
}
