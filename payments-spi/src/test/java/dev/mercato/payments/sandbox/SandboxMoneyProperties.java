package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.InvalidPaymentRequestException;
import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentEvent;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProviderException;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
 * A state model of the sandbox: random authorizations, sales, captures, voids and refunds with
 * random amounts (often too large), replays of earlier requests, scripted declines, timeouts
 * and pending answers, and clock jumps. After every step the provider's own answers (status
 * queries only) must show that no payment refunded more than it captured and no authorization
 * was captured above its amount or twice, and every call's outcome agrees with the status.
 * At the end, the notifications, duplicated and shuffled, fold to the status of every
 * transaction.
 */
class SandboxMoneyProperties {

    @Property
    void moneyNeverExceedsItsBoundsAndNotificationsFoldToTheTruth(@ForAll("chains") ActionChain<Model> chain,
                                                                 @ForAll long deliverySeed) {
        Model model = chain.withInvariant("money bounds", Model::checkMoneyBounds).run();
        model.notificationsFoldToStatus(deliverySeed);
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, Model.newPayment())
                .withAction(3, Model.capture())
                .withAction(1, Model.voidAuthorization())
                .withAction(5, Model.refund())
                .withAction(4, Model.replay())
                .withAction(3, Model.script())
                .withAction(2, Model.tick())
                .withMaxTransformations(40);
    }

    /** What the model remembers about a call it sent: enough to replay it and to read the provider's books. */
    record Call(String kind, TransactionId id, TransactionId payment, long minor,
                Function<SandboxPaymentProvider, PaymentOutcome> send) {
        @Override
        public String toString() {
            return kind + " " + id + (payment.equals(id) ? "" : " on " + payment) + " " + minor;
        }
    }

    static final class Model {
        final MutableClock clock = new MutableClock();
        final SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "model-secret", Set.of(Monetary.getCurrency("USD")))
                        .withNotificationTolerance(Duration.ofDays(365)));
        final List<Call> calls = new ArrayList<>();
        final List<TransactionId> payments = new ArrayList<>();
        int nextId;

        TransactionId newId(String prefix) {
            return new TransactionId(prefix + "-" + (nextId++));
        }

        static MonetaryAmount usd(long minor) {
            return Money.of(BigDecimal.valueOf(minor, 2), "USD");
        }

        void perform(Call call) {
            perform(sandbox, call.id(), call.send());
        }

        /**
         * Sends one call and checks what every call must keep: its outcome names its id, status
         * reports that outcome or a later one, a refusal changes nothing (and never for a reused
         * id, which the models never send), and a scripted timeout leaves the truth to status.
         */
        static void perform(SandboxPaymentProvider sandbox, TransactionId id,
                Function<SandboxPaymentProvider, PaymentOutcome> send) {
            Optional<PaymentOutcome> before = sandbox.status(id);
            try {
                PaymentOutcome returned = send.apply(sandbox);
                assertEquals(id, returned.transactionId());
                if (!(returned instanceof PaymentOutcome.Unknown)) {
                    PaymentOutcome status = sandbox.status(id).orElseThrow();
                    assertEquals(status, PaymentOutcome.latest(returned, status),
                            "status " + status + " is neither the returned outcome " + returned + " nor a later one");
                }
            } catch (InvalidPaymentRequestException refused) {
                assertNotEquals(Problem.TRANSACTION_ID_REUSED, refused.problem(), "the model never reuses an id: " + refused);
                assertEquals(before, sandbox.status(id), "a refused call changed the books: " + refused);
            } catch (PaymentProviderException scriptedTimeout) {
                // the effect is unknown to the caller; the invariants read the truth from status
            }
        }

        void send(Call call) {
            calls.add(call);
            if (call.kind().equals("sale") || call.kind().equals("authorize")) {
                payments.add(call.id());
            }
            perform(call);
        }

        static Action.Independent<Model> newPayment() {
            return () -> Combinators.combine(Arbitraries.of("sale", "authorize"), Arbitraries.longs().between(1, 10_000))
                    .as((kind, minor) -> Transformer.mutate(kind + " " + minor, model -> {
                        TransactionId id = model.newId(kind);
                        PaymentRequest request = new PaymentRequest(id, usd(minor), new PaymentSource("tok"), "order");
                        model.send(new Call(kind, id, id, minor,
                                kind.equals("sale") ? s -> s.sale(request) : s -> s.authorize(request)));
                    }));
        }

        static Action.Dependent<Model> capture() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.payments.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Combinators.combine(Arbitraries.of(state.payments), Arbitraries.longs().between(1, 12_000))
                            .as((payment, minor) -> Transformer.mutate("capture " + minor + " of " + payment, model -> {
                                TransactionId id = model.newId("cap");
                                CaptureRequest request = new CaptureRequest(id, payment, usd(minor));
                                model.send(new Call("capture", id, payment, minor, s -> s.capture(request)));
                            }));
                }
            };
        }

        static Action.Dependent<Model> voidAuthorization() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.payments.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Arbitraries.of(state.payments).map(payment -> Transformer.mutate("void " + payment, model -> {
                        TransactionId id = model.newId("void");
                        VoidRequest request = new VoidRequest(id, payment);
                        model.send(new Call("void", id, payment, 0, s -> s.voidAuthorization(request)));
                    }));
                }
            };
        }

        static Action.Dependent<Model> refund() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.payments.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Combinators.combine(Arbitraries.of(state.payments), Arbitraries.longs().between(1, 12_000))
                            .as((payment, minor) -> Transformer.mutate("refund " + minor + " of " + payment, model -> {
                                TransactionId id = model.newId("ref");
                                RefundRequest request = new RefundRequest(id, payment, usd(minor), "model");
                                model.send(new Call("refund", id, payment, minor, s -> s.refund(request)));
                            }));
                }
            };
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
                    Arbitraries.longs().between(0, 120).map(s -> ScriptedAnswer.pendingThenSucceed(Duration.ofSeconds(s))),
                    Arbitraries.longs().between(0, 120).map(s -> ScriptedAnswer.pendingThenDecline(Duration.ofSeconds(s), decline)));
            return () -> answers.map(answer -> Transformer.mutate("script " + answer, model -> model.sandbox.scriptNext(answer)));
        }

        static Action.Independent<Model> tick() {
            return () -> Arbitraries.longs().between(1, 90).map(s -> Transformer.mutate("tick " + s + "s",
                    model -> model.clock.advance(Duration.ofSeconds(s))));
        }

        /** Reads the books through status queries only and checks every payment's bounds. */
        void checkMoneyBounds() {
            Map<TransactionId, Optional<PaymentOutcome>> status = new HashMap<>();
            Map<TransactionId, long[]> books = new HashMap<>(); // authorized, captured, captures+voids in flight, refunded
            for (Call call : calls) {
                if (status.putIfAbsent(call.id(), sandbox.status(call.id())) == null && call.id().equals(call.payment())) {
                    books.put(call.id(), new long[] {call.minor(), 0, 0, 0});
                }
            }
            for (Map.Entry<TransactionId, long[]> payment : books.entrySet()) {
                if (payment.getKey().value().startsWith("sale") && succeeded(status.get(payment.getKey()))) {
                    payment.getValue()[1] = payment.getValue()[0];
                }
            }
            Set<TransactionId> counted = new HashSet<>();
            for (Call call : calls) {
                if (call.id().equals(call.payment()) || !counted.add(call.id())) {
                    continue;
                }
                long[] book = books.get(call.payment());
                boolean done = succeeded(status.get(call.id()));
                boolean inFlight = done || status.get(call.id()).filter(PaymentOutcome.Pending.class::isInstance).isPresent();
                switch (call.kind()) {
                    case "capture" -> {
                        book[1] += done ? call.minor() : 0;
                        book[2] += inFlight ? 1 : 0;
                        assertTrue(!inFlight || call.minor() <= book[0], "captured above the authorization: " + call);
                    }
                    case "void" -> book[2] += inFlight ? 1 : 0;
                    case "refund" -> book[3] += inFlight ? call.minor() : 0;
                    default -> throw new AssertionError(call.kind());
                }
            }
            books.forEach((payment, book) -> {
                assertTrue(book[2] <= 1, payment + " captured or voided more than once");
                assertTrue(book[3] <= book[1], payment + " refunded " + book[3] + " (pending included) of " + book[1] + " captured");
            });
        }

        private static boolean succeeded(Optional<PaymentOutcome> outcome) {
            return outcome.filter(PaymentOutcome.Succeeded.class::isInstance).isPresent();
        }

        /** Settles everything, delivers all notifications shuffled with duplicates, and folds them. */
        void notificationsFoldToStatus(long seed) {
            clock.advance(Duration.ofHours(1));
            sandbox.settleDue();
            Map<TransactionId, PaymentOutcome> folded = new HashMap<>();
            Set<String> seenEvents = new HashSet<>();
            for (Notification notification : sandbox.drainNotifications(NotificationDelivery.shuffledWithDuplicates(seed))) {
                NotificationResult result = sandbox.parseNotification(notification);
                assertTrue(result instanceof NotificationResult.Verified, "rejected: " + result);
                for (PaymentEvent event : ((NotificationResult.Verified) result).events()) {
                    if (seenEvents.add(event.eventId())) {
                        folded.merge(event.transactionId(), event.outcome(), PaymentOutcome::latest);
                    }
                }
            }
            for (Call call : calls) {
                assertEquals(sandbox.status(call.id()), Optional.ofNullable(folded.get(call.id())),
                        "notifications about " + call + " fold to another state than its status");
            }
        }
    }
}
