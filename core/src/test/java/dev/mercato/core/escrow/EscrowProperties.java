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
import dev.mercato.core.ledger.PostResult;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
 * A state model of one escrow and its journal: random commands by random actors (allowed or
 * not), clock jumps and duplicate posts of the last entry. After every step the ledger is
 * consistent, the escrow's held account equals its held funds and is never negative, the
 * creators' payable accounts hold exactly the revenue shares released and not taken back, released
 * plus refunded never exceeds captured, and a terminal state stays terminal.
 */
class EscrowProperties {
    private static final List<Actor> ACTORS = List.of(EscrowExamples.BUYER, EscrowExamples.SELLER,
            EscrowExamples.OTHER_SELLER, EscrowExamples.OPERATOR, EscrowExamples.SYSTEM, new Actor.Buyer("b-2"));

    static final class Model {
        final Journal journal = Journal.inMemory();
        Escrow escrow;
        Instant now = EscrowExamples.T0;
        Optional<JournalEntry> last = Optional.empty();
        Optional<Escrow> terminal = Optional.empty();

        Model(boolean groupBuy) {
            EscrowTerms terms = EscrowExamples.terms().withPlatformSubsidy(EscrowExamples.cny("7.77"))
                    .withDeductions(new Deductions(EscrowExamples.cny("5.00"), EscrowExamples.cny("1.00"),
                            EscrowExamples.cny("0.60"), List.of(new CreatorShare("cr-1", EscrowExamples.cny("8.33")),
                                    new CreatorShare("cr-2", EscrowExamples.cny("2.71")))));
            if (groupBuy) {
                terms = terms.withGroupDeadline(now.plus(Duration.ofDays(2)));
            }
            journal.post(JournalEntry.builder("deposit", now, "deposit")
                    .credit(new Account.SellerFundsIn("s-1"), EscrowExamples.cny("150.00"))
                    .debit(Account.sellerDeposit("s-1"), EscrowExamples.cny("150.00")).build());
            escrow = Escrow.open(terms, now);
        }

        @Override
        public String toString() {
            return escrow.getClass().getSimpleName() + " " + escrow.funds() + " at " + now;
        }
    }

    @Property(tries = 150)
    void everyStepKeepsTheEscrowAndLedgerConsistent(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("ledger consistent", m -> LedgerChecks.assertConsistent(m.journal))
                .withInvariant("held account equals held funds", m -> {
                    MonetaryAmount held = m.journal.balance(Account.escrowHeld("o-1"), EscrowExamples.CNY);
                    assertTrue(held.isEqualTo(m.escrow.funds().held()), () -> held + " vs " + m.escrow.funds());
                    assertTrue(!held.isNegative());
                })
                .withInvariant("released + refunded <= captured", m -> {
                    EscrowFunds f = m.escrow.funds();
                    assertTrue(!f.released().add(f.refunded()).isGreaterThan(f.captured()));
                })
                .withInvariant("creator payables hold the shares released", m -> {
                    MonetaryAmount creators = m.journal.balance(Account.creatorPayable("cr-1"), EscrowExamples.CNY)
                            .add(m.journal.balance(Account.creatorPayable("cr-2"), EscrowExamples.CNY));
                    assertTrue(creators.isEqualTo(m.escrow.funds().shares()), () -> creators + " vs " + m.escrow.funds());
                    for (CreatorShare share : m.escrow.terms().deductions().shares()) {
                        MonetaryAmount owed = m.journal.balance(Account.creatorPayable(share.partyId()), EscrowExamples.CNY);
                        assertTrue(!owed.isNegative() && !owed.isGreaterThan(share.amount()), () -> share + " owed " + owed);
                    }
                })
                .withInvariant("terminal stays terminal", m -> m.terminal.ifPresent(t -> assertSame(t, m.escrow)))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return Arbitraries.of(true, false).flatMap(group -> ActionChain.<Model>startWith(() -> new Model(group))
                .withAction(6, new Command())
                .withAction(2, new ClockJump())
                .withAction(1, new DuplicatePost())
                .withMaxTransformations(30));
    }

    static final class ClockJump implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, Duration.ofDays(12).toMillis()).map(ms ->
                    Transformer.mutate("clock +" + ms + "ms", m -> m.now = m.now.plusMillis(ms)));
        }
    }

    static final class DuplicatePost implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return state.last.isPresent();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.just(Transformer.mutate("duplicate post", m ->
                    assertInstanceOf(PostResult.Replayed.class, m.journal.post(m.last.orElseThrow()))));
        }
    }

    static final class Command implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            Arbitrary<Actor> actor = Arbitraries.of(ACTORS);
            Arbitrary<Integer> which = Arbitraries.integers().between(0, 6);
            Arbitrary<Long> cents = Arbitraries.longs().between(-100, 12_000);
            return Combinators.combine(actor, which, cents).as((a, w, c) -> Transformer.mutate(
                    "command " + w + " by " + a + " amount " + c, m -> apply(m, a, w, c)));
        }
    }

    static void apply(Model m, Actor a, int which, long cents) {
        Escrow before = m.escrow;
        MonetaryAmount amount = MinorUnits.toAmount(cents, EscrowExamples.CNY);
        SellerBalances balances = SellerBalances.from(m.journal, "s-1", EscrowExamples.CNY);
        Instant now = m.now;
        Optional<Transition> t = Optional.empty();
        if (before instanceof AwaitingPayment s) {
            t = Optional.of(which < 3 ? s.pay(a, now) : which < 5 ? s.closeUnpaid(a, now) : s.cancel(a, now));
        } else if (before instanceof AwaitingGroup s) {
            t = Optional.of(which < 3 ? s.groupFormed(a, now) : s.groupFailed(a, now));
        } else if (before instanceof Held s) {
            t = Optional.of(switch (which) {
                case 0, 1 -> s.ship(a, "T-1", now);
                case 2 -> s.refundInFull(a, now);
                case 3 -> s.refundPart(a, amount, now);
                case 4, 5 -> s.openDispute(a, now);
                default -> s.deliver(a, "T-1", now.minus(Duration.ofHours(30)), now);
            });
        } else if (before instanceof Shipped s) {
            t = Optional.of(switch (which) {
                case 0 -> s.confirmReceipt(a, now);
                case 1 -> s.autoConfirm(a, now);
                case 2 -> s.extendAutoConfirm(a, now);
                case 3 -> s.refundAfterReturn(a, amount, now);
                case 4, 5 -> s.openDispute(a, now);
                default -> s.deliver(a, now);
            });
        } else if (before instanceof Disputed s) {
            t = Optional.of(switch (which) {
                case 0 -> s.resolveByRelease(a, now);
                case 1 -> s.resolveByRefund(a, now);
                case 2 -> s.resolveBySplit(a, amount, now);
                case 3 -> s.resolveByRefundWithCompensation(a, amount, balances, now);
                default -> s.endWithoutResolution(a, now);
            });
        } else if (before instanceof Released s) {
            t = Optional.of(which < 4 ? s.refundAfterRelease(a, amount, balances, now)
                    : s.compensateBuyer(a, amount, balances, now));
        }
        if (t.isEmpty()) {
            return; // terminal: there is nothing to call
        }
        Transition result = t.get();
        if (result instanceof Transition.Refused refused) {
            assertSame(before, refused.state());
            return;
        }
        Transition.Accepted accepted = (Transition.Accepted) result;
        if (which == 6 && (before instanceof Held || before instanceof Shipped)) {
            // A recorded delivery moves no money and starts the clock from the delivery, never earlier.
            assertTrue(accepted.entry().isEmpty());
            Shipped clock = assertInstanceOf(Shipped.class, accepted.state());
            assertTrue(a instanceof Actor.System || a instanceof Actor.PlatformOperator);
            assertEquals(now.plus(before.terms().autoConfirmAfter())
                    .plus(clock.shipment().extended() ? before.terms().extension() : Duration.ZERO),
                    clock.shipment().autoConfirmAt());
            if (before instanceof Shipped earlier) {
                assertTrue(clock.shipment().autoConfirmAt().isAfter(earlier.shipment().autoConfirmAt()));
            }
        }
        accepted.entry().ifPresent(e -> {
            assertInstanceOf(PostResult.Posted.class, m.journal.post(e));
            m.last = Optional.of(e);
        });
        assertEquals(before.step() + 1, accepted.state().step());
        m.escrow = accepted.state();
        if (m.escrow.isTerminal()) {
            m.terminal = Optional.of(m.escrow);
        }
    }
}
