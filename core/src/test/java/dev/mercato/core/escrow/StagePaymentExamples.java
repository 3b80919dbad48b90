package dev.mercato.core.escrow;

import static dev.mercato.core.escrow.EscrowExamples.BUYER;
import static dev.mercato.core.escrow.EscrowExamples.CNY;
import static dev.mercato.core.escrow.EscrowExamples.OPERATOR;
import static dev.mercato.core.escrow.EscrowExamples.SYSTEM;
import static dev.mercato.core.escrow.EscrowExamples.T0;
import static dev.mercato.core.escrow.EscrowExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * Payments in stages, hand-computed on the terms of {@link EscrowExamples#terms()} (CNY 100.00,
 * commission 5.00, service fee 1.00, payment fee 0.60): a CNY 20.00 pre-sale deposit, its balance
 * of 80.00, and what an unpaid balance does to the deposit.
 */
class StagePaymentExamples {
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final Instant OPENS = T0.plus(Duration.ofDays(10));
    static final Instant DUE = T0.plus(Duration.ofDays(12));

    final MovableClock clock = new MovableClock(T0);
    final Journal journal = Journal.inMemory();
    final dev.mercato.core.storage.Storage storage = InMemoryStorage.create();
    final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
            SandboxSettings.of(clock, "whsec-test", Set.of(CNY)).withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
    final EscrowService service = EscrowService.create(storage, journal, sandbox, clock);
    final DueTaskRunner timers = service.registerTimers(DueTaskRunner.create(storage, clock));

    static PaymentSchedule.DepositAndBalance preSale(PaymentSchedule.ForfeitRule rule) {
        return new PaymentSchedule.DepositAndBalance(cny("20.00"), OPENS, DUE, rule);
    }

    MonetaryAmount balance(Account account) {
        return journal.balance(account, CNY);
    }

    @Test
    void theDepositIsHeldThenTheBalanceMakesTheWholeAmountHeldAndReleasesAsUsual() {
        service.openInStages(EscrowExamples.terms(), preSale(PaymentSchedule.ForfeitRule.KEEP_NET_OF_COMMISSION));
        assertInstanceOf(AwaitingBalance.class, service.pay("o-1", BUYER, CARD).escrow());
        assertEquals(cny("20.00"), balance(Account.escrowHeld("o-1")));
        assertEquals(cny("-20.00"), balance(Account.buyerFundsIn("b-1")));
        // Before the window: refused, nothing charged.
        PaymentAttempt early = service.pay("o-1", BUYER, CARD);
        assertEquals(RefusalReason.TOO_EARLY, early.refusal().orElseThrow().reason());
        clock.advance(Duration.ofDays(10));
        assertInstanceOf(Held.class, service.pay("o-1", BUYER, CARD).escrow());
        assertEquals(cny("100.00"), balance(Account.escrowHeld("o-1")));
        assertEquals(cny("80.00"), ((PaymentOutcome.Succeeded) sandbox.status(new TransactionId("esc.o-1.balance-1"))
                .orElseThrow()).amount());
        assertInstanceOf(Transition.Accepted.class, service.ship("o-1", EscrowExamples.SELLER, "SF1"));
        assertInstanceOf(Transition.Accepted.class, service.confirmReceipt("o-1", BUYER));
        assertEquals(cny("93.40"), balance(Account.sellerPayable("s-1")));
        assertEquals(cny("0.00"), balance(Account.escrowHeld("o-1")));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void anUnpaidBalanceLetsTheSellerKeepTheDepositNetOfCommissionAtTheDueDate() {
        service.openInStages(EscrowExamples.terms(), preSale(PaymentSchedule.ForfeitRule.KEEP_NET_OF_COMMISSION));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofDays(12).minusMillis(1));
        timers.runDue();
        assertInstanceOf(AwaitingBalance.class, service.find("o-1").orElseThrow());
        clock.advance(Duration.ofMillis(1));
        timers.runDue();
        timers.runDue();
        assertInstanceOf(Closed.class, service.find("o-1").orElseThrow());
        // 6.60 of deductions prorated by 20.00 / 100.00: 1.32 = 1.00 + 0.20 + 0.12.
        assertEquals(cny("18.68"), balance(Account.sellerPayable("s-1")));
        assertEquals(cny("1.00"), balance(Account.revenue(RevenueStream.COMMISSION)));
        assertEquals(cny("0.20"), balance(Account.revenue(RevenueStream.SERVICE_FEE)));
        assertEquals(cny("0.12"), balance(Account.revenue(RevenueStream.PAYMENT_FEE)));
        assertEquals(cny("0.00"), balance(Account.escrowHeld("o-1")));
        assertTrue(service.operations("o-1").stream().noneMatch(op -> op.kind() == ProviderOperation.Kind.REFUND));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void anUnpaidBalanceRefundsTheDepositUnderTheRefundRule() {
        service.openInStages(EscrowExamples.terms(), preSale(PaymentSchedule.ForfeitRule.REFUND));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofDays(12));
        timers.runDue();
        assertInstanceOf(Refunded.class, service.find("o-1").orElseThrow());
        assertEquals(cny("20.00"), balance(Account.refunds()));
        ProviderOperation refund = service.operations("o-1").stream()
                .filter(op -> op.kind() == ProviderOperation.Kind.REFUND).findFirst().orElseThrow();
        assertEquals("esc.o-1.refund-2-d", refund.transactionId().value());
        assertEquals(cny("20.00"), refund.amount());
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void aRefundAfterTheBalanceIsSplitOverBothSalesInProportion() {
        service.openInStages(EscrowExamples.terms(), preSale(PaymentSchedule.ForfeitRule.KEEP_NET_OF_COMMISSION));
        service.pay("o-1", BUYER, CARD);
        clock.advance(Duration.ofDays(10));
        service.pay("o-1", BUYER, CARD);
        assertInstanceOf(Transition.Accepted.class, service.refund("o-1", OPERATOR, cny("50.00")));
        // 50.00 over 20.00 : 80.00 -> 10.00 from the deposit's sale, 40.00 from the balance's.
        var refunds = service.operations("o-1").stream().filter(op -> op.kind() == ProviderOperation.Kind.REFUND).toList();
        assertEquals(2, refunds.size());
        assertEquals("esc.o-1.refund-3-d", refunds.get(0).transactionId().value());
        assertEquals(cny("10.00"), refunds.get(0).amount());
        assertEquals("esc.o-1.refund-3-b", refunds.get(1).transactionId().value());
        assertEquals(cny("40.00"), refunds.get(1).amount());
        assertEquals(cny("50.00"), balance(Account.escrowHeld("o-1")));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void anOperatorRefundsTheDepositBeforeTheBalanceWhateverTheRule() {
        Escrow open = Escrow.openInStages(EscrowExamples.terms(), preSale(PaymentSchedule.ForfeitRule.KEEP_NET_OF_COMMISSION), T0);
        AwaitingBalance due = (AwaitingBalance) ((Transition.Accepted) ((AwaitingFirstStage) open).pay(BUYER, T0)).state();
        assertEquals(RefusalReason.ACTOR_NOT_ALLOWED, ((Transition.Refused) due.refundFirstStage(BUYER, T0)).reason());
        assertEquals(RefusalReason.TOO_EARLY, ((Transition.Refused) due.forfeit(SYSTEM, DUE.minusMillis(1))).reason());
        Transition.Accepted refunded = (Transition.Accepted) due.refundFirstStage(OPERATOR, T0);
        assertEquals(cny("20.00"), refunded.state().funds().refunded());
        assertTrue(refunded.entry().orElseThrow().key().endsWith(":deposit-refund"));
    }

    @Test
    void aB2bAdvanceIsAShareRoundedHalfUpAndTheBalanceTheRest() {
        EscrowTerms terms = EscrowTerms.of("o-2", "b-1", "s-1", cny("100.01"));
        PaymentSchedule advance = new PaymentSchedule.AdvanceAndBalance(Rate.percent("33.33"), DUE);
        // 10001 x 0.3333 = 3333.3333 -> 33.33; balance 66.68.
        assertEquals(3333, advance.firstStage(terms));
        assertEquals(6668, advance.balance(terms));
        service.openInStages(terms, advance);
        assertInstanceOf(AwaitingBalance.class, service.pay("o-2", BUYER, CARD).escrow());
        assertInstanceOf(Held.class, service.pay("o-2", BUYER, CARD).escrow());
        assertEquals(MinorUnits.toAmount(10001, CNY), balance(Account.escrowHeld("o-2")));
        LedgerChecks.assertConsistent(journal);
    }
}
