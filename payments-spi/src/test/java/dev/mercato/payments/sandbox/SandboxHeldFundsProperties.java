package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.FundsAccount;
import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitPart;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
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
import org.javamoney.moneta.Money;

/**
 * A state model of the sandbox's provider-held funds: random held sales, splits of one to three
 * parts (often above what is held), unfreezes, returns (often above what was sent), refunds,
 * withdrawals from sub-accounts, frozen and thawed accounts, scripted declines, timeouts and
 * pending answers, replays and clock jumps. After every step, reading the provider's answers
 * only ({@code status}, {@code heldFunds}, {@code subAccountBalance}):
 * <ul>
 *   <li>per payment, money is conserved:
 *       {@code held + returned = splitOut + unfrozen + refunded + stillHeld} (before returns and
 *       refunds: {@code held = splitOut + unfrozen + stillHeld}), with {@code stillHeld >= 0},
 *       and each term is what the instructions' outcomes add up to;</li>
 *   <li>per payment and account, returns never exceed what the payment sent there;</li>
 *   <li>per sub-account, the balance is what succeeded splits and unfreezes credited, less
 *       succeeded returns and withdrawals, and never negative.</li>
 * </ul>
 */
class SandboxHeldFundsProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final List<FundsAccount> ACCOUNTS = List.of(FundsAccount.seller("seller-one-00001"),
            FundsAccount.seller("seller-two-00002"), FundsAccount.platform("platform-0000001"),
            FundsAccount.creator("creator-00000001"));

    @Property
    void heldFundsAreConservedPerPaymentAndPerAccount(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("conservation", Model::checkConservation).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, Model.hold())
                .withAction(5, Model.split())
                .withAction(2, Model.unfreeze())
                .withAction(3, Model.returnFunds())
                .withAction(2, Model.refund())
                .withAction(1, Model.withdraw())
                .withAction(1, Model.freezeOrThaw())
                .withAction(3, Model.replay())
                .withAction(3, Model.script())
                .withAction(2, Model.tick())
                .withMaxTransformations(40);
    }

    /**
     * A call the model sent: enough to replay it and to read the provider's books.
     *
     * @param parts for a split, the minor units per recipient; for a return, the account it takes from
     */
    record Call(String kind, TransactionId id, TransactionId payment, long minor, Map<FundsAccount, Long> parts,
                Function<SandboxPaymentProvider, PaymentOutcome> send) {
        @Override
        public String toString() {
            return kind + " " + id + (payment.equals(id) ? "" : " on " + payment) + " " + minor
                    + (parts.isEmpty() ? "" : " " + parts);
        }
    }

    static final class Model {
        final MutableClock clock = new MutableClock();
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "model-secret", Set.of(CNY)));
        final List<Call> calls = new ArrayList<>();
        final List<TransactionId> holds = new ArrayList<>();
        final Map<FundsAccount, Long> withdrawn = new HashMap<>();
        final Map<TransactionId, FundsAccount> settlement = new HashMap<>();
        int nextId;

        TransactionId newId(String prefix) {
            return new TransactionId(prefix + "-" + (nextId++));
        }

        static MonetaryAmount cny(long minor) {
            return Money.of(BigDecimal.valueOf(minor, 2), "CNY");
        }

        void perform(Call call) {
            SandboxMoneyProperties.Model.perform(sandbox, call.id(), call.send());
        }

        void send(Call call) {
            calls.add(call);
            perform(call);
        }

        static Action.Independent<Model> hold() {
            return () -> Combinators.combine(Arbitraries.longs().between(1, 10_000), Arbitraries.integers().between(0, 1))
                    .as((minor, seller) -> Transformer.mutate("hold " + minor + " for seller " + seller, model -> {
                        TransactionId id = model.newId("hold");
                        HoldRequest request = new HoldRequest(id, cny(minor), new PaymentSource("tok"), "order",
                                ACCOUNTS.get(seller));
                        model.holds.add(id);
                        model.settlement.put(id, ACCOUNTS.get(seller));
                        model.send(new Call("hold", id, id, minor, Map.of(), s -> s.holdSale(request)));
                    }));
        }

        static Action.Dependent<Model> split() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.holds.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    Arbitrary<Map<FundsAccount, Long>> parts = Arbitraries.maps(Arbitraries.of(ACCOUNTS),
                            Arbitraries.longs().between(1, 6_000)).ofMinSize(1).ofMaxSize(3);
                    return Combinators.combine(Arbitraries.of(state.holds), parts)
                            .as((payment, shares) -> Transformer.mutate("split " + shares + " of " + payment, model -> {
                                TransactionId id = model.newId("split");
                                List<SplitPart> list = new ArrayList<>();
                                shares.forEach((account, minor) -> list.add(new SplitPart(account, cny(minor), "share")));
                                SplitRequest request = new SplitRequest(id, payment, list);
                                long total = shares.values().stream().mapToLong(Long::longValue).sum();
                                model.send(new Call("split", id, payment, total, new LinkedHashMap<>(shares),
                                        s -> s.split(request)));
                            }));
                }
            };
        }

        static Action.Dependent<Model> unfreeze() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.holds.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Arbitraries.of(state.holds).map(payment -> Transformer.mutate("unfreeze " + payment, model -> {
                        TransactionId id = model.newId("unfreeze");
                        UnfreezeRequest request = new UnfreezeRequest(id, payment, "done");
                        model.send(new Call("unfreeze", id, payment, 0, Map.of(), s -> s.unfreeze(request)));
                    }));
                }
            };
        }

        static Action.Dependent<Model> returnFunds() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.holds.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Combinators.combine(Arbitraries.of(state.holds), Arbitraries.of(ACCOUNTS),
                                    Arbitraries.longs().between(1, 6_000))
                            .as((payment, account, minor) -> Transformer.mutate("return " + minor + " from " + account
                                    + " for " + payment, model -> {
                                TransactionId id = model.newId("return");
                                ReturnRequest request = new ReturnRequest(id, payment, account, cny(minor), "refund");
                                model.send(new Call("return", id, payment, minor, Map.of(account, minor),
                                        s -> s.returnFunds(request)));
                            }));
                }
            };
        }

        static Action.Dependent<Model> refund() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.holds.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Combinators.combine(Arbitraries.of(state.holds), Arbitraries.longs().between(1, 8_000))
                            .as((payment, minor) -> Transformer.mutate("refund " + minor + " of " + payment, model -> {
                                TransactionId id = model.newId("refund");
                                RefundRequest request = new RefundRequest(id, payment, cny(minor), "model");
                                model.send(new Call("refund", id, payment, minor, Map.of(), s -> s.refund(request)));
                            }));
                }
            };
        }

        static Action.Independent<Model> withdraw() {
            return () -> Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.longs().between(1, 5_000))
                    .as((account, minor) -> Transformer.mutate("withdraw " + minor + " from " + account, model -> {
                        try {
                            model.sandbox.withdrawFromSubAccount(account, cny(minor));
                            model.withdrawn.merge(account, minor, Long::sum);
                        } catch (InvalidPaymentRequestException aboveTheBalance) {
                            assertEquals(Problem.EXCEEDS_HELD, aboveTheBalance.problem(), aboveTheBalance.getMessage());
                        }
                    }));
        }

        static Action.Independent<Model> freezeOrThaw() {
            return () -> Combinators.combine(Arbitraries.of(ACCOUNTS), Arbitraries.of(true, false))
                    .as((account, freeze) -> Transformer.mutate((freeze ? "freeze " : "thaw ") + account, model -> {
                        if (freeze) {
                            model.sandbox.freezeSubAccount(account);
                        } else {
                            model.sandbox.thawSubAccount(account);
                        }
                    }));
        }

        static Action.Dependent<Model> replay() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.calls.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Arbitraries.of(state.calls).map(call -> Transformer.mutate("replay " + call, model -> model.perform(call)));
                }
            };
        }

        static Action.Independent<Model> script() {
            ScriptedAnswer.Decline decline = new ScriptedAnswer.Decline(DeclineReason.REFUSED, "do_not_honor", "");
            Arbitrary<ScriptedAnswer> answers = Arbitraries.oneOf(
                    Arbitraries.just(decline),
                    Combinators.combine(Arbitraries.of(TimeOut.Effect.class), Arbitraries.of(TimeOut.Surface.class))
                            .as(TimeOut::new),
                    Arbitraries.just(ScriptedAnswer.serverError()),
                    Arbitraries.longs().between(0, 120).map(s -> ScriptedAnswer.pendingThenSucceed(Duration.ofSeconds(s))),
                    Arbitraries.longs().between(0, 120).map(s -> ScriptedAnswer.pendingThenDecline(Duration.ofSeconds(s), decline)));
            return () -> answers.map(answer -> Transformer.mutate("script " + answer, model -> model.sandbox.scriptNext(answer)));
        }

        static Action.Independent<Model> tick() {
            return () -> Arbitraries.longs().between(1, 90).map(s -> Transformer.mutate("tick " + s + "s",
                    model -> model.clock.advance(Duration.ofSeconds(s))));
        }

        /** Reads the books through the provider's answers only and checks conservation per payment and per account. */
        void checkConservation() {
            sandbox.settleDue();
            Map<TransactionId, Optional<PaymentOutcome>> status = new HashMap<>();
            for (Call call : calls) {
                status.computeIfAbsent(call.id(), sandbox::status);
            }
            // per payment: held, splitOut, unfrozen, returned, refunded, as the instructions' outcomes add up
            Map<TransactionId, long[]> books = new HashMap<>();
            Map<TransactionId, Map<FundsAccount, Long>> sent = new HashMap<>();
            Map<TransactionId, Map<FundsAccount, Long>> takenBack = new HashMap<>();
            Map<FundsAccount, Long> balances = new HashMap<>();
            withdrawn.forEach((account, minor) -> balances.merge(account, -minor, Long::sum));
            Set<TransactionId> counted = new HashSet<>();
            for (Call call : calls) {
                if (!counted.add(call.id())) {
                    continue;
                }
                Optional<PaymentOutcome> outcome = status.get(call.id());
                boolean done = outcome.filter(PaymentOutcome.Succeeded.class::isInstance).isPresent();
                boolean inFlight = done || outcome.filter(PaymentOutcome.Pending.class::isInstance).isPresent();
                long[] book = books.computeIfAbsent(call.payment(), p -> new long[5]);
                switch (call.kind()) {
                    case "hold" -> book[0] += done ? call.minor() : 0;
                    case "split" -> {
                        book[1] += inFlight ? call.minor() : 0;
                        if (done) {
                            call.parts().forEach((account, minor) -> {
                                sent.computeIfAbsent(call.payment(), p -> new HashMap<>()).merge(account, minor, Long::sum);
                                balances.merge(account, minor, Long::sum);
                            });
                        }
                    }
                    case "unfreeze" -> {
                        long released = outcome.map(Model::amountOf).orElse(0L);
                        book[2] += inFlight ? released : 0;
                        if (done) {
                            FundsAccount to = settlement.get(call.payment());
                            sent.computeIfAbsent(call.payment(), p -> new HashMap<>()).merge(to, released, Long::sum);
                            balances.merge(to, released, Long::sum);
                        }
                    }
                    case "return" -> {
                        FundsAccount from = call.parts().keySet().iterator().next();
                        book[3] += done ? call.minor() : 0;
                        if (inFlight) {
                            takenBack.computeIfAbsent(call.payment(), p -> new HashMap<>()).merge(from, call.minor(), Long::sum);
                        }
                        if (done) {
                            balances.merge(from, -call.minor(), Long::sum);
                        }
                    }
                    case "refund" -> book[4] += inFlight ? call.minor() : 0;
                    default -> throw new AssertionError(call.kind());
                }
            }
            for (TransactionId payment : holds) {
                long[] book = books.get(payment);
                Optional<HeldFunds> funds = sandbox.heldFunds(payment);
                if (book[0] == 0) {
                    assertEquals(Optional.empty(), funds, "a hold that did not succeed has held funds");
                    assertEquals(0, book[1] + book[2] + book[3] + book[4], "instructions moved money of an unsettled hold "
                            + payment);
                    continue;
                }
                HeldFunds f = funds.orElseThrow(() -> new AssertionError("no held funds for the succeeded hold " + payment));
                long stillHeld = minor(f.stillHeld());
                assertEquals(book[0], minor(f.held()), "held of " + payment);
                assertEquals(book[1], minor(f.splitOut()), "split out of " + payment);
                assertEquals(book[2], minor(f.unfrozen()), "unfrozen of " + payment);
                assertEquals(book[3], minor(f.returned()), "returned of " + payment);
                assertEquals(book[4], minor(f.refunded()), "refunded of " + payment);
                assertTrue(stillHeld >= 0, "negative still held for " + payment);
                assertEquals(book[0] + book[3], book[1] + book[2] + book[4] + stillHeld,
                        "held + returned != splitOut + unfrozen + refunded + stillHeld for " + payment + ": " + f);
                Map<FundsAccount, Long> paid = sent.getOrDefault(payment, Map.of());
                takenBack.getOrDefault(payment, Map.of()).forEach((account, minor) -> assertTrue(minor <= paid.getOrDefault(account, 0L),
                        payment + " took back " + minor + " from " + account + ", which it sent " + paid.get(account)));
            }
            for (FundsAccount account : ACCOUNTS) {
                long expected = balances.getOrDefault(account, 0L);
                long actual = sandbox.subAccountBalance(account, CNY).map(Model::minor).orElse(0L);
                assertEquals(expected, actual, "balance of " + account);
                assertTrue(actual >= 0, "negative balance of " + account);
            }
        }

        private static long amountOf(PaymentOutcome outcome) {
            if (outcome instanceof PaymentOutcome.Succeeded s) {
                return minor(s.amount());
            }
            return outcome instanceof PaymentOutcome.Pending p ? minor(p.amount()) : 0;
        }

        static long minor(MonetaryAmount amount) {
            return amount.getNumber().numberValue(BigDecimal.class).movePointRight(2).longValueExact();
        }
    }
}
