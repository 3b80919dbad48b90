package dev.mercato.core.seller;

import static dev.mercato.core.seller.SellerWorld.CARD;
import static dev.mercato.core.seller.SellerWorld.CNY;
import static dev.mercato.core.seller.SellerWorld.OPERATOR;
import static dev.mercato.core.seller.SellerWorld.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.LedgerChecks;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
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
 * A state model of the seller service with the sandbox provider: two sellers (a C2C individual
 * lodging 5.00 and a brand store lodging 8.00), random commands by random actors (the seller
 * itself, another seller, an operator, the system), right and wrong deposits (amount, currency),
 * reused idempotency keys, provider faults (declines, timeouts, pending answers), open orders
 * appearing and settling, clock jumps with timers and reconciliation. After every step: every
 * entry balances and all balances sum to zero; each seller's deposit account equals its record's
 * {@code lodged - debited - returned} and is never negative; penalty revenue plus refunds equal
 * what was debited; each seller's funds-in account is minus lodged plus returned; the provider
 * captured at most one deposit per seller and the ledger never lodged or returned more than the
 * provider moved; only active sellers may sell; a closed seller stays closed.
 */
class SellerLifecycleProperties {
    static final Map<String, SellerType> SELLERS = Map.of("s-1", SellerType.C2C_INDIVIDUAL, "s-2",
            SellerType.B2C_BRAND_STORE);
    static final List<String> IDS = List.of("s-1", "s-2");

    static OnboardingPolicy policy() {
        OnboardingPolicy defaults = OnboardingPolicy.defaults(CNY);
        return defaults
                .with(SellerType.C2C_INDIVIDUAL, new SellerRequirements(defaults.of(SellerType.C2C_INDIVIDUAL).qualifications(),
                        SellerWorld.cny("5.00"), Set.of()))
                .with(SellerType.B2C_BRAND_STORE, new SellerRequirements(
                        defaults.of(SellerType.B2C_BRAND_STORE).qualifications(), SellerWorld.cny("8.00"),
                        Set.of(Badge.VERIFIED)));
    }

    static final class Model {
        final SellerWorld w = new SellerWorld(policy(), EnumSet.allOf(Capabilities.Feature.class));
        final Map<String, Seller> closed = new HashMap<>();

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (String id : IDS) {
                s.append(id).append('=').append(w.sellers.find(id).map(Seller::stateName).orElse("-")).append("; ");
            }
            return s.toString();
        }
    }

    @Property(tries = 60)
    void sellersAndTheirDepositsStayConsistentWithTheLedgerAndTheProvider(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("ledger consistent", m -> LedgerChecks.assertConsistent(m.w.journal))
                .withInvariant("deposits", SellerLifecycleProperties::checkDeposits)
                .withInvariant("coverage", m -> IDS.forEach(id -> net.jqwik.api.statistics.Statistics.label("states")
                        .collect(m.w.sellers.find(id).map(Seller::stateName).orElse("-"))))
                .run();
    }

    static Optional<Deposit> deposit(Seller seller) {
        if (seller instanceof Active a) {
            return Optional.of(a.deposit());
        }
        if (seller instanceof Suspended s) {
            return Optional.of(s.deposit());
        }
        if (seller instanceof Closing c) {
            return Optional.of(c.deposit());
        }
        return seller instanceof Closed c ? Optional.of(c.deposit()) : Optional.empty();
    }

    static long minor(MonetaryAmount amount) {
        return MinorUnits.toMinor(amount);
    }

    static void checkDeposits(Model m) {
        long debitedAll = 0;
        for (String id : IDS) {
            Optional<Seller> found = m.w.sellers.find(id);
            long balance = minor(m.w.depositBalance(id));
            assertTrue(balance >= 0, id + " deposit balance negative: " + balance);
            if (found.isEmpty()) {
                assertEquals(0, balance);
                continue;
            }
            Seller seller = found.get();
            Optional<Deposit> deposit = deposit(seller);
            long lodged = deposit.map(d -> minor(d.lodged())).orElse(0L);
            long debited = deposit.map(d -> minor(d.debited())).orElse(0L);
            long returned = deposit.map(d -> minor(d.returned())).orElse(0L);
            debitedAll += debited;
            assertEquals(lodged - debited - returned, balance, id + " deposit account vs record " + deposit);
            assertEquals(returned - lodged, minor(m.w.balance(new Account.SellerFundsIn(id))), id + " funds in");
            assertEquals(seller instanceof Active, m.w.sellers.maySell(id), id + " may sell only when active");
            long capturedAtProvider = 0;
            int succeededSales = 0;
            long refundedAtProvider = 0;
            for (int n = 1; n <= 40; n++) {
                Optional<PaymentOutcome> sale = m.w.sandbox.status(new TransactionId("sdep." + id + "." + n));
                if (sale.isPresent() && sale.get() instanceof PaymentOutcome.Succeeded s) {
                    capturedAtProvider += minor(s.amount());
                    succeededSales++;
                }
                Optional<PaymentOutcome> refund = m.w.sandbox.status(new TransactionId("sret." + id + "." + n));
                if (refund.isPresent() && refund.get() instanceof PaymentOutcome.Succeeded s) {
                    refundedAtProvider += minor(s.amount());
                }
            }
            assertTrue(succeededSales <= 1, id + " charged a deposit " + succeededSales + " times");
            assertTrue(lodged <= capturedAtProvider, id + " ledger lodged " + lodged + " > provider " + capturedAtProvider);
            assertTrue(returned <= refundedAtProvider, id + " ledger returned " + returned + " > provider "
                    + refundedAtProvider);
            assertTrue(refundedAtProvider <= capturedAtProvider - debited || refundedAtProvider == 0,
                    id + " provider returned more than the deposit held");
            Seller before = m.closed.get(id);
            if (before != null) {
                assertEquals(before, seller, id + " left Closed");
            } else if (seller instanceof Closed) {
                m.closed.put(id, seller);
            }
        }
        long penalties = minor(m.w.balance(Account.revenue(RevenueStream.PENALTY)));
        long refunds = minor(m.w.balance(Account.refunds()));
        assertEquals(debitedAll, penalties + refunds, "debited = penalty revenue + compensation paid");
        assertFalse(m.w.journal.entries().isEmpty() && debitedAll < 0);
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(8, new Advance())
                .withAction(5, new Command())
                .withAction(2, new ProviderFault())
                .withAction(1, new ToggleObligations())
                .withAction(2, new ClockJump())
                .withAction(1, new Reconcile())
                .withMaxTransformations(50);
    }

    static final class Command implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            // Mostly the party that may give the command, so chains get deep; sometimes anyone.
            Arbitrary<Optional<Actor>> actors = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(Optional.<Actor>empty())),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(new Actor.Seller("s-1"), new Actor.Seller("s-2"), OPERATOR,
                            SYSTEM, new Actor.Buyer("b-1")).map(Optional::of)));
            return Combinators.combine(Arbitraries.of(IDS), actors, Arbitraries.integers().between(0, 12),
                    Arbitraries.longs().between(-100, 900), Arbitraries.of("k-1", "k-2", "k-3"))
                    .as((id, chosen, which, cents, key) -> {
                        Actor actor = chosen.orElseGet(() -> naturalActor(id, which));
                        return Transformer.mutate(
                                "command " + which + " on " + id + " by " + actor + " (" + cents + ", " + key + ")",
                                m -> run(m, id, actor, which, cents, key));
                    });
        }
    }

    static Actor naturalActor(String id, int which) {
        return switch (which) {
            case 2, 3, 7, 8, 9 -> OPERATOR;
            case 11 -> SYSTEM;
            default -> new Actor.Seller(id);
        };
    }

    static void run(Model m, String id, Actor actor, int which, long cents, String key) {
        SellerService s = m.w.sellers;
        Actor self = new Actor.Seller(id);
        MonetaryAmount amount = MinorUnits.toAmount(cents, CNY);
        try {
            switch (which) {
                case 0 -> s.register(id, SELLERS.get(id), actor);
                case 1 -> s.submitQualifications(id, actor, cents % 3 == 0
                        ? SellerWorld.documents(Qualification.IDENTITY) : SellerWorld.documentsFor(SELLERS.get(id)));
                case 2 -> s.approve(id, actor);
                case 3 -> s.reject(id, actor, RejectionReason.DOCUMENT_NOT_VERIFIED, "blurred");
                case 4 -> s.acceptAgreement(id, actor, "v1");
                case 5 -> s.payDeposit(id, cents % 4 == 0 ? actor : self,
                        cents % 5 == 0 ? amount : policy().of(SELLERS.get(id)).deposit(), CARD, key);
                case 6 -> s.payDeposit(id, self, SellerWorld.usd("5.00"), CARD, key);
                case 7 -> s.suspend(id, actor, "model");
                case 8 -> s.reinstate(id, actor);
                case 9 -> s.debitDeposit(id, actor, cents % 2 == 0 ? DebitKind.PENALTY : DebitKind.COMPENSATION, amount,
                        key);
                case 10 -> s.requestClose(id, actor);
                case 11 -> s.returnDeposit(id, actor);
                case 12 -> s.repairJournal();
                default -> {
                    m.w.sandbox.settleDue();
                    s.reconcile();
                }
            }
        } catch (UnknownSellerException | CurrencyMismatchException | IdempotencyKeyReusedException expected) {
            // bad input: must have changed nothing, which the invariants check
        }
    }

    /** Gives the command that moves a seller on from its current state, by the party that may give it. */
    static final class Advance implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(IDS), Arbitraries.integers().between(0, 9),
                    Arbitraries.longs().between(1, 500), Arbitraries.of("k-1", "k-2", "k-3"))
                    .as((id, dice, cents, key) -> Transformer.mutate("advance " + id + " (" + dice + ", " + cents + ", "
                            + key + ")", m -> {
                        Optional<Seller> now = m.w.sellers.find(id);
                        int which = now.map(seller -> next(seller, dice)).orElse(0);
                        run(m, id, naturalActor(id, which), which, which == 1 ? 1 : cents, key);
                    }));
        }

        static int next(Seller seller, int dice) {
            if (seller instanceof Registered || seller instanceof Rejected) {
                return 1;
            }
            if (seller instanceof QualificationsSubmitted) {
                return dice == 0 ? 3 : 2;
            }
            if (seller instanceof Approved) {
                return 4;
            }
            if (seller instanceof AgreementAccepted) {
                return 5;
            }
            if (seller instanceof DepositPending) {
                return dice < 3 ? 5 : 13;
            }
            if (seller instanceof Active) {
                return dice < 5 ? 9 : dice < 7 ? 7 : 10;
            }
            if (seller instanceof Suspended) {
                return dice < 3 ? 9 : dice < 7 ? 8 : 10;
            }
            return dice < 2 ? 9 : 11;
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
                    m -> m.w.sandbox.scriptNext(answer)));
        }
    }

    static final class ToggleObligations implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(IDS).map(id -> Transformer.mutate("toggle open orders of " + id, m -> {
                if (!m.w.openObligations.remove(id)) {
                    m.w.openObligations.add(id);
                }
            }));
        }
    }

    static final class ClockJump implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, Duration.ofDays(2).toMillis()).map(ms ->
                    Transformer.mutate("clock +" + Duration.ofMillis(ms) + ", settle, run timers", m -> {
                        m.w.clock.advance(Duration.ofMillis(ms));
                        m.w.sandbox.settleDue();
                        m.w.timers.runDue();
                    }));
        }
    }

    static final class Reconcile implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("reconcile", m -> m.w.sellers.reconcile()));
        }
    }
}
