package dev.mercato.core.membership;

import static dev.mercato.core.membership.MembershipWorld.CARD;
import static dev.mercato.core.membership.MembershipWorld.CNY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of one member's paid plans driven through the service by moving the clock:
 * subscribing (trial or paid), cancelling, replaying commands, payment declines and time passing
 * with the renewal timers firing. After every step: the membership revenue equals what the
 * provider says it charged minus what it refunded (every fee posted exactly once), the ledger is
 * consistent, nothing is overdue, a retrying renewal is below its attempt limit, the member's
 * pricing context holds the plan exactly while the subscription entitles it, and a terminal
 * subscription never changes again.
 */
class SubscriptionLifecycleProperties {

    static final class Model {
        final MembershipWorld world = new MembershipWorld();
        final Map<String, Subscription> terminal = new HashMap<>();
        int keys;
        Optional<Runnable> lastCommand = Optional.empty();

        Instant now() {
            return world.clock.instant();
        }

        @Override
        public String toString() {
            return now() + " " + world.service.subscription("m-1");
        }
    }

    @Property(tries = 120)
    void thePlanLifecycleKeepsMoneyStateAndBenefitsInStep(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("revenue equals charges minus refunds", m -> {
                    long revenue = MinorUnits.toMinor(m.world.journal.balance(Account.revenue(RevenueStream.MEMBERSHIP), CNY));
                    assertEquals(m.world.payments.chargedMinor() - m.world.payments.refundedMinor(), revenue);
                    assertEquals(m.world.payments.refundedMinor(),
                            MinorUnits.toMinor(m.world.journal.balance(Account.refunds(), CNY)));
                    LedgerChecks.assertConsistent(m.world.journal);
                })
                .withInvariant("states agree with the clock and the benefits", m -> m.world.service.subscription("m-1")
                        .ifPresent(s -> {
                            Instant now = m.now();
                            s.nextChargeAt().ifPresent(due -> assertTrue(due.isAfter(now), () -> "overdue: " + s));
                            if (s instanceof RenewalRetrying r) {
                                assertTrue(r.failedAttempts() < r.terms().plan().renewalAttempts());
                            }
                            if (s instanceof Lapsed) {
                                assertFalse(s.entitledAt(now));
                            }
                            if (s instanceof Active || s instanceof Trial) {
                                assertTrue(s.entitledAt(now), () -> "not entitled: " + s);
                            }
                            assertEquals(s.entitledAt(now),
                                    m.world.service.standing("m-1").tiers().contains(s.terms().plan().code()));
                            Subscription seen = m.terminal.get(s.terms().subscriptionId());
                            if (seen != null) {
                                assertEquals(seen, s, "a terminal subscription never changes");
                            } else if (s.isTerminal()) {
                                m.terminal.put(s.terms().subscriptionId(), s);
                            }
                        }))
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, new Subscribe())
                .withAction(2, new Cancel())
                .withAction(2, new Decline())
                .withAction(6, new TimePasses())
                .withAction(1, new Replay())
                .withMaxTransformations(25);
    }

    static final class Subscribe implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of("MONTHLY", "PLUS", "88VIP").map(plan -> Transformer.mutate("subscribe " + plan, m -> {
                String key = "join-" + (++m.keys);
                Runnable command = () -> m.world.service.subscribe("m-1", plan, CARD, key);
                command.run();
                m.lastCommand = Optional.of(command);
            }));
        }
    }

    static final class Cancel implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("cancel", m -> {
                String key = "cancel-" + (++m.keys);
                Runnable command = () -> m.world.service.cancel("m-1", key);
                command.run();
                m.lastCommand = Optional.of(command);
            }));
        }
    }

    static final class Replay implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return state.lastCommand.isPresent();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.just(Transformer.mutate("replay the last command", m -> m.lastCommand.orElseThrow().run()));
        }
    }

    static final class Decline implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(1, 3).map(n -> Transformer.mutate("decline the next " + n + " calls",
                    m -> {
                        for (int i = 0; i < n; i++) {
                            m.world.declineNextCharge();
                        }
                    }));
        }
    }

    static final class TimePasses implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, 24 * 60).map(hours -> Transformer.mutate("+" + hours + "h",
                    m -> m.world.advance(Duration.ofHours(hours))));
        }
    }
}
