package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.PayoutRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.RejectionReason;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderExamples {
    private static final MonetaryAmount HUNDRED = Money.of(100, "USD");
    private static final ScriptedAnswer.Decline ISSUER_SAYS_NO =
            new ScriptedAnswer.Decline(DeclineReason.REFUSED, "do_not_honor", "Do not honor");

    private final MutableClock clock = new MutableClock();
    private final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings.of(clock, "s3cret",
            Set.of(Monetary.getCurrency("USD"), Monetary.getCurrency("JPY"))));

    private static TransactionId id(String value) {
        return new TransactionId(value);
    }

    private static PaymentRequest sale(String id, MonetaryAmount amount) {
        return new PaymentRequest(id(id), amount, new PaymentSource("tok_visa"), "order-" + id);
    }

    private static RefundRequest refund(String id, String payment, MonetaryAmount amount) {
        return new RefundRequest(id(id), id(payment), amount, "buyer returned the goods");
    }

    // ------------------------------------------------------------ server errors, asynchronous refunds, masking

    @Test
    void aServerErrorMovesNothingAndTheReplayChargesOnce() {
        sandbox.scriptNext(ScriptedAnswer.serverError());
        PaymentProviderException e = assertThrows(PaymentProviderException.class, () -> sandbox.sale(sale("pay-503", HUNDRED)));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertEquals(Optional.empty(), sandbox.status(id("pay-503")));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.sale(sale("pay-503", HUNDRED)));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.refund(refund("ref-503", "pay-503", HUNDRED)));
        assertThrows(InvalidPaymentRequestException.class, () -> sandbox.refund(refund("ref-504", "pay-503", Money.of(1, "USD"))));
    }

    @Test
    void anAsynchronousRefundIsPendingAndSettlesTenMinutesLater() {
        SandboxPaymentProvider slowRefunds = SandboxPaymentProvider.create(SandboxSettings.of(clock, "s3cret",
                Set.of(Monetary.getCurrency("USD"))).withAsynchronous(EnumSet.of(Operation.REFUND), Duration.ofMinutes(10)));
        assertFalse(slowRefunds.capabilities().isSynchronous(Operation.REFUND));
        assertTrue(slowRefunds.capabilities().isSynchronous(Operation.SALE));
        assertInstanceOf(PaymentOutcome.Succeeded.class, slowRefunds.sale(sale("pay-a", HUNDRED)));
        assertInstanceOf(PaymentOutcome.Pending.class, slowRefunds.refund(refund("ref-a", "pay-a", Money.of(40, "USD"))));
        clock.advance(Duration.ofMinutes(9));
        assertInstanceOf(PaymentOutcome.Pending.class, slowRefunds.status(id("ref-a")).orElseThrow());
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(PaymentOutcome.Succeeded.class, slowRefunds.status(id("ref-a")).orElseThrow());
    }

    @Test
    void aReusedIdIsRefusedWithoutPrintingThePaymentToken() {
        sandbox.sale(new PaymentRequest(id("pay-t"), HUNDRED, new PaymentSource("tok_4000056655665556"), "order-t"));
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class, () -> sandbox.sale(
                new PaymentRequest(id("pay-t"), HUNDRED, new PaymentSource("tok_5555555555554444"), "order-t")));
        assertEquals(Problem.TRANSACTION_ID_REUSED, e.problem());
        assertFalse(e.getMessage().contains("4000056655665556"), e.getMessage());
        assertFalse(e.getMessage().contains("5555555555554444"), e.getMessage());
        assertTrue(e.getMessage().contains("***5556"), e.getMessage());
    }

    // ------------------------------------------------------------ declines

    @Test
    void aDeclinedSaleMovesNothingAndUsesUpItsTransactionId() {
        sandbox.scriptNext(ISSUER_SAYS_NO);
        PaymentOutcome outcome = sandbox.sale(sale("pay-1", HUNDRED));
        assertEquals(new PaymentOutcome.Declined(id("pay-1"), DeclineReason.REFUSED, "do_not_honor", "Do not honor"), outcome);
        assertEquals(Optional.of(outcome), sandbox.status(id("pay-1")));
        assertEquals(outcome, sandbox.sale(sale("pay-1", HUNDRED)), "a replay repeats the decline");
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.refund(refund("ref-1", "pay-1", HUNDRED)));
        assertEquals(Problem.INVALID_STATE, e.problem());
    }

    @Test
    void declineNextDeclinesOnlyTheNextCall() {
        sandbox.declineNext(DeclineReason.INSUFFICIENT_FUNDS, "insufficient_funds", "");
        assertInstanceOf(PaymentOutcome.Declined.class, sandbox.sale(sale("pay-1", HUNDRED)));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.sale(sale("pay-2", HUNDRED)));
    }

    @Test
    void refusedRequestsAndReplaysDoNotUseUpAScriptedAnswer() {
        sandbox.sale(sale("pay-1", HUNDRED));
        sandbox.scriptNext(ISSUER_SAYS_NO);
        assertThrows(InvalidPaymentRequestException.class, () -> sandbox.sale(sale("pay-2", Money.of(1, "EUR"))));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.sale(sale("pay-1", HUNDRED)));
        assertEquals(1, sandbox.scriptedAnswersLeft());
        assertInstanceOf(PaymentOutcome.Declined.class, sandbox.sale(sale("pay-3", HUNDRED)));
        assertEquals(0, sandbox.scriptedAnswersLeft());
    }

    // ------------------------------------------------------------ timeouts

    @Test
    void aTimeoutAfterTheMoneyMovedSurfacesAsAnExceptionAndStatusTellsTheTruth() {
        sandbox.scriptNext(ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION));
        assertThrows(PaymentProviderException.class, () -> sandbox.sale(sale("pay-1", HUNDRED)));
        PaymentOutcome truth = sandbox.status(id("pay-1")).orElseThrow();
        assertInstanceOf(PaymentOutcome.Succeeded.class, truth);
        assertEquals(truth, sandbox.sale(sale("pay-1", HUNDRED)), "a replay reports the sale and charges nothing more");
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.refund(refund("ref-1", "pay-1", HUNDRED)));
        assertThrows(InvalidPaymentRequestException.class, () -> sandbox.refund(refund("ref-2", "pay-1", Money.of(1, "USD"))));
    }

    @Test
    void aTimeoutBeforeTheMoneyMovedLeavesNoRecordAndAReplayPerformsItOnce() {
        sandbox.scriptNext(ScriptedAnswer.timeOutBeforeMoving(Surface.UNKNOWN_OUTCOME));
        assertInstanceOf(PaymentOutcome.Unknown.class, sandbox.sale(sale("pay-1", HUNDRED)));
        assertEquals(Optional.empty(), sandbox.status(id("pay-1")));
        assertTrue(sandbox.drainNotifications().isEmpty(), "nothing happened, so nothing is notified");
        PaymentOutcome replay = sandbox.sale(sale("pay-1", HUNDRED));
        assertInstanceOf(PaymentOutcome.Succeeded.class, replay);
        assertEquals(replay, sandbox.sale(sale("pay-1", HUNDRED)));
        assertEquals(1, sandbox.drainNotifications().size());
    }

    @Test
    void aRefundThatTimedOutAfterMovingStillCountsAgainstTheRefundableAmount() {
        sandbox.sale(sale("pay-1", HUNDRED));
        sandbox.scriptNext(ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME));
        assertInstanceOf(PaymentOutcome.Unknown.class, sandbox.refund(refund("ref-1", "pay-1", Money.of(60, "USD"))));
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.refund(refund("ref-2", "pay-1", Money.of(60, "USD"))));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem());
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.refund(refund("ref-2", "pay-1", Money.of(40, "USD"))));
    }

    // ------------------------------------------------------------ pending

    @Test
    void aPendingSaleSettlesWhenTheClockPassesItsSettlementTime() {
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(10)));
        assertInstanceOf(PaymentOutcome.Pending.class, sandbox.sale(sale("pay-1", HUNDRED)));
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertInstanceOf(PaymentOutcome.Pending.class, sandbox.status(id("pay-1")).orElseThrow());
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.refund(refund("ref-1", "pay-1", HUNDRED)));
        assertEquals(Problem.INVALID_STATE, e.problem(), "nothing is captured while the sale is pending");
        clock.advance(Duration.ofMillis(1));
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.status(id("pay-1")).orElseThrow());
        List<PaymentOutcome> notified = outcomes(sandbox.drainNotifications());
        assertEquals(2, notified.size());
        assertInstanceOf(PaymentOutcome.Pending.class, notified.get(0));
        assertInstanceOf(PaymentOutcome.Succeeded.class, notified.get(1));
    }

    @Test
    void aPendingRefundReservesItsAmountAndADeclineLaterFreesIt() {
        sandbox.sale(sale("pay-1", HUNDRED));
        sandbox.scriptNext(ScriptedAnswer.pendingThenDecline(Duration.ofHours(1), ISSUER_SAYS_NO));
        assertInstanceOf(PaymentOutcome.Pending.class, sandbox.refund(refund("ref-1", "pay-1", HUNDRED)));
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.refund(refund("ref-2", "pay-1", Money.of(1, "USD"))));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, e.problem());
        clock.advance(Duration.ofHours(1));
        sandbox.settleDue();
        assertInstanceOf(PaymentOutcome.Declined.class, sandbox.status(id("ref-1")).orElseThrow());
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.refund(refund("ref-2", "pay-1", HUNDRED)));
    }

    @Test
    void pendingTransactionsSettleInTheOrderOfTheirSettlementTimes() {
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(30)),
                ScriptedAnswer.pendingThenSucceed(Duration.ofMinutes(5)));
        sandbox.sale(sale("slow", HUNDRED));
        sandbox.sale(sale("fast", HUNDRED));
        sandbox.drainNotifications();
        clock.advance(Duration.ofHours(1));
        List<Notification> settled = sandbox.drainNotifications();
        assertEquals(List.of(id("fast"), id("slow")), events(settled).stream().map(PaymentEvent::transactionId).toList());
    }

    // ------------------------------------------------------------ notifications

    @Test
    void everyNotificationIsSignedAndParsesToTheOutcomeTheCallReturned() {
        PaymentOutcome sold = sandbox.sale(sale("pay-1", HUNDRED));
        PaymentOutcome refunded = sandbox.refund(refund("ref-1", "pay-1", Money.of(30, "USD")));
        List<PaymentEvent> events = events(sandbox.drainNotifications());
        assertEquals(List.of(sold, refunded), events.stream().map(PaymentEvent::outcome).toList());
        assertEquals(List.of(Operation.SALE, Operation.REFUND), events.stream().map(PaymentEvent::operation).toList());
        assertEquals(MutableClock.START, events.get(0).occurredAt());
    }

    @Test
    void duplicatedAndReversedDeliveriesFoldToTheStatusOfEachTransaction() {
        sandbox.scriptNext(ScriptedAnswer.pendingThenSucceed(Duration.ofSeconds(30)));
        sandbox.sale(sale("pay-1", HUNDRED));
        sandbox.scriptNext(ScriptedAnswer.pendingThenDecline(Duration.ofSeconds(10), ISSUER_SAYS_NO));
        sandbox.sale(sale("pay-2", HUNDRED));
        clock.advance(Duration.ofMinutes(1));
        sandbox.settleDue();
        List<Notification> delivered = new ArrayList<>(sandbox.drainNotifications(NotificationDelivery.reversed()));
        assertEquals(4, delivered.size());
        Map<TransactionId, PaymentOutcome> folded = new HashMap<>();
        for (PaymentEvent event : events(delivered)) {
            folded.merge(event.transactionId(), event.outcome(), PaymentOutcome::latest);
        }
        assertEquals(sandbox.status(id("pay-1")).orElseThrow(), folded.get(id("pay-1")));
        assertEquals(sandbox.status(id("pay-2")).orElseThrow(), folded.get(id("pay-2")));
    }

    @Test
    void aDuplicatedDeliveryRepeatsTheSameEventIds() {
        sandbox.sale(sale("pay-1", HUNDRED));
        sandbox.sale(sale("pay-2", HUNDRED));
        List<String> ids = events(sandbox.drainNotifications(NotificationDelivery.duplicated())).stream()
                .map(PaymentEvent::eventId).toList();
        assertEquals(4, ids.size());
        assertEquals(ids.subList(0, 2), ids.subList(2, 4));
        assertTrue(sandbox.drainNotifications().isEmpty(), "draining forgets what was handed out");
    }

    @Test
    void aNotificationSignedWithAnotherSecretIsRejected() {
        SandboxPaymentProvider impostor = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "not-the-secret", Set.of(Monetary.getCurrency("USD"))));
        impostor.sale(sale("pay-1", HUNDRED));
        NotificationResult result = sandbox.parseNotification(impostor.drainNotifications().get(0));
        assertEquals(RejectionReason.BAD_SIGNATURE, assertInstanceOf(NotificationResult.Rejected.class, result).reason());
    }

    @Test
    void aNotificationOlderThanTheToleranceIsRejectedAsExpired() {
        sandbox.sale(sale("pay-1", HUNDRED));
        Notification notification = sandbox.drainNotifications().get(0);
        clock.advance(SandboxSettings.DEFAULT_TOLERANCE);
        assertInstanceOf(NotificationResult.Verified.class, sandbox.parseNotification(notification));
        clock.advance(Duration.ofSeconds(1));
        NotificationResult result = sandbox.parseNotification(notification);
        assertEquals(RejectionReason.EXPIRED, assertInstanceOf(NotificationResult.Rejected.class, result).reason());
    }

    @Test
    void aCorrectlySignedButUnreadableBodyIsRejectedAsMalformed() {
        NotificationResult result = sandbox.parseNotification(sandbox.sign("event=evt_1\noutcome=MAYBE\n"));
        assertEquals(RejectionReason.MALFORMED, assertInstanceOf(NotificationResult.Rejected.class, result).reason());
    }

    @Test
    void anUnreadableSignatureHeaderIsABadSignature() {
        Notification forged = new Notification(Map.of("sandbox-signature", "t=zz,v1=not-hex"), "event=evt_1\n");
        NotificationResult result = sandbox.parseNotification(forged);
        assertEquals(RejectionReason.BAD_SIGNATURE, assertInstanceOf(NotificationResult.Rejected.class, result).reason());
    }

    @Test
    void aNotificationAboutATransactionThisSandboxNeverSawStillParses() {
        SandboxPaymentProvider other = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "s3cret", Set.of(Monetary.getCurrency("USD"))));
        other.sale(sale("elsewhere", Money.of(new BigDecimal("12.30"), "USD")));
        PaymentEvent event = events(other.drainNotifications()).get(0);
        PaymentOutcome.Succeeded outcome = assertInstanceOf(PaymentOutcome.Succeeded.class, event.outcome());
        assertTrue(PaymentOutcome.sameAmount(Money.of(new BigDecimal("12.3"), "USD"), outcome.amount()));
    }

    // ------------------------------------------------------------ amounts, capabilities, payouts

    @Test
    void amountsFinerThanTheMinorUnitAreRefused() {
        InvalidPaymentRequestException cents = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.sale(sale("pay-1", Money.of(new BigDecimal("1.001"), "USD"))));
        assertEquals(Problem.INVALID_AMOUNT, cents.problem());
        InvalidPaymentRequestException yen = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.sale(sale("pay-2", Money.of(new BigDecimal("1.5"), "JPY"))));
        assertEquals(Problem.INVALID_AMOUNT, yen.problem());
        assertInstanceOf(PaymentOutcome.Succeeded.class, sandbox.sale(sale("pay-3", Money.of(1500, "JPY"))));
    }

    @Test
    void undeclaredFeaturesAreRefusedAsUnsupportedOperations() {
        SandboxPaymentProvider saleOnly = SandboxPaymentProvider.create(SandboxSettings.of(clock, "s3cret",
                Set.of(Monetary.getCurrency("USD"))).withFeatures(EnumSet.of(Feature.NOTIFICATIONS)));
        assertEquals(Problem.UNSUPPORTED_OPERATION, assertThrows(InvalidPaymentRequestException.class,
                () -> saleOnly.authorize(sale("auth-1", HUNDRED))).problem());
        saleOnly.sale(sale("pay-1", HUNDRED));
        assertEquals(Problem.UNSUPPORTED_OPERATION, assertThrows(InvalidPaymentRequestException.class,
                () -> saleOnly.refund(refund("ref-1", "pay-1", Money.of(50, "USD")))).problem());
        assertInstanceOf(PaymentOutcome.Succeeded.class, saleOnly.refund(refund("ref-2", "pay-1", HUNDRED)));
        assertEquals(Problem.UNSUPPORTED_OPERATION, assertThrows(InvalidPaymentRequestException.class,
                () -> saleOnly.payout(new PayoutRequest(id("out-1"), new PayeeAccount("acct_1"), HUNDRED, "st-1"))).problem());
    }

    @Test
    void aCaptureInAnotherCurrencyIsACurrencyMismatch() {
        sandbox.authorize(sale("auth-1", HUNDRED));
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class,
                () -> sandbox.capture(new CaptureRequest(id("cap-1"), id("auth-1"), Money.of(100, "JPY"))));
        assertEquals(Problem.CURRENCY_MISMATCH, e.problem());
    }

    @Test
    void aPayoutReplayedWithTheSameIdPaysOnce() {
        PayoutRequest payout = new PayoutRequest(id("out-1"), new PayeeAccount("acct_seller_7"), HUNDRED, "statement-2026-03");
        PaymentOutcome first = sandbox.payout(payout);
        assertInstanceOf(PaymentOutcome.Succeeded.class, first);
        assertEquals(first, sandbox.payout(payout));
        assertEquals(Optional.of(first), sandbox.status(id("out-1")));
        assertEquals(1, sandbox.drainNotifications().size());
        assertEquals(Problem.TRANSACTION_ID_REUSED, assertThrows(InvalidPaymentRequestException.class, () -> sandbox.payout(
                new PayoutRequest(id("out-1"), new PayeeAccount("acct_seller_8"), HUNDRED, "statement-2026-03"))).problem());
    }

    @Test
    void settingsDoNotPrintTheSecret() {
        assertFalse(SandboxSettings.of(clock, "s3cret", Set.of()).toString().contains("s3cret"));
    }

    // ------------------------------------------------------------ threads

    @Test
    void concurrentReplaysAndCompetingRefundsHaveExactlyOneEffect() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<PaymentOutcome>> sales = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sales.add(() -> sandbox.sale(sale("pay-1", HUNDRED)));
            }
            for (Future<PaymentOutcome> f : pool.invokeAll(sales)) {
                assertInstanceOf(PaymentOutcome.Succeeded.class, f.get());
            }
            List<Callable<Boolean>> refunds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String refundId = "ref-" + i;
                refunds.add(() -> {
                    try {
                        return sandbox.refund(refund(refundId, "pay-1", HUNDRED)) instanceof PaymentOutcome.Succeeded;
                    } catch (InvalidPaymentRequestException e) {
                        return false;
                    }
                });
            }
            int succeeded = 0;
            for (Future<Boolean> f : pool.invokeAll(refunds)) {
                succeeded += f.get() ? 1 : 0;
            }
            assertEquals(1, succeeded, "the full amount can be refunded once");
            assertEquals(2, sandbox.drainNotifications().size());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------ helpers

    private List<PaymentEvent> events(List<Notification> notifications) {
        List<PaymentEvent> events = new ArrayList<>();
        for (Notification n : notifications) {
            events.addAll(assertInstanceOf(NotificationResult.Verified.class, sandbox.parseNotification(n)).events());
        }
        return events;
    }

    private List<PaymentOutcome> outcomes(List<Notification> notifications) {
        return events(notifications).stream().map(PaymentEvent::outcome).toList();
    }
}
