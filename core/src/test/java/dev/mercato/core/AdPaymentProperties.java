package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fee.AdPayment;
import dev.mercato.core.fee.AdPaymentResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.payments.sandbox.ScriptedAnswer;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Payments into the ad balance through the provider as a state model: random amounts under a few
 * keys (replays and reused keys), each answered by the sandbox as approved, declined, timed out
 * with or without the money moved, or pending then approved or declined; clock moves that run the
 * reconcile timer. Checked against the provider's own records after every step: the ad balance is
 * exactly what the provider captured for the payments marked paid, a payment is paid only when
 * the provider captured it and declined only when it did not, each key is one payment, the ledger
 * balances; after a settle step every captured payment is paid.
 */
class AdPaymentProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.Seller SHOP = new Actor.Seller("shop");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");

    static final class Model {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
        final SandboxPaymentProvider provider = SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-ad-props",
                Set.of(CNY)));
        final Commerce commerce = Commerce.builder().sandboxes().clock(clock).paymentProvider(provider)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .fees(FeeSettings.of(Set.of("shop")::contains)).build();
        /** The amount first sent under each key. */
        final Map<String, Long> amounts = new HashMap<>();

        Model() {
            commerce.fees().setAdDailyBudget(SCHEDULER, "shop", cny(100_00));
        }

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        @Override
        public String toString() {
            return "keys " + amounts;
        }
    }

    static MonetaryAmount cny(long minor) {
        return MinorUnits.toAmount(minor, CNY);
    }

    @Property(tries = 60)
    void theAdBalanceIsExactlyWhatTheProviderCapturedForPaidPayments(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("agrees with the provider", m -> check(m, false)).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(4, new Pay())
                .withAction(2, new Tick())
                .withAction(new Settle())
                .withMaxTransformations(20);
    }

    static void check(Model m, boolean settled) {
        long paid = 0;
        for (String key : m.amounts.keySet()) {
            AdPayment payment = m.commerce.fees().adPayment(SHOP, "shop", key).orElseThrow();
            assertEquals(m.amounts.get(key), MinorUnits.toMinor(payment.amount()), "one payment per key");
            Optional<PaymentOutcome> atProvider = m.provider.status(new TransactionId(payment.transactionId()));
            boolean captured = atProvider.orElse(null) instanceof PaymentOutcome.Succeeded;
            if (payment instanceof AdPayment.Paid) {
                assertTrue(captured, "paid only when the provider captured it: " + key);
                paid += MinorUnits.toMinor(payment.amount());
            }
            if (payment instanceof AdPayment.Declined) {
                assertFalse(captured, "declined only when nothing moved: " + key);
            }
            if (settled && captured) {
                assertInstanceOf(AdPayment.Paid.class, payment, "settled: every capture is booked: " + key);
            }
        }
        Journal journal = m.journal();
        assertEquals(paid, MinorUnits.toMinor(journal.balance(Account.adBalance("shop"), CNY)), "ad balance");
        assertEquals(-paid, MinorUnits.toMinor(journal.balance(new Account.SellerFundsIn("shop"), CNY)),
                "paid in by the seller");
        long sum = journal.balances().values().stream().map(b -> b.get(CNY)).filter(a -> a != null)
                .mapToLong(MinorUnits::toMinor).sum();
        assertEquals(0, sum, "the ledger balances");
    }

    static Arbitrary<Optional<ScriptedAnswer>> answers() {
        ScriptedAnswer.Decline decline = new ScriptedAnswer.Decline(DeclineReason.INSUFFICIENT_FUNDS, "51", "no funds");
        return Arbitraries.of(List.of(
                Optional.<ScriptedAnswer>empty(),
                Optional.<ScriptedAnswer>of(decline),
                Optional.<ScriptedAnswer>of(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.MONEY_MOVED,
                        ScriptedAnswer.TimeOut.Surface.EXCEPTION)),
                Optional.<ScriptedAnswer>of(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.MONEY_MOVED,
                        ScriptedAnswer.TimeOut.Surface.UNKNOWN_OUTCOME)),
                Optional.<ScriptedAnswer>of(new ScriptedAnswer.TimeOut(ScriptedAnswer.TimeOut.Effect.NOTHING_MOVED,
                        ScriptedAnswer.TimeOut.Surface.EXCEPTION)),
                Optional.<ScriptedAnswer>of(new ScriptedAnswer.Pend(Duration.ofMinutes(2), Optional.empty())),
                Optional.<ScriptedAnswer>of(new ScriptedAnswer.Pend(Duration.ofMinutes(2), Optional.of(decline))),
                Optional.<ScriptedAnswer>of(ScriptedAnswer.serverError())));
    }

    static final class Pay implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.longs().between(1, 50_000), Arbitraries.of("p1", "p2", "p3", "p4"),
                    answers()).as((amount, key, answer) -> Transformer.mutate("pay " + amount + " as " + key + " "
                            + answer.map(Object::toString).orElse("approved"), m -> {
                        Long first = m.amounts.get(key);
                        if (first != null && first != amount) {
                            try {
                                m.commerce.fees().payInAds(SHOP, "shop", cny(amount), new PaymentSource("tok_shop"), key);
                                throw new AssertionError("another amount under key " + key + " was accepted");
                            } catch (IdempotencyKeyReusedException expected) {
                                return;
                            }
                        }
                        m.provider.clearScript();
                        answer.ifPresent(m.provider::scriptNext);
                        AdPaymentResult result = m.commerce.fees().payInAds(SHOP, "shop", cny(amount),
                                new PaymentSource("tok_shop"), key);
                        m.provider.clearScript();
                        assertInstanceOf(AdPaymentResult.Sent.class, result);
                        m.amounts.putIfAbsent(key, amount);
                    }));
        }
    }

    static final class Tick implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.integers().between(0, 3).map(minutes -> Transformer.mutate("tick " + minutes + " min", m -> {
                m.clock.advance(Duration.ofMinutes(minutes));
                m.commerce.runDueTimers(SCHEDULER);
            }));
        }
    }

    static final class Settle implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.just(Transformer.mutate("settle", m -> {
                m.provider.clearScript();
                for (int i = 0; i < 3; i++) {
                    m.clock.advance(Duration.ofMinutes(3));
                    m.provider.settleDue();
                    m.commerce.runDueTimers(SCHEDULER);
                }
                check(m, true);
            }));
        }
    }
}
