package dev.mercato.core.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class EscrowExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final Actor BUYER = new Actor.Buyer("b-1");
    static final Actor SELLER = new Actor.Seller("s-1");
    static final Actor OTHER_SELLER = new Actor.Seller("s-2");
    static final Actor OPERATOR = new Actor.PlatformOperator("op-1");
    static final Actor SYSTEM = new Actor.System("timers");

    private final Journal journal = Journal.inMemory();

    static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new BigDecimal(value)).create();
    }

    static EscrowTerms terms() {
        return EscrowTerms.of("o-1", "b-1", "s-1", cny("100.00"))
                .withDeductions(new Deductions(cny("5.00"), cny("1.00"), cny("0.60")));
    }

    /** Applies an accepted transition: posts its entry and returns the state entered. */
    <S extends Escrow> S accept(Transition t, Class<S> expected) {
        Transition.Accepted accepted = assertInstanceOf(Transition.Accepted.class, t, () -> "refused: " + t);
        accepted.entry().ifPresent(e -> assertTrue(journal.post(e).isAccepted()));
        LedgerChecks.assertConsistent(journal);
        return assertInstanceOf(expected, accepted.state());
    }

    static RefusalReason refusal(Transition t) {
        return assertInstanceOf(Transition.Refused.class, t).reason();
    }

    Shipped shipped() {
        Held held = accept(Escrow.open(terms(), T0).pay(BUYER, T0.plusSeconds(60)), Held.class);
        return accept(held.ship(SELLER, "SF123", T0.plus(Duration.ofDays(1))), Shipped.class);
    }

    MonetaryAmount balance(Account account) {
        return journal.balance(account, CNY);
    }

    @Test
    void autoConfirmReleasesFundsExactlyTenDaysAfterShipmentAndNotAMillisecondEarlier() {
        Shipped shipped = shipped();
        Instant due = T0.plus(Duration.ofDays(11));
        assertEquals(due, shipped.shipment().autoConfirmAt());
        assertEquals(RefusalReason.TOO_EARLY, refusal(shipped.autoConfirm(SYSTEM, due.minusMillis(1))));
        Released released = accept(shipped.autoConfirm(SYSTEM, due), Released.class);
        assertTrue(released.funds().released().isEqualTo(cny("100.00")));
        assertTrue(balance(Account.escrowHeld("o-1")).isZero());
    }

    @Test
    void releaseCreditsTheSellerNetOfCommissionAndFees() {
        accept(shipped().confirmReceipt(BUYER, T0.plus(Duration.ofDays(2))), Released.class);
        assertTrue(balance(Account.sellerPayable("s-1")).isEqualTo(cny("93.40")));
        assertTrue(balance(Account.revenue(RevenueStream.COMMISSION)).isEqualTo(cny("5.00")));
        assertTrue(balance(Account.revenue(RevenueStream.SERVICE_FEE)).isEqualTo(cny("1.00")));
        assertTrue(balance(Account.revenue(RevenueStream.PAYMENT_FEE)).isEqualTo(cny("0.60")));
        assertTrue(balance(Account.buyerFundsIn("b-1")).isEqualTo(cny("-100.00")));
    }

    @Test
    void eachStateDeclaresItsOwnTimerAndFiresOnlyThat() {
        AwaitingPayment open = Escrow.open(terms(), T0);
        assertEquals(java.util.Optional.of(new EscrowTimer(EscrowService.UNPAID_CLOSE, open.payBy())), open.timer());
        Held held = accept(open.pay(BUYER, T0), Held.class);
        assertEquals(java.util.Optional.empty(), held.timer());
        assertEquals(RefusalReason.NOT_IN_THIS_STATE, refusal(held.onTimer(SYSTEM, T0)));
        Shipped shipped = shipped();
        assertEquals(java.util.Optional.of(new EscrowTimer(EscrowService.AUTO_CONFIRM, shipped.shipment().autoConfirmAt())),
                shipped.timer());
        accept(shipped.onTimer(SYSTEM, shipped.shipment().autoConfirmAt()), Released.class);
        assertEquals(RefusalReason.TOO_EARLY, refusal(shipped.onTimer(SYSTEM, T0)));
    }

    @Test
    void aSellerCannotConfirmReceipt() {
        Shipped shipped = shipped();
        Transition t = shipped.confirmReceipt(SELLER, T0.plus(Duration.ofDays(2)));
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, refusal(t));
        assertSame(shipped, t.state());
    }

    @Test
    void aSellerCannotShipAnotherSellersOrder() {
        Held held = accept(Escrow.open(terms(), T0).pay(BUYER, T0), Held.class);
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, refusal(held.ship(OTHER_SELLER, "X", T0)));
    }

    @Test
    void aBuyerCannotResolveADispute() {
        Disputed disputed = accept(shipped().openDispute(BUYER, T0.plus(Duration.ofDays(3))), Disputed.class);
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, refusal(disputed.resolveByRefund(BUYER, T0.plus(Duration.ofDays(4)))));
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, refusal(disputed.resolveByRelease(SELLER, T0.plus(Duration.ofDays(4)))));
    }

    @Test
    void aDisputeFreezesTheTimerAndItResumesWithTheTimeThatWasLeft() {
        Shipped shipped = shipped();
        Instant disputedAt = T0.plus(Duration.ofDays(4));
        Disputed disputed = accept(shipped.openDispute(BUYER, disputedAt), Disputed.class);
        assertEquals(Duration.ofDays(7), disputed.frozen().orElseThrow().remaining());
        // Twenty days of dispute: the original deadline passes, nothing is released.
        Instant endedAt = disputedAt.plus(Duration.ofDays(20));
        Shipped resumed = accept(disputed.endWithoutResolution(BUYER, endedAt), Shipped.class);
        assertEquals(endedAt.plus(Duration.ofDays(7)), resumed.shipment().autoConfirmAt());
        assertEquals(RefusalReason.TOO_EARLY, refusal(resumed.autoConfirm(SYSTEM, endedAt.plus(Duration.ofDays(7)).minusMillis(1))));
        accept(resumed.autoConfirm(SYSTEM, endedAt.plus(Duration.ofDays(7))), Released.class);
    }

    @Test
    void theBuyerMayExtendTheTimerOnlyOnce() {
        Shipped extended = accept(shipped().extendAutoConfirm(BUYER, T0.plus(Duration.ofDays(9))), Shipped.class);
        assertEquals(T0.plus(Duration.ofDays(16)), extended.shipment().autoConfirmAt());
        assertEquals(RefusalReason.ALREADY_EXTENDED, refusal(extended.extendAutoConfirm(BUYER, T0.plus(Duration.ofDays(10)))));
    }

    @Test
    void aRefundAfterReleaseClawsBackFromTheBalanceThenTheDeposit() {
        // The seller has a 500.00 deposit and has already been paid out all but 10.00 of this sale.
        journal.post(JournalEntry.builder("deposit", T0, "deposit").credit(new Account.SellerFundsIn("s-1"), cny("500.00"))
                .debit(Account.sellerDeposit("s-1"), cny("500.00")).build());
        Released released = accept(shipped().confirmReceipt(BUYER, T0.plus(Duration.ofDays(2))), Released.class);
        journal.post(JournalEntry.builder("payout", T0.plus(Duration.ofDays(3)), "payout")
                .credit(Account.sellerPayable("s-1"), cny("83.40")).debit(Account.payouts(), cny("83.40")).build());
        Released after = accept(released.refundAfterRelease(SELLER, cny("100.00"),
                SellerBalances.from(journal, "s-1", CNY), T0.plus(Duration.ofDays(5))), Released.class);
        // Platform returns its 6.60; the seller's 93.40 comes 10.00 from the balance, 83.40 from the deposit.
        assertTrue(balance(Account.sellerPayable("s-1")).isZero());
        assertTrue(balance(Account.sellerDeposit("s-1")).isEqualTo(cny("416.60")));
        assertTrue(balance(Account.revenue(RevenueStream.COMMISSION)).isZero());
        assertTrue(balance(Account.refunds()).isEqualTo(cny("100.00")));
        assertTrue(after.funds().released().isZero());
        assertTrue(after.funds().refunded().isEqualTo(cny("100.00")));
        assertEquals(RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, refusal(after.refundAfterRelease(OPERATOR, cny("0.01"),
                SellerBalances.from(journal, "s-1", CNY), T0.plus(Duration.ofDays(6)))));
    }

    @Test
    void aPartialRefundAfterReleaseReturnsCommissionInProportion() {
        Released released = accept(shipped().confirmReceipt(BUYER, T0.plus(Duration.ofDays(2))), Released.class);
        accept(released.refundAfterRelease(OPERATOR, cny("50.00"), SellerBalances.from(journal, "s-1", CNY),
                T0.plus(Duration.ofDays(3))), Released.class);
        assertTrue(balance(Account.revenue(RevenueStream.COMMISSION)).isEqualTo(cny("2.50")));
        assertTrue(balance(Account.sellerPayable("s-1")).isEqualTo(cny("46.70")));
    }

    @Test
    void thePlatformPaysItsSubsidyOnReleaseAndTakesItBackOnARefundAfterRelease() {
        EscrowTerms subsidized = EscrowTerms.of("o-1", "b-1", "s-1", cny("90.00")).withPlatformSubsidy(cny("10.00"))
                .withDeductions(Deductions.commission(cny("5.00")));
        Held held = accept(Escrow.open(subsidized, T0).pay(BUYER, T0), Held.class);
        Shipped shipped = accept(held.ship(SELLER, "SF1", T0), Shipped.class);
        Released released = accept(shipped.confirmReceipt(BUYER, T0.plusSeconds(60)), Released.class);
        assertTrue(balance(Account.sellerPayable("s-1")).isEqualTo(cny("95.00")));
        assertTrue(balance(Account.platformClearing()).isEqualTo(cny("-10.00")));
        assertTrue(released.funds().released().isEqualTo(cny("90.00")));
        assertTrue(released.funds().platformSubsidy().isEqualTo(cny("10.00")));
        // The buyer returns half: 45.00 back, and half the subsidy goes back to the platform.
        Released after = accept(released.refundAfterRelease(SELLER, cny("45.00"), SellerBalances.from(journal, "s-1", CNY),
                T0.plusSeconds(120)), Released.class);
        assertTrue(balance(Account.platformClearing()).isEqualTo(cny("-5.00")));
        assertTrue(balance(Account.revenue(RevenueStream.COMMISSION)).isEqualTo(cny("2.50")));
        assertTrue(balance(Account.sellerPayable("s-1")).isEqualTo(cny("47.50")));
        assertTrue(after.funds().released().isEqualTo(cny("45.00")));
        assertTrue(after.funds().refunded().isEqualTo(cny("45.00")));
    }

    @Test
    void counterfeitCompensationOfTenTimesThePriceComesFromTheDeposit() {
        journal.post(JournalEntry.builder("deposit", T0, "deposit").credit(new Account.SellerFundsIn("s-1"), cny("2000.00"))
                .debit(Account.sellerDeposit("s-1"), cny("2000.00")).build());
        Disputed disputed = accept(shipped().openDispute(BUYER, T0.plus(Duration.ofDays(2))), Disputed.class);
        Refunded refunded = accept(disputed.resolveByRefundWithCompensation(OPERATOR, cny("1000.00"),
                SellerBalances.from(journal, "s-1", CNY), T0.plus(Duration.ofDays(3))), Refunded.class);
        assertTrue(refunded.funds().compensated().isEqualTo(cny("1000.00")));
        assertTrue(balance(Account.sellerDeposit("s-1")).isEqualTo(cny("1000.00")));
        assertTrue(balance(Account.refunds()).isEqualTo(cny("1100.00")));
        assertTrue(refunded.isTerminal());
    }

    @Test
    void theOperatorCanSplitADisputeWithAmounts() {
        Disputed disputed = accept(shipped().openDispute(BUYER, T0.plus(Duration.ofDays(2))), Disputed.class);
        Released released = accept(disputed.resolveBySplit(OPERATOR, cny("40.00"), T0.plus(Duration.ofDays(3))),
                Released.class);
        assertTrue(released.funds().refunded().isEqualTo(cny("40.00")));
        assertTrue(released.funds().released().isEqualTo(cny("60.00")));
        // Commission 5.00 and fees 1.60 prorated to 60%: 3.96 in all, split 3.00 / 0.60 / 0.36.
        assertTrue(balance(Account.revenue(RevenueStream.COMMISSION)).isEqualTo(cny("3.00")));
        assertTrue(balance(Account.sellerPayable("s-1")).isEqualTo(cny("56.04")));
    }

    @Test
    void anUnpaidEscrowClosesAtItsDeadlineAndNotBefore() {
        AwaitingPayment open = Escrow.open(terms(), T0);
        Instant due = T0.plus(Duration.ofDays(3));
        assertEquals(RefusalReason.TOO_EARLY, refusal(open.closeUnpaid(SYSTEM, due.minusMillis(1))));
        Closed closed = accept(open.closeUnpaid(SYSTEM, due), Closed.class);
        assertTrue(closed.isTerminal());
        assertTrue(journal.entries().isEmpty());
    }

    @Test
    void aRefundBeforeShipmentReturnsEverythingHeld() {
        Held held = accept(Escrow.open(terms(), T0).pay(BUYER, T0), Held.class);
        Held rest = accept(held.refundPart(SELLER, cny("30.00"), T0.plusSeconds(5)), Held.class);
        Refunded refunded = accept(rest.refundInFull(BUYER, T0.plusSeconds(10)), Refunded.class);
        assertTrue(refunded.funds().refunded().isEqualTo(cny("100.00")));
        assertTrue(balance(Account.refunds()).isEqualTo(cny("100.00")));
        assertTrue(balance(Account.escrowHeld("o-1")).isZero());
    }

    @Test
    void aGroupBuyPaymentStaysHeldUntilTheGroupForms() {
        Instant deadline = T0.plus(Duration.ofHours(24));
        AwaitingGroup waiting = accept(Escrow.open(terms().withGroupDeadline(deadline), T0).pay(BUYER, T0),
                AwaitingGroup.class);
        assertTrue(balance(Account.escrowHeld("o-1")).isEqualTo(cny("100.00")));
        assertEquals(RefusalReason.TOO_EARLY, refusal(waiting.groupFailed(SYSTEM, deadline.minusMillis(1))));
        accept(waiting.groupFormed(SYSTEM, T0.plus(Duration.ofHours(2))), Held.class);
    }

    @Test
    void aGroupBuyPaymentIsRefundedWhenTheDeadlinePassesUnfilled() {
        Instant deadline = T0.plus(Duration.ofHours(24));
        AwaitingGroup waiting = accept(Escrow.open(terms().withGroupDeadline(deadline), T0).pay(BUYER, T0),
                AwaitingGroup.class);
        Refunded refunded = accept(waiting.groupFailed(SYSTEM, deadline), Refunded.class);
        assertTrue(refunded.funds().refunded().isEqualTo(cny("100.00")));
        assertTrue(balance(Account.escrowHeld("o-1")).isZero());
    }

    @Test
    void aRefundLargerThanWhatIsHeldIsRefusedAndChangesNothing() {
        Held held = accept(Escrow.open(terms(), T0).pay(BUYER, T0), Held.class);
        Transition t = held.refundPart(OPERATOR, cny("100.01"), T0);
        assertEquals(RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, refusal(t));
        assertSame(held, t.state());
    }
}
