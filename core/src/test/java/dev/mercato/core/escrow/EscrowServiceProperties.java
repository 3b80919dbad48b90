package dev.mercato.core.escrow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.core.timer.DueTaskRunner;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.Notification;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.NotificationDelivery;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of the escrow service with the sandbox provider: random commands by random
 * actors on two escrows (one a group-buy), duplicated commands, clock jumps with timers,
 * scripted provider faults (declines, timeouts with and without the money moving, pending
 * answers), reconciliation, and notifications delivered shuffled and duplicated. After every
 * step: every entry balances per currency, all balances sum to zero, stored balances equal
 * the balances recomputed from the journal, no held balance is negative and each equals the
 * escrow's held funds, released plus refunded never exceeds captured, each escrow is captured
 * by at most one transaction id and each refund id is one operation, and terminal states stay
 * terminal.
 */
class EscrowServiceProperties {
    static final List<String> IDS = List.of("o-1", "g-1");
    static final List<Actor> ACTORS = List.of(EscrowExamples.BUYER, EscrowExamples.SELLER, EscrowExamples.OPERATOR,
            EscrowExamples.SYSTEM, EscrowExamples.OTHER_SELLER);

    static final class Model {
        final MovableClock clock = new MovableClock(EscrowExamples.T0);
        final Storage storage = InMemoryStorage.create();
        final Journal journal;
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(SandboxSettings
                .of(clock, "whsec-model", Set.of(EscrowExamples.CNY))
                .withFeatures(EnumSet.allOf(Capabilities.Feature.class)));
        final EscrowService service;
        final DueTaskRunner timers;
        final Map<String, Escrow> terminal = new HashMap<>();
        Optional<Runnable> lastCommand = Optional.empty();

        Model(boolean journalInStorage) {
            this.journal = journalInStorage ? Journal.inStorage(storage) : Journal.inMemory();
            this.service = EscrowService.create(storage, journal, sandbox, clock);
            this.timers = service.registerTimers(DueTaskRunner.create(storage, clock));
            service.open(EscrowExamples.terms());
            service.open(EscrowTerms.of("g-1", "b-1", "s-1", EscrowExamples.cny("60.00"))
                    .withPlatformSubsidy(EscrowExamples.cny("4.99"))
                    .withDeductions(Deductions.commission(EscrowExamples.cny("3.00")))
                    .withGroupDeadline(EscrowExamples.T0.plus(Duration.ofDays(2))));
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (String id : IDS) {
                Escrow e = service.find(id).orElseThrow();
                s.append(id).append('=').append(e.getClass().getSimpleName()).append(' ').append(e.funds()).append("; ");
            }
            return s.toString();
        }
    }

    @Property(tries = 60)
    void theServiceKeepsEscrowsAndLedgerConsistentUnderFaultsDuplicatesAndClockJumps(
            @ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("ledger consistent", m -> LedgerChecks.assertConsistent(m.journal))
                .withInvariant("escrow invariants", EscrowServiceProperties::checkEscrows)
                .run();
    }

    static void checkEscrows(Model m) {
        for (String id : IDS) {
            Escrow e = m.service.find(id).orElseThrow();
            MonetaryAmount held = m.journal.balance(Account.escrowHeld(id), EscrowExamples.CNY);
            assertFalse(held.isNegative(), id + " held " + held);
            assertTrue(held.isEqualTo(e.funds().held()), id + " held account " + held + " vs " + e.funds());
            assertFalse(e.funds().released().add(e.funds().refunded()).isGreaterThan(e.funds().captured()));
            Escrow before = m.terminal.get(id);
            if (before != null) {
                assertEquals(before, e, id + " left a terminal state");
            } else if (e.isTerminal()) {
                m.terminal.put(id, e);
            }
            List<ProviderOperation> ops = m.service.operations(id);
            Set<String> opIds = new HashSet<>();
            long succeededPayments = 0;
            for (ProviderOperation op : ops) {
                assertTrue(opIds.add(op.transactionId().value()), "one operation per transaction id");
                if (op.kind() == ProviderOperation.Kind.PAYMENT && op.outcome() instanceof PaymentOutcome.Succeeded) {
                    succeededPayments++;
                }
            }
            assertTrue(succeededPayments <= 1, id + " captured by more than one transaction id: " + ops);
            long refundedAtProvider = 0;
            for (ProviderOperation op : ops) {
                if (op.kind() == ProviderOperation.Kind.REFUND && op.outcome() instanceof PaymentOutcome.Succeeded s) {
                    assertTrue(s.amount().isEqualTo(op.amount()), "a refund id moved what it was sent with");
                    refundedAtProvider += MinorUnits.toMinor(op.amount());
                }
            }
            long refundedInLedger = MinorUnits.toMinor(e.funds().refunded());
            // A closed escrow's late payment is refunded outside its funds (see the late-payment entry).
            if (!(e instanceof Closed)) {
                assertTrue(refundedAtProvider <= refundedInLedger,
                        id + " provider refunded " + refundedAtProvider + " but the ledger only " + refundedInLedger);
            }
            long captures = m.journal.entries().stream().map(JournalEntry::key)
                    .filter(k -> k.startsWith("escrow:" + id + ":") && (k.endsWith(":capture") || k.endsWith(":late-payment")))
                    .count();
            assertTrue(captures <= 1, id + " captured twice in the ledger");
            assertEquals(captures, succeededPayments, id + ": ledger captures agree with succeeded payments");
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return Arbitraries.of(true, false).flatMap(inStorage -> ActionChain.startWith(() -> new Model(inStorage))
                .withAction(8, new Command())
                .withAction(1, new RepeatLastCommand())
                .withAction(2, new ProviderFault())
                .withAction(2, new ClockJump())
                .withAction(1, new Reconcile())
                .withAction(1, new DeliverNotifications())
                .withMaxTransformations(35));
    }

    static final class Command implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(IDS), Arbitraries.of(ACTORS), Arbitraries.integers().between(0, 12),
                    Arbitraries.longs().between(-50, 12_000)).as((id, actor, which, cents) -> Transformer.mutate(
                    "command " + which + " on " + id + " by " + actor + " (" + cents + ")", m -> {
                        Runnable command = () -> run(m.service, id, actor, which, MinorUnits.toAmount(cents,
                                EscrowExamples.CNY));
                        command.run();
                        m.lastCommand = Optional.of(command);
                    }));
        }
    }

    static void run(EscrowService s, String id, Actor a, int which, MonetaryAmount amount) {
        switch (which) {
            case 0, 1 -> s.pay(id, a, new PaymentSource("tok_model"));
            case 2 -> s.ship(id, a, "T-" + id);
            case 3 -> s.confirmReceipt(id, a);
            case 4 -> s.extendAutoConfirm(id, a);
            case 5 -> s.openDispute(id, a);
            case 6 -> s.endDispute(id, a);
            case 7 -> s.refund(id, a, amount);
            case 8 -> s.resolveByRelease(id, a);
            case 9 -> s.resolveByRefund(id, a);
            case 10 -> s.resolveBySplit(id, a, amount);
            case 11 -> s.compensateBuyer(id, a, amount);
            default -> s.groupFormed(id, a);
        }
    }

    static final class RepeatLastCommand implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return state.lastCommand.isPresent();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.just(Transformer.mutate("repeat last command", m -> m.lastCommand.orElseThrow().run()));
        }
    }

    static final class ProviderFault implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            Arbitrary<ScriptedAnswer> answers = Arbitraries.oneOf(
                    Arbitraries.of(ScriptedAnswer.TimeOut.Surface.values()).map(ScriptedAnswer::timeOutAfterMoving),
                    Arbitraries.of(ScriptedAnswer.TimeOut.Surface.values()).map(ScriptedAnswer::timeOutBeforeMoving),
                    Arbitraries.longs().between(0, 600).map(s -> ScriptedAnswer.pendingThenSucceed(Duration.ofSeconds(s))),
                    Arbitraries.just(ScriptedAnswer.decline(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient")));
            return answers.map(answer -> Transformer.mutate("provider will answer " + answer,
                    m -> m.sandbox.scriptNext(answer)));
        }
    }

    static final class ClockJump implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, Duration.ofDays(12).toMillis()).map(ms ->
                    Transformer.mutate("clock +" + Duration.ofMillis(ms) + ", run timers", m -> {
                        m.clock.advance(Duration.ofMillis(ms));
                        m.timers.runDue();
                    }));
        }
    }

    static final class Reconcile implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("reconcile", m -> m.service.reconcile()));
        }
    }

    static final class DeliverNotifications implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(0, 1000).map(seed -> Transformer.mutate("deliver notifications " + seed, m -> {
                for (Notification n : m.sandbox.drainNotifications(
                        new NotificationDelivery(NotificationDelivery.Order.SHUFFLED, 3, seed))) {
                    m.service.onNotification(n);
                }
            }));
        }
    }
}
