package dev.mercato.core.seller;

import static dev.mercato.core.seller.SellerWorld.CARD;
import static dev.mercato.core.seller.SellerWorld.OPERATOR;
import static dev.mercato.core.seller.SellerWorld.cny;
import static dev.mercato.core.seller.SellerWorld.documents;
import static dev.mercato.core.seller.SellerWorld.documentsFor;
import static dev.mercato.core.seller.SellerWorld.seller;
import static dev.mercato.core.seller.SellerWorld.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.money.CurrencyMismatchException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SellerOnboardingExamples {
    private final SellerWorld w = new SellerWorld();

    private static SellerRefusal reason(SellerResult r) {
        return assertInstanceOf(SellerResult.Refused.class, r).reason();
    }

    @Test
    void aBrandStoreGoesFromRegistrationToActiveWithItsDepositInTheLedger() {
        assertInstanceOf(Registered.class, w.sellers.register("brand-1", SellerType.B2C_BRAND_STORE,
                seller("brand-1")).state());
        assertInstanceOf(QualificationsSubmitted.class, w.sellers.submitQualifications("brand-1", seller("brand-1"),
                documentsFor(SellerType.B2C_BRAND_STORE)).state());
        Approved approved = assertInstanceOf(Approved.class, w.sellers.approve("brand-1", OPERATOR).state());
        assertEquals(Set.of(Badge.VERIFIED), approved.badges());
        assertInstanceOf(AgreementAccepted.class, w.sellers.acceptAgreement("brand-1", seller("brand-1"), "2026-01")
                .state());
        assertFalse(w.sellers.maySell("brand-1"));

        SellerResult paid = w.sellers.payDeposit("brand-1", seller("brand-1"), cny("50000.00"), CARD, "k-1");

        Active active = assertInstanceOf(Active.class, paid.state());
        assertTrue(active.deposit().held().isEqualTo(cny("50000.00")));
        assertTrue(w.depositBalance("brand-1").isEqualTo(cny("50000.00")));
        assertTrue(w.balance(new Account.SellerFundsIn("brand-1")).isEqualTo(cny("-50000.00")));
        assertTrue(w.sellers.maySell("brand-1"));
        LedgerChecks.assertConsistent(w.journal);
    }

    @Test
    void onlyAPlatformOperatorApprovesQualifications() {
        w.sellers.register("s-1", SellerType.C2C_INDIVIDUAL, seller("s-1"));
        w.sellers.submitQualifications("s-1", seller("s-1"), documentsFor(SellerType.C2C_INDIVIDUAL));

        for (Actor notAnOperator : new Actor[] {seller("s-1"), seller("s-2"), new Actor.Buyer("b-1"), SellerWorld.SYSTEM}) {
            assertEquals(SellerRefusal.ACTOR_NOT_ALLOWED, reason(w.sellers.approve("s-1", notAnOperator)));
        }
        assertInstanceOf(QualificationsSubmitted.class, w.state("s-1"));
    }

    @Test
    void aBrandStoreWithoutBrandAuthorisationIsRefusedAndStaysRegistered() {
        w.sellers.register("brand-1", SellerType.B2C_BRAND_STORE, seller("brand-1"));

        SellerResult result = w.sellers.submitQualifications("brand-1", seller("brand-1"),
                documents(Qualification.IDENTITY, Qualification.BUSINESS_LICENCE));

        assertEquals(SellerRefusal.MISSING_QUALIFICATIONS, reason(result));
        assertTrue(((SellerResult.Refused) result).detail().contains("BRAND_AUTHORISATION"));
        assertInstanceOf(Registered.class, w.state("brand-1"));
    }

    @Test
    void aRejectedSellerKnowsWhyAndMayResubmit() {
        w.sellers.register("s-1", SellerType.B2B_SUPPLIER, seller("s-1"));
        w.sellers.submitQualifications("s-1", seller("s-1"), documentsFor(SellerType.B2B_SUPPLIER));

        Rejected rejected = assertInstanceOf(Rejected.class, w.sellers.reject("s-1", OPERATOR,
                RejectionReason.CREDIT_CHECK_FAILED, "report older than 3 months").state());

        assertEquals(RejectionReason.CREDIT_CHECK_FAILED, rejected.reason());
        assertEquals("op-1", rejected.operatorId());
        assertInstanceOf(QualificationsSubmitted.class, w.sellers.submitQualifications("s-1", seller("s-1"),
                documentsFor(SellerType.B2B_SUPPLIER)).state());
    }

    @Test
    void aB2bSupplierIsCreditCertifiedOnApproval() {
        w.activate("sup-1", SellerType.B2B_SUPPLIER, cny("10000.00"));

        Active active = assertInstanceOf(Active.class, w.state("sup-1"));

        assertEquals(Set.of(Badge.VERIFIED, Badge.CREDIT_CERTIFIED), active.badges());
    }

    @Test
    void aDepositInTheWrongCurrencyIsRefusedAndChangesNothing() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);

        assertThrows(CurrencyMismatchException.class,
                () -> w.sellers.payDeposit("s-1", seller("s-1"), usd("500.00"), CARD, "k-1"));

        assertInstanceOf(AgreementAccepted.class, w.state("s-1"));
        assertTrue(w.journal.entries().isEmpty());
        // The key was not used up: the right payment with it goes through.
        assertInstanceOf(Active.class, w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1").state());
    }

    @Test
    void aDepositOfTheWrongAmountIsRefused() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);

        assertEquals(SellerRefusal.DEPOSIT_AMOUNT_WRONG,
                reason(w.sellers.payDeposit("s-1", seller("s-1"), cny("499.99"), CARD, "k-1")));
        assertInstanceOf(AgreementAccepted.class, w.state("s-1"));
    }

    @Test
    void anotherSellerCannotPayOrApproveForASeller() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);

        assertEquals(SellerRefusal.ACTOR_NOT_ALLOWED,
                reason(w.sellers.payDeposit("s-1", seller("s-2"), cny("500.00"), CARD, "k-1")));
        assertTrue(w.journal.entries().isEmpty());
    }

    @Test
    void payingTheDepositTwiceWithOneKeyChargesOnce() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);

        SellerResult first = w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1");
        SellerResult replay = w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1");

        assertEquals(first.state(), replay.state());
        assertTrue(w.depositBalance("s-1").isEqualTo(cny("500.00")));
        assertEquals(1, w.journal.entries().size());
        assertThrows(IdempotencyKeyReusedException.class,
                () -> w.sellers.payDeposit("s-1", seller("s-1"), cny("600.00"), CARD, "k-1"));
    }

    @Test
    void aDeclinedDepositLeavesTheSellerFreeToPayAgainWithANewKey() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);
        w.sandbox.scriptNext(ScriptedAnswer.decline(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds"));

        SellerResult declined = w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1");

        assertEquals(SellerRefusal.DEPOSIT_DECLINED, reason(declined));
        assertEquals(1, assertInstanceOf(AgreementAccepted.class, w.state("s-1")).depositAttempts());
        assertEquals(SellerRefusal.DEPOSIT_DECLINED,
                reason(w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1")));
        assertTrue(w.journal.entries().isEmpty());

        Active active = assertInstanceOf(Active.class,
                w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-2").state());
        assertEquals("sdep.s-1.2", active.deposit().payment().orElseThrow().value());
    }

    @Test
    void aPendingDepositActivatesTheSellerWhenReconciled() {
        w.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);
        w.sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));

        assertInstanceOf(DepositPending.class,
                w.sellers.payDeposit("s-1", seller("s-1"), cny("500.00"), CARD, "k-1").state());
        assertFalse(w.sellers.maySell("s-1"));
        assertTrue(w.journal.entries().isEmpty());

        w.clock.advance(Duration.ofMinutes(5));
        w.sandbox.settleDue();
        assertEquals(1, w.sellers.reconcile());

        assertInstanceOf(Active.class, w.state("s-1"));
        assertTrue(w.depositBalance("s-1").isEqualTo(cny("500.00")));
    }

    @Test
    void aSellerTypeWithoutADepositActivatesWithoutPaying() {
        SellerWorld free = new SellerWorld(OnboardingPolicy.defaults(SellerWorld.CNY).with(SellerType.C2C_INDIVIDUAL,
                new SellerRequirements(Set.of(Qualification.IDENTITY), cny("0"), Set.of())),
                EnumSet.allOf(Capabilities.Feature.class));
        free.approveUpToAgreement("s-1", SellerType.C2C_INDIVIDUAL);

        Active active = assertInstanceOf(Active.class, free.sellers.activateWithoutDeposit("s-1", seller("s-1")).state());

        assertTrue(active.deposit().held().isZero());
        assertTrue(free.journal.entries().isEmpty());
    }

    @Test
    void aSellerTypeWithADepositCannotActivateWithoutPaying() {
        w.approveUpToAgreement("brand-1", SellerType.B2C_BRAND_STORE);

        assertEquals(SellerRefusal.DEPOSIT_AMOUNT_WRONG,
                reason(w.sellers.activateWithoutDeposit("brand-1", seller("brand-1"))));
        assertInstanceOf(AgreementAccepted.class, w.state("brand-1"));
    }

    @Test
    void aSuspendedSellerCannotSellUntilAnOperatorReinstatesIt() {
        w.activate("s-1", SellerType.C2C_INDIVIDUAL, cny("500.00"));

        assertEquals(SellerRefusal.ACTOR_NOT_ALLOWED, reason(w.sellers.suspend("s-1", seller("s-1"), "self")));
        assertInstanceOf(Suspended.class, w.sellers.suspend("s-1", OPERATOR, "fake orders").state());
        assertFalse(w.sellers.maySell("s-1"));

        assertInstanceOf(Active.class, w.sellers.reinstate("s-1", OPERATOR).state());
        assertTrue(w.sellers.maySell("s-1"));
    }

    @Test
    void aPenaltyAndACompensationAreDebitedFromTheDepositAndNoMore() {
        w.activate("s-1", SellerType.C2C_INDIVIDUAL, cny("500.00"));

        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("120.00"), "pen-1");
        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.COMPENSATION, cny("300.00"), "comp-1");
        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.COMPENSATION, cny("300.00"), "comp-1");

        assertTrue(w.depositBalance("s-1").isEqualTo(cny("80.00")));
        assertTrue(w.balance(Account.revenue(RevenueStream.PENALTY)).isEqualTo(cny("120.00")));
        assertTrue(w.balance(Account.refunds()).isEqualTo(cny("300.00")));
        assertEquals(SellerRefusal.EXCEEDS_DEPOSIT,
                reason(w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("80.01"), "pen-2")));
        assertEquals(SellerRefusal.ACTOR_NOT_ALLOWED,
                reason(w.sellers.debitDeposit("s-1", seller("s-2"), DebitKind.PENALTY, cny("1.00"), "pen-3")));
        assertInstanceOf(Active.class, w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("80.00"), "pen-4")
                .state());
        assertTrue(w.depositBalance("s-1").isZero());
        LedgerChecks.assertConsistent(w.journal);
    }

    @Test
    void aClosingSellerGetsItsDepositBackMinusDebitsOnlyAfterOpenOrdersSettle() {
        w.activate("s-1", SellerType.C2C_INDIVIDUAL, cny("500.00"));
        w.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("150.00"), "pen-1");
        w.openObligations.add("s-1");

        assertInstanceOf(Closing.class, w.sellers.requestClose("s-1", seller("s-1")).state());
        assertFalse(w.sellers.maySell("s-1"));
        w.timers.runDue();
        assertInstanceOf(Closing.class, w.state("s-1"));
        assertEquals(SellerRefusal.OBLIGATIONS_OPEN, reason(w.sellers.returnDeposit("s-1", OPERATOR)));

        w.openObligations.remove("s-1");
        w.clock.advance(Duration.ofDays(1));
        w.timers.runDue();

        Closed closed = assertInstanceOf(Closed.class, w.state("s-1"));
        assertTrue(closed.deposit().returned().isEqualTo(cny("350.00")));
        assertTrue(w.depositBalance("s-1").isZero());
        assertTrue(w.balance(new Account.SellerFundsIn("s-1")).isEqualTo(cny("-150.00")));
        LedgerChecks.assertConsistent(w.journal);
    }

    @Test
    void aProviderThatCannotRefundPartiallyKeepsTheDebitedDepositClosing() {
        SellerWorld whole = new SellerWorld(OnboardingPolicy.defaults(SellerWorld.CNY), Set.of());
        whole.activate("s-1", SellerType.C2C_INDIVIDUAL, cny("500.00"));
        whole.sellers.debitDeposit("s-1", OPERATOR, DebitKind.PENALTY, cny("1.00"), "pen-1");
        whole.sellers.requestClose("s-1", OPERATOR);

        assertEquals(SellerRefusal.PROVIDER_CANNOT_RETURN, reason(whole.sellers.returnDeposit("s-1", OPERATOR)));

        assertTrue(whole.depositBalance("s-1").isEqualTo(cny("499.00")));
        assertInstanceOf(Closing.class, whole.state("s-1"));
    }

    @Test
    void aSellerIdIsRegisteredOnce() {
        w.sellers.register("s-1", SellerType.C2C_INDIVIDUAL, seller("s-1"));

        assertEquals(SellerRefusal.NOT_IN_THIS_STATE,
                reason(w.sellers.register("s-1", SellerType.B2B_SUPPLIER, OPERATOR)));
        assertThrows(UnknownSellerException.class, () -> w.sellers.approve("nobody", OPERATOR));
    }
}
