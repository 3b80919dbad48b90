package dev.mercato.core.seller;

import static dev.mercato.core.seller.SellerWorld.CARD;
import static dev.mercato.core.seller.SellerWorld.OPERATOR;
import static dev.mercato.core.seller.SellerWorld.cny;
import static dev.mercato.core.seller.SellerWorld.seller;
import static dev.mercato.core.seller.SellerWorld.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.money.CurrencyMismatchException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * A security deposit of 500.00 lodged through the provider, debited 120.00 for a penalty, topped
 * up again through the provider and returned on closure (docs/fees.md, "Seller security deposits").
 */
class DepositTopUpExamples {
    final SellerWorld w = new SellerWorld();

    static SellerRefusal reason(SellerResult result) {
        return assertInstanceOf(SellerResult.Refused.class, result).reason();
    }

    void assertAmount(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), () -> "expected CNY " + expected + " but was " + actual);
    }

    void debited() {
        assertInstanceOf(Active.class, w.activate("s-1", SellerType.C2C_INDIVIDUAL, cny("500.00")).state());
        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("120.00"), "pen-1");
        assertAmount("380.00", w.depositBalance("s-1"));
    }

    @Test
    void aTopUpThroughTheProviderRestoresWhatAPenaltyTookAndTheReturnGivesItAllBack() {
        debited();
        Active active = assertInstanceOf(Active.class,
                w.sellers.topUpDeposit("s-1", seller("s-1"), cny("120.00"), CARD, "top-1").state());
        assertAmount("120.00", active.deposit().toppedUp());
        assertAmount("500.00", active.deposit().held());
        assertAmount("0.00", active.deposit().shortfall());
        DepositTopUp.Paid paid = assertInstanceOf(DepositTopUp.Paid.class, w.sellers.depositTopUp("s-1", "top-1").orElseThrow());
        assertEquals(List.of(Posting.credit(new Account.SellerFundsIn("s-1"), cny("120.00")),
                Posting.debit(Account.sellerDeposit("s-1"), cny("120.00"))),
                w.journal.entry("seller-deposit:s-1:top-up:" + paid.transactionId()).orElseThrow().postings());
        assertAmount("500.00", w.depositBalance("s-1"));

        // A replay pays nothing more; other content under the key is refused; nothing is left to restore.
        w.sellers.topUpDeposit("s-1", seller("s-1"), cny("120.00"), CARD, "top-1");
        assertAmount("500.00", w.depositBalance("s-1"));
        assertThrows(IdempotencyKeyReusedException.class,
                () -> w.sellers.topUpDeposit("s-1", seller("s-1"), cny("100.00"), CARD, "top-1"));
        assertEquals(SellerRefusal.EXCEEDS_SHORTFALL,
                reason(w.sellers.topUpDeposit("s-1", seller("s-1"), cny("0.01"), CARD, "top-2")));

        // Closed: one refund of the lodging payment gives back the whole 500.00.
        w.sellers.requestClose("s-1", seller("s-1"));
        w.clock.advance(Duration.ofDays(1));
        w.timers.runDue();
        Closed closed = assertInstanceOf(Closed.class, w.state("s-1"));
        assertAmount("500.00", closed.deposit().returned());
        assertAmount("0.00", w.depositBalance("s-1"));
        // The seller paid in 500 + 120 and got 500 back: the 120.00 penalty is what it cost.
        assertAmount("-120.00", w.balance(new Account.SellerFundsIn("s-1")));
        LedgerChecks.assertConsistent(w.journal);
    }

    @Test
    void aDeclinedTopUpChangesNothingAndATimedOutOneIsSettledByReconciliation() {
        debited();
        w.sandbox.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        assertEquals(SellerRefusal.DEPOSIT_DECLINED,
                reason(w.sellers.topUpDeposit("s-1", seller("s-1"), cny("120.00"), CARD, "top-1")));
        assertInstanceOf(DepositTopUp.Declined.class, w.sellers.depositTopUp("s-1", "top-1").orElseThrow());
        assertAmount("380.00", w.depositBalance("s-1"));

        w.sandbox.scriptNext(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.MONEY_MOVED,
                ScriptedAnswer.TimeOut.Surface.EXCEPTION));
        assertInstanceOf(Active.class, w.sellers.topUpDeposit("s-1", seller("s-1"), cny("120.00"), CARD, "top-2").state());
        assertInstanceOf(DepositTopUp.AwaitingProvider.class, w.sellers.depositTopUp("s-1", "top-2").orElseThrow());
        assertAmount("380.00", w.depositBalance("s-1"));
        w.sellers.reconcile();
        assertInstanceOf(DepositTopUp.Paid.class, w.sellers.depositTopUp("s-1", "top-2").orElseThrow());
        assertAmount("500.00", w.depositBalance("s-1"));

        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("50.00"), "pen-2");
        w.sandbox.scriptNext(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.NOTHING_MOVED,
                ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME));
        w.sellers.topUpDeposit("s-1", seller("s-1"), cny("50.00"), CARD, "top-3");
        w.sellers.reconcile();
        assertInstanceOf(DepositTopUp.Declined.class, w.sellers.depositTopUp("s-1", "top-3").orElseThrow());
        assertAmount("450.00", w.depositBalance("s-1"));
        LedgerChecks.assertConsistent(w.journal);
    }

    @Test
    void refusalsSendAndStoreNothing() {
        w.approveUpToAgreement("s-2", SellerType.C2C_INDIVIDUAL);
        assertEquals(SellerRefusal.NOT_IN_THIS_STATE,
                reason(w.sellers.topUpDeposit("s-2", seller("s-2"), cny("10.00"), CARD, "top-1")));
        debited();
        assertEquals(SellerRefusal.EXCEEDS_SHORTFALL,
                reason(w.sellers.topUpDeposit("s-1", seller("s-1"), cny("120.01"), CARD, "top-1")));
        assertEquals(SellerRefusal.ACTOR_NOT_ALLOWED,
                reason(w.sellers.topUpDeposit("s-1", seller("s-2"), cny("10.00"), CARD, "top-1")));
        assertEquals(SellerRefusal.AMOUNT_NOT_POSITIVE,
                reason(w.sellers.topUpDeposit("s-1", seller("s-1"), cny("0.00"), CARD, "top-1")));
        assertThrows(CurrencyMismatchException.class,
                () -> w.sellers.topUpDeposit("s-1", seller("s-1"), usd("10.00"), CARD, "top-1"));
        assertEquals(Optional.empty(), w.sellers.depositTopUp("s-1", "top-1"));
        assertAmount("380.00", w.depositBalance("s-1"));
        // An operator may top up for the seller; the refused key is free.
        assertInstanceOf(Active.class, w.sellers.topUpDeposit("s-1", OPERATOR, cny("20.00"), CARD, "top-1").state());
        assertAmount("400.00", w.depositBalance("s-1"));
    }
}
