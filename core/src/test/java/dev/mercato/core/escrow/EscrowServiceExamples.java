package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.OPERATOR;
import static dev.mercato.core.escrow.EscrowExamples.SELLER;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.Notification;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.NotificationDelivery;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import dev.mercato.core.storage.Storage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EscrowServiceExamples {
    static final PaymentSource CARD = new PaymentSource("tok_visa");

    final MovableClock clock = new MovableClock(T0);
    final Storage storage = InMemoryStorage.create();
    final Journal journal = Journal.inMemory();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-test", Set.of(CNY)).withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
    final EscrowService service = EscrowService.create(storage, journal, sandbox, clock);
    final DueTaskRunner timers = service.registerTimers(DueTaskRunner.create(storage, clock));

    Escrow paidAndShipped() {
        service.open(EscrowExamples.terms());
        assertInstanceOf(Held.class, service.pay("o-1", BUYER, CARD).escrow());
        clock.advance(Duration.ofDays(1));
        assertInstanceOf(Transition.Accepted.class, service.ship("o-1", SELLER, "SF1"));
        return service.find("o-1").orElseThrow();
    }

    @Test
    void aPaymentThroughTheProviderIsHeldInEscrow() {
        service.open(EscrowExamples.terms());
        PaymentAttempt attempt = service.pay("o-1", BUYER, CARD);
        assertInstanceOf(PaymentOutcome.Succeeded.class, attempt.outcome().orElseThrow());
        assertInstanceOf(Held.class, attempt.escrow());
        assertTrue(journal.balance(Account.escrowHeld("o-1"), CNY).isEqualTo(cny("100.00")));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.status(new TransactionId("esc.o-1.pay-1")).orElseThrow());
    }

    @Test
    void autoConfirmFiresFromTheTimerExactlyTenDaysAfterShipment() {
        paidAndShipped();
        clock.advance(Duration.ofDays(10).minusMillis(1));
        timers.runDue();
        assertInstanceOf(Shipped.class, service.find("o-1").orElseThrow());
        clock.advance(Duration.ofMillis(1));
        timers.runDue();
        assertInstanceOf(Released.class, service.find("o-1").orElseThrow());
        assertTrue(journal.balance(Account.sellerPayable("s-1"), CNY).isEqualTo(cny("93.40")));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aDisputeFreezesTheAutoConfirmTimer() {
        paidAndShipped();
        clock.advance(Duration.ofDays(3));
        service.openDispute("o-1", BUYER);
        clock.advance(Duration.ofDays(30));
        timers.runDue();
        assertInstanceOf(Disputed.class, service.find("o-1").orElseThrow());
        service.endDispute("o-1", OPERATOR);
        clock.advance(Duration.ofDays(7).minusMillis(1));
        timers.runDue();
        assertInstanceOf(Shipped.class, service.find("o-1").orElseThrow());
        clock.advance(Duration.ofMillis(1));
        timers.runDue();
        assertInstanceOf(Released.class, service.find("o-1").orElseThrow());
    }

    @Test
    void anUnpaidEscrowClosesWhenItsTimerFires() {
        service.open(EscrowExamples.terms());
        clock.advance(Duration.ofDays(3));
        assertEquals(1, timers.runDue());
        assertInstanceOf(Closed.class, service.find("o-1").orElseThrow());
    }

    @Test
    void aGroupBuyIsRefundedThroughTheProviderWhenTheDeadlinePassesUnfilled() {
        service.open(EscrowExamples.terms().withGroupDeadline(T0.plus(Duration.ofHours(24))));
        assertInstanceOf(AwaitingGroup.class, service.pay("o-1", BUYER, CARD).escrow());
        clock.advance(Duration.ofHours(24));
        timers.runDue();
        assertInstanceOf(Refunded.class, service.find("o-1").orElseThrow());
        ProviderOperation refund = service.operations("o-1").get(1);
        assertEquals(ProviderOperation.Kind.REFUND, refund.kind());
        assertInstanceOf(PaymentOutcome.Succeeded.class, refund.outcome());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aProviderTimeoutIsUnknownAndTheReconcilerCompletesThePayment() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION));
        PaymentAttempt attempt = service.pay("o-1", BUYER, CARD);
        assertInstanceOf(PaymentOutcome.Unknown.class, attempt.outcome().orElseThrow());
        assertInstanceOf(AwaitingPayment.class, attempt.escrow());
        assertEquals(0, service.reconcile(), "not due before the backoff");
        clock.advance(Duration.ofSeconds(30));
        assertEquals(1, service.reconcile());
        assertInstanceOf(Held.class, service.find("o-1").orElseThrow());
        assertTrue(journal.balance(Account.escrowHeld("o-1"), CNY).isEqualTo(cny("100.00")));
    }

    @Test
    void aPaymentThatNeverReachedTheProviderIsRetriedUnderANewId() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(Surface.UNKNOWN_OUTCOME));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofMinutes(1));
        service.reconcile();
        assertInstanceOf(PaymentOutcome.Declined.class, service.operations("o-1").get(0).outcome());
        PaymentAttempt retry = service.pay("o-1", BUYER, CARD);
        assertInstanceOf(Held.class, retry.escrow());
        assertEquals(new TransactionId("esc.o-1.pay-2"), service.operations("o-1").get(1).transactionId());
    }

    @Test
    void duplicateAndReorderedNotificationsReachTheSameFinalState() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));
        assertInstanceOf(PaymentOutcome.Pending.class, service.pay("o-1", BUYER, CARD).outcome().orElseThrow());
        clock.advance(Duration.ofMinutes(5));
        for (Notification n : sandbox.drainNotifications(new NotificationDelivery(NotificationDelivery.Order.SHUFFLED, 3, 7L))) {
            service.onNotification(n);
        }
        assertInstanceOf(Held.class, service.find("o-1").orElseThrow());
        assertEquals(1, journal.entries().size());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aRefundTimeoutIsResolvedByTheReconcilerWithOneEffect() {
        paidAndShipped();
        sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(Surface.EXCEPTION));
        service.refund("o-1", SELLER, cny("30.00"));
        ProviderOperation refund = service.operations("o-1").get(1);
        assertInstanceOf(PaymentOutcome.Unknown.class, refund.outcome());
        clock.advance(Duration.ofMinutes(1));
        service.reconcile();
        service.reconcile();
        assertInstanceOf(PaymentOutcome.Succeeded.class, service.operations("o-1").get(1).outcome());
        assertTrue(journal.balance(Account.refunds(), CNY).isEqualTo(cny("30.00")));
    }

    @Test
    void aPaymentThatSucceedsAfterTheEscrowClosedIsSentBack() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofDays(4)));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofDays(3));
        timers.runDue();
        assertInstanceOf(Closed.class, service.find("o-1").orElseThrow());
        clock.advance(Duration.ofDays(1));
        service.reconcile();
        assertInstanceOf(Closed.class, service.find("o-1").orElseThrow());
        assertTrue(journal.balance(Account.refunds(), CNY).isEqualTo(cny("100.00")));
        assertInstanceOf(PaymentOutcome.Succeeded.class,
                sandbox.status(new TransactionId("esc.o-1.late-refund")).orElseThrow());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void lateAndDuplicateNotificationsNeverMoveAReleasedEscrowBackwards() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(1)));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofMinutes(1));
        service.reconcile();
        service.ship("o-1", SELLER, "SF1");
        service.confirmReceipt("o-1", BUYER);
        int entries = journal.entries().size();
        // The pending and succeeded notifications of the payment arrive now, twice, newest first.
        java.util.List<Notification> delivered =
                sandbox.drainNotifications(new NotificationDelivery(NotificationDelivery.Order.REVERSED, 2, 1L));
        assertTrue(delivered.size() >= 4, "pending and succeeded, twice each, plus the capture's own");
        for (Notification n : delivered) {
            assertInstanceOf(dev.mercato.payments.NotificationResult.Verified.class, service.onNotification(n));
        }
        assertInstanceOf(Released.class, service.find("o-1").orElseThrow());
        assertEquals(entries, journal.entries().size());
        assertInstanceOf(PaymentOutcome.Succeeded.class, service.operations("o-1").get(0).outcome());
    }

    @Test
    void aNotificationWithABadSignatureChangesNothing() {
        service.open(EscrowExamples.terms());
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(1)));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofMinutes(1));
        java.util.List<Notification> delivered = sandbox.drainNotifications(NotificationDelivery.inOrder());
        assertTrue(delivered.size() >= 2);
        for (Notification n : delivered) {
            Notification forged = new Notification(n.headers(), n.body().replace("esc.o-1", "esc.o-1 "));
            assertInstanceOf(dev.mercato.payments.NotificationResult.Rejected.class, service.onNotification(forged));
        }
        assertInstanceOf(AwaitingPayment.class, service.find("o-1").orElseThrow());
    }

    @Test
    void aSellerCannotConfirmReceiptThroughTheService() {
        paidAndShipped();
        Transition t = service.confirmReceipt("o-1", SELLER);
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, assertInstanceOf(Transition.Refused.class, t).reason());
        assertInstanceOf(Shipped.class, service.find("o-1").orElseThrow());
    }
}
