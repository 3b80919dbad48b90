package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** The sandbox's provider-held funds, one domain sentence each, with hand-computed amounts. */
class SandboxHeldFundsExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final FundsAccount SELLER = FundsAccount.seller("sub_mch_1900000109");
    private static final FundsAccount PLATFORM = FundsAccount.platform("sp_mch_1230000109");
    private static final FundsAccount CREATOR = FundsAccount.creator("receiver_openid_o2x9");
    private static final TransactionId ORDER = new TransactionId("order-7-hold");

    private final MutableClock clock = new MutableClock();
    private final SandboxPaymentProvider psp = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec_test", Set.of(CNY)));

    private static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    private void hold100() {
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.holdSale(new HoldRequest(ORDER, cny("100.00"),
                new PaymentSource("tok_wallet"), "order-7", SELLER)));
    }

    private static SplitRequest split(String id, SplitPart... parts) {
        return new SplitRequest(new TransactionId(id), ORDER, List.of(parts));
    }

    private Optional<MonetaryAmount> balance(FundsAccount account) {
        return psp.subAccountBalance(account, CNY);
    }

    @Test
    void anUnfreezeSendsTheRemainderToTheSettlementAccount() {
        hold100();
        psp.split(split("split-1", new SplitPart(SELLER, cny("80.00"), "seller share"),
                new SplitPart(PLATFORM, cny("5.00"), "commission"), new SplitPart(CREATOR, cny("3.00"), "creator share")));
        PaymentOutcome released = psp.unfreeze(new UnfreezeRequest(new TransactionId("unfreeze-1"), ORDER, "order completed"));
        assertTrue(PaymentOutcome.sameAmount(cny("12.00"), ((PaymentOutcome.Succeeded) released).amount()), released.toString());
        assertEquals(Optional.of(cny("92.00")), balance(SELLER));
        assertEquals(Optional.of(cny("5.00")), balance(PLATFORM));
        assertEquals(Optional.of(cny("3.00")), balance(CREATOR));
        HeldFunds funds = psp.heldFunds(ORDER).orElseThrow();
        assertTrue(funds.released());
        assertTrue(PaymentOutcome.sameAmount(cny("0"), funds.stillHeld()));
    }

    @Test
    void aSplitThatTimesOutAfterTheMoneyMovedIsUnknownAndTheQueryTellsItWasMade() {
        hold100();
        psp.scriptNext(ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME));
        SplitRequest split = split("split-1", new SplitPart(SELLER, cny("90.00"), "seller share"),
                new SplitPart(PLATFORM, cny("10.00"), "commission"));
        assertInstanceOf(PaymentOutcome.Unknown.class, psp.split(split));
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.status(split.transactionId()).orElseThrow());
        assertEquals(Optional.of(cny("90.00")), balance(SELLER));
        // the replay reconciles without splitting again
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.split(split));
        assertEquals(Optional.of(cny("90.00")), balance(SELLER));
    }

    @Test
    void aSplitThatTimesOutBeforeTheMoneyMovedLeavesNoRecordAndItsReplayMakesIt() {
        hold100();
        psp.scriptNext(ScriptedAnswer.timeOutBeforeMoving(Surface.EXCEPTION));
        SplitRequest split = split("split-1", new SplitPart(SELLER, cny("100.00"), "seller share"));
        assertThrows(PaymentProviderException.class, () -> psp.split(split));
        assertEquals(Optional.empty(), psp.status(split.transactionId()));
        assertEquals(Optional.empty(), balance(SELLER));
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.split(split));
        assertEquals(Optional.of(cny("100.00")), balance(SELLER));
    }

    @Test
    void aSplitToAFrozenSubAccountIsDeclinedAndTheFundsStayHeld() {
        hold100();
        psp.freezeSubAccount(CREATOR);
        PaymentOutcome outcome = psp.split(split("split-1", new SplitPart(SELLER, cny("95.00"), "seller share"),
                new SplitPart(CREATOR, cny("5.00"), "creator share")));
        PaymentOutcome.Declined declined = assertInstanceOf(PaymentOutcome.Declined.class, outcome);
        assertEquals(DeclineReason.ACCOUNT_UNAVAILABLE, declined.reason());
        assertEquals(Optional.empty(), balance(SELLER), "no part of a declined split moved");
        assertTrue(PaymentOutcome.sameAmount(cny("100.00"), psp.heldFunds(ORDER).orElseThrow().stillHeld()));
        psp.thawSubAccount(CREATOR);
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.split(split("split-2",
                new SplitPart(SELLER, cny("95.00"), "seller share"), new SplitPart(CREATOR, cny("5.00"), "creator share"))));
    }

    @Test
    void aPendingSplitToAnAccountFrozenBeforeItSettlesIsDeclinedThen() {
        SandboxPaymentProvider slow = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec_test", Set.of(CNY))
                .withAsynchronous(EnumSet.of(Operation.SPLIT), Duration.ofMinutes(10)));
        slow.holdSale(new HoldRequest(ORDER, cny("100.00"), new PaymentSource("tok_wallet"), "order-7", SELLER));
        SplitRequest split = split("split-1", new SplitPart(SELLER, cny("60.00"), "seller share"));
        assertInstanceOf(PaymentOutcome.Pending.class, slow.split(split));
        assertTrue(PaymentOutcome.sameAmount(cny("40.00"), slow.heldFunds(ORDER).orElseThrow().stillHeld()),
                "a pending split is reserved");
        slow.freezeSubAccount(SELLER);
        clock.advance(Duration.ofMinutes(10));
        PaymentOutcome settled = slow.status(split.transactionId()).orElseThrow();
        assertEquals(DeclineReason.ACCOUNT_UNAVAILABLE, assertInstanceOf(PaymentOutcome.Declined.class, settled).reason());
        assertTrue(PaymentOutcome.sameAmount(cny("100.00"), slow.heldFunds(ORDER).orElseThrow().stillHeld()));
    }

    @Test
    void aReturnIsDeclinedWhenTheSellerAlreadyWithdrewTheMoney() {
        hold100();
        psp.split(split("split-1", new SplitPart(SELLER, cny("95.00"), "seller share"),
                new SplitPart(PLATFORM, cny("5.00"), "commission")));
        psp.withdrawFromSubAccount(SELLER, cny("80.00"));
        PaymentOutcome outcome = psp.returnFunds(new ReturnRequest(new TransactionId("return-1"), ORDER, SELLER, cny("30.00"),
                "refund of line 2"));
        assertEquals(DeclineReason.INSUFFICIENT_FUNDS, assertInstanceOf(PaymentOutcome.Declined.class, outcome).reason());
        assertEquals(Optional.of(cny("15.00")), balance(SELLER));
        InvalidPaymentRequestException refund = assertThrows(InvalidPaymentRequestException.class, () -> psp.refund(
                new RefundRequest(new TransactionId("refund-1"), ORDER, cny("30.00"), "refund of line 2")));
        assertEquals(Problem.EXCEEDS_REFUNDABLE, refund.problem());
        // what is still there can come back and be refunded
        psp.returnFunds(new ReturnRequest(new TransactionId("return-2"), ORDER, SELLER, cny("15.00"), "refund of line 2"));
        assertInstanceOf(PaymentOutcome.Succeeded.class, psp.refund(new RefundRequest(new TransactionId("refund-2"), ORDER,
                cny("15.00"), "refund of line 2")));
        assertEquals(Optional.of(cny("0.00")), balance(SELLER));
    }

    @Test
    void aReturnAboveWhatThePaymentSentThereIsRefused() {
        hold100();
        psp.split(split("split-1", new SplitPart(SELLER, cny("95.00"), "seller share"),
                new SplitPart(PLATFORM, cny("5.00"), "commission")));
        TransactionId id = new TransactionId("return-1");
        InvalidPaymentRequestException e = assertThrows(InvalidPaymentRequestException.class, () -> psp.returnFunds(
                new ReturnRequest(id, ORDER, PLATFORM, cny("5.01"), "refund")));
        assertEquals(Problem.EXCEEDS_RETURNABLE, e.problem(), e.getMessage());
        assertEquals(Optional.empty(), psp.status(id));
    }

    @Test
    void everyInstructionIsNotifiedWithItsOperation() {
        hold100();
        psp.split(split("split-1", new SplitPart(SELLER, cny("100.00"), "seller share")));
        List<Operation> notified = psp.drainNotifications().stream()
                .map(n -> (NotificationResult.Verified) psp.parseNotification(n))
                .flatMap(v -> v.events().stream()).map(PaymentEvent::operation).toList();
        assertEquals(List.of(Operation.HOLD, Operation.SPLIT), notified);
    }
}
