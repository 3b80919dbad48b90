package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fee.FeeRefusal;
import dev.mercato.core.fee.FeeResult;
import dev.mercato.core.fee.FeeSettings;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.pricing.fee.Bid;
import dev.mercato.pricing.fee.BillingModel;
import dev.mercato.pricing.fee.Placement;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.RoundingPolicy;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
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
 * Advertising as a state model over the facade: random budgets, top-ups and charges (CPC, CPM,
 * CPT at random prices), keys reused with the same or other content, clock moves across days. After
 * every step: the ad balance is what was topped up less what was charged and never negative, no
 * day's charges exceed the budget in force when each was booked, advertising revenue is exactly
 * the accepted charges, each key has one effect, and the ledger balances.
 */
class AdvertisingProperties {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Actor.System AD_SERVER = new Actor.System("ad-server");

    static final class Model {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T00:00:00Z"));
        final Commerce commerce = Commerce.builder().sandboxes().clock(clock)
                .guaranteedTransactions(ScheduleJson.example("b2c-mall").revenue())
                .fees(FeeSettings.of(Set.of("shop")::contains)).build();
        long payable;
        long balance;
        long revenue;
        Long budget;
        LocalDate day;
        long spentToday;
        /** What each used key booked: its fingerprint and amount. */
        final Map<String, String> fingerprints = new HashMap<>();
        final Map<String, Long> booked = new HashMap<>();

        Model() {
            journal().post(JournalEntry.builder("host:seed", clock.instant(), "released sales")
                    .reference(new EntryReference(EntryReference.Kind.HOST, "seed", 0, "seed"))
                    .credit(Account.platformClearing(), cny(50_000))
                    .debit(Account.sellerPayable("shop"), cny(50_000)).build());
            payable = 50_000;
        }

        Journal journal() {
            return commerce.journal().orElseThrow();
        }

        LocalDate today() {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }

        long spentNow() {
            return today().equals(day) ? spentToday : 0;
        }

        @Override
        public String toString() {
            return "balance " + balance + ", budget " + budget + ", spent " + spentNow();
        }
    }

    static MonetaryAmount cny(long minor) {
        return MinorUnits.toAmount(minor, CNY);
    }

    @Property(tries = 100)
    void adChargesStayWithinBalanceAndBudgetAndEachKeyHasOneEffect(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("balances match the model", AdvertisingProperties::check).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(new SetBudget())
                .withAction(2, new TopUp())
                .withAction(5, new Charge())
                .withAction(new MoveClock())
                .withMaxTransformations(25);
    }

    static void check(Model m) {
        Journal journal = m.journal();
        assertEquals(m.balance, MinorUnits.toMinor(journal.balance(Account.adBalance("shop"), CNY)), "ad balance");
        assertTrue(m.balance >= 0, "never negative");
        assertEquals(m.payable, MinorUnits.toMinor(journal.balance(Account.sellerPayable("shop"), CNY)), "payable");
        assertEquals(m.revenue, MinorUnits.toMinor(journal.balance(Account.revenue(RevenueStream.ADVERTISING), CNY)),
                "advertising revenue is the accepted charges");
        long sum = journal.balances().values().stream().map(b -> b.get(CNY)).filter(a -> a != null)
                .mapToLong(MinorUnits::toMinor).sum();
        assertEquals(0, sum, "the ledger balances");
        m.commerce.fees().adStanding(AD_SERVER, "shop").ifPresent(s ->
                assertEquals(m.spentNow(), MinorUnits.toMinor(s.spentToday()), "today's spend"));
    }

    static final class SetBudget implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.longs().between(1, 5_000).map(budget -> Transformer.mutate("budget " + budget, m -> {
                m.commerce.fees().setAdDailyBudget(AD_SERVER, "shop", cny(budget));
                if (m.budget == null) {
                    m.day = m.today();
                }
                m.budget = budget;
            }));
        }
    }

    static final class TopUp implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.longs().between(1, 20_000), Arbitraries.of("t1", "t2", "t3", "t4"))
                    .as((amount, key) -> Transformer.mutate("top up " + amount + " as " + key, m -> {
                        String fingerprint = "top-up " + amount;
                        String modelKey = "top-up/" + key;
                        if (reused(m, modelKey, fingerprint, () -> m.commerce.fees().topUpAds(AD_SERVER, "shop",
                                cny(amount), key))) {
                            return;
                        }
                        FeeResult result = m.commerce.fees().topUpAds(AD_SERVER, "shop", cny(amount), key);
                        if (m.budget == null) {
                            assertEquals(FeeRefusal.NO_AD_BUDGET, assertInstanceOf(FeeResult.Refused.class, result).reason());
                        } else if (amount > m.payable) {
                            assertEquals(FeeRefusal.EXCEEDS_PAYABLE, assertInstanceOf(FeeResult.Refused.class, result).reason());
                        } else {
                            assertInstanceOf(FeeResult.Booked.class, result);
                            m.payable -= amount;
                            m.balance += amount;
                            m.fingerprints.put(modelKey, fingerprint);
                            m.booked.put(modelKey, amount);
                        }
                    }));
        }
    }

    static final class Charge implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(BillingModel.values()), Arbitraries.longs().between(1, 300),
                    Arbitraries.longs().between(1, 3_000), Arbitraries.of("c1", "c2", "c3", "c4", "c5", "c6"))
                    .as((model, price, units, key) -> Transformer.mutate(model + " " + units + " x " + price + " as " + key, m -> {
                        Placement placement = new Placement(1, new Bid("camp", cny(price), BigDecimal.ONE), BigDecimal.ONE,
                                cny(price), "generated");
                        long cost = model.cost(price, units, RoundingPolicy.HALF_UP);
                        String fingerprint = model + " " + units + " x " + price;
                        String modelKey = "charge/" + key;
                        if (cost <= 0) {
                            return;
                        }
                        if (reused(m, modelKey, fingerprint, () -> m.commerce.fees().chargeAd(AD_SERVER, "shop",
                                placement, model, units, key))) {
                            return;
                        }
                        FeeResult result = m.commerce.fees().chargeAd(AD_SERVER, "shop", placement, model, units, key);
                        if (m.budget == null) {
                            assertEquals(FeeRefusal.NO_AD_BUDGET, assertInstanceOf(FeeResult.Refused.class, result).reason());
                        } else if (m.spentNow() + cost > m.budget) {
                            assertEquals(FeeRefusal.EXCEEDS_DAILY_BUDGET,
                                    assertInstanceOf(FeeResult.Refused.class, result).reason(), m.toString());
                        } else if (cost > m.balance) {
                            assertEquals(FeeRefusal.EXCEEDS_AD_BALANCE,
                                    assertInstanceOf(FeeResult.Refused.class, result).reason(), m.toString());
                        } else {
                            FeeResult.Booked booked = assertInstanceOf(FeeResult.Booked.class, result);
                            assertEquals(cost, MinorUnits.toMinor(booked.amount()));
                            m.spentToday = m.spentNow() + cost;
                            m.day = m.today();
                            m.balance -= cost;
                            m.revenue += cost;
                            m.fingerprints.put(modelKey, fingerprint);
                            m.booked.put(modelKey, cost);
                        }
                    }));
        }
    }

    /**
     * Sends a used key again: the same content replays the first booking and changes nothing,
     * other content is refused. Returns whether the key was used.
     */
    static boolean reused(Model m, String modelKey, String fingerprint, java.util.function.Supplier<FeeResult> send) {
        if (!m.fingerprints.containsKey(modelKey)) {
            return false;
        }
        if (m.fingerprints.get(modelKey).equals(fingerprint)) {
            FeeResult.Booked replay = assertInstanceOf(FeeResult.Booked.class, send.get());
            assertEquals(m.booked.get(modelKey), MinorUnits.toMinor(replay.amount()), "a replay returns the first booking");
        } else {
            try {
                send.get();
                throw new AssertionError(modelKey + " reused with other content was accepted");
            } catch (IdempotencyKeyReusedException expected) {
                // refused, nothing changed
            }
        }
        return true;
    }

    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(1L, 7L, 23L).map(hours -> Transformer.mutate("clock +" + hours + " h",
                    m -> m.clock.advance(Duration.ofHours(hours))));
        }
    }
}
