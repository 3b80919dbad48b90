package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/** A state model of the journal: random posts, replays, key reuse, reversals and batches. */
public class JournalProperties {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<CurrencyUnit> CURRENCIES =
            List.of(Monetary.getCurrency("CNY"), Monetary.getCurrency("JPY"), Monetary.getCurrency("BHD"));
    private static final List<Account> ACCOUNTS = List.of(Account.buyerFundsIn("b-1"), Account.buyerFundsIn("b-2"),
            Account.platformClearing(), Account.escrowHeld("o-1"), Account.escrowHeld("o-2"),
            Account.sellerPayable("s-1"), Account.sellerDeposit("s-1"), Account.revenue(RevenueStream.COMMISSION),
            Account.revenue(RevenueStream.SERVICE_FEE), Account.refunds(), Account.payouts());

    /** For subclasses that run the same model against another journal. */
    protected JournalProperties() {}

    /** The journal under test beside a trivially correct model of what it should hold. */
    /** The journal under test; subclasses run the same model against other implementations. */
    protected Journal newJournal() {
        return Journal.inMemory();
    }

    static final class Model {
        final Journal journal;
        final Map<String, JournalEntry> posted = new HashMap<>();
        final Set<String> reversed = new HashSet<>();
        final Map<Account, Map<CurrencyUnit, Long>> expected = new HashMap<>();
        int next;

        Model(Journal journal) {
            this.journal = journal;
        }

        String freshKey() {
            return "k-" + next++;
        }

        void expectPosted(JournalEntry entry) {
            posted.put(entry.key(), entry);
            entry.reverses().ifPresent(reversed::add);
            for (Posting p : entry.postings()) {
                expected.computeIfAbsent(p.account(), a -> new HashMap<>()).merge(p.currency(), p.minor(), Long::sum);
            }
        }

        @Override
        public String toString() {
            return "journal with " + posted.size() + " entries";
        }
    }

    @Property(tries = 100)
    void theJournalStaysBalancedAndAgreesWithItsModel(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("consistent", m -> LedgerChecks.assertConsistent(m.journal))
                .withInvariant("matches model", JournalProperties::matchesModel)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(() -> new Model(newJournal()))
                .withAction(3, new PostFresh())
                .withAction(1, new Replay())
                .withAction(1, new ReuseKeyWithOtherContent())
                .withAction(1, new Reverse())
                .withAction(1, new BatchWithOneBadEntry())
                .withAction(1, new GoodBatch())
                .withAction(1, new BatchReversingThenRejected())
                .withMaxTransformations(40);
    }

    private static void matchesModel(Model m) {
        for (Account account : ACCOUNTS) {
            for (CurrencyUnit currency : CURRENCIES) {
                long expected = m.expected.getOrDefault(account, Map.of()).getOrDefault(currency, 0L);
                assertEquals(0, MinorUnits.toAmount(expected, currency).compareTo(m.journal.balance(account, currency)),
                        () -> account.code() + " " + currency);
            }
        }
        assertEquals(m.posted.size(), m.journal.entries().size());
    }

    static Arbitrary<JournalEntry> entries(String key) {
        Arbitrary<CurrencyUnit> currency = Arbitraries.of(CURRENCIES);
        Arbitrary<List<Account>> accounts = Arbitraries.of(ACCOUNTS).list().ofMinSize(2).ofMaxSize(5);
        Arbitrary<List<Long>> amounts = Arbitraries.longs().between(-1_000_000, 1_000_000).filter(v -> v != 0)
                .list().ofSize(5);
        return Combinators.combine(currency, accounts, amounts).as((c, accs, values) -> {
            JournalEntry.Builder builder = JournalEntry.builder(key, T0.plusSeconds(values.get(0) & 0xFFFF), "random");
            long sum = 0;
            for (int i = 0; i < accs.size() - 1; i++) {
                builder.minor(accs.get(i), c, values.get(i));
                sum += values.get(i);
            }
            // The last posting balances the rest; when they already sum to zero, add a pair.
            if (sum == 0) {
                builder.minor(accs.get(accs.size() - 1), c, 7).minor(accs.get(0), c, -7);
            } else {
                builder.minor(accs.get(accs.size() - 1), c, -sum);
            }
            return builder.build();
        });
    }

    static final class PostFresh implements Action.Dependent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return entries(state.freshKey()).map(entry -> Transformer.mutate("post " + entry.key(), m -> {
                assertInstanceOf(PostResult.Posted.class, m.journal.post(entry));
                m.expectPosted(entry);
            }));
        }
    }

    static final class Replay implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return !state.posted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.of(new ArrayList<>(state.posted.values())).map(entry ->
                    Transformer.mutate("replay " + entry.key(), m -> {
                        PostResult result = m.journal.post(new JournalEntry(entry.key(), entry.at().plusSeconds(9),
                                "again", entry.postings(), entry.reverses()));
                        assertInstanceOf(PostResult.Replayed.class, result);
                        assertEquals(entry, result.entry());
                    }));
        }
    }

    static final class ReuseKeyWithOtherContent implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return !state.posted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.of(new ArrayList<>(state.posted.keySet())).flatMap(key -> entries(key)
                    .filter(other -> !other.sameMovementAs(state.posted.get(key)))
                    .map(other -> Transformer.mutate("reuse " + key, m -> {
                        PostResult.Rejected rejected = assertInstanceOf(PostResult.Rejected.class, m.journal.post(other));
                        assertEquals(PostResult.Reason.KEY_REUSED_WITH_DIFFERENT_CONTENT, rejected.reason());
                    })));
        }
    }

    static final class Reverse implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return !state.posted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            return Arbitraries.of(new ArrayList<>(state.posted.values())).map(entry ->
                    Transformer.mutate("reverse " + entry.key(), m -> {
                        PostResult result = m.journal.post(entry.reversal(m.freshKey(), entry.at().plusSeconds(1)));
                        if (m.reversed.contains(entry.key())) {
                            assertInstanceOf(PostResult.Rejected.class, result);
                        } else {
                            assertInstanceOf(PostResult.Posted.class, result);
                            m.expectPosted(result.entry());
                        }
                    }));
        }
    }

    static final class BatchWithOneBadEntry implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return !state.posted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            String key = state.posted.keySet().iterator().next();
            return Combinators.combine(entries(state.freshKey()),
                    entries(key).filter(e -> !e.sameMovementAs(state.posted.get(key)))).as((good, bad) ->
                    Transformer.mutate("batch with reused " + key, m -> {
                        List<PostResult> results = m.journal.postAll(List.of(good, bad));
                        assertInstanceOf(PostResult.Rejected.class, results.get(1));
                    }));
        }
    }

    /** A batch that passes: fresh entries, a replay of one of them, and a reversal of an older entry. */
    static final class GoodBatch implements Action.Dependent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            String first = state.freshKey();
            String second = state.freshKey();
            String reversalKey = state.freshKey();
            List<JournalEntry> unreversed = state.posted.values().stream()
                    .filter(e -> !state.reversed.contains(e.key()) && e.reverses().isEmpty()).toList();
            Arbitrary<java.util.Optional<JournalEntry>> target = unreversed.isEmpty()
                    ? Arbitraries.just(java.util.Optional.<JournalEntry>empty())
                    : Arbitraries.of(unreversed).map(java.util.Optional::of);
            return Combinators.combine(entries(first), entries(second), target).as((a, b, old) ->
                    Transformer.mutate("good batch " + first + ", " + second, m -> {
                        List<JournalEntry> batch = new ArrayList<>(List.of(a, b, new JournalEntry(a.key(), a.at(), "again",
                                a.postings(), a.reverses())));
                        old.ifPresent(e -> batch.add(e.reversal(reversalKey, e.at().plusSeconds(1))));
                        List<PostResult> results = m.journal.postAll(batch);
                        assertInstanceOf(PostResult.Posted.class, results.get(0));
                        assertInstanceOf(PostResult.Posted.class, results.get(1));
                        assertInstanceOf(PostResult.Replayed.class, results.get(2));
                        assertEquals(a, results.get(2).entry());
                        m.expectPosted(a);
                        m.expectPosted(b);
                        if (old.isPresent()) {
                            assertInstanceOf(PostResult.Posted.class, results.get(3));
                            m.expectPosted(results.get(3).entry());
                        }
                    }));
        }
    }

    /**
     * A batch that reverses an older entry and posts a fresh one, then is rejected by its last
     * entry: nothing of it stays (the older entry can still be reversed afterwards).
     */
    static final class BatchReversingThenRejected implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model state) {
            return state.posted.values().stream().anyMatch(e -> !state.reversed.contains(e.key()) && e.reverses().isEmpty());
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            List<JournalEntry> unreversed = state.posted.values().stream()
                    .filter(e -> !state.reversed.contains(e.key()) && e.reverses().isEmpty()).toList();
            String fresh = state.freshKey();
            String reversalKey = state.freshKey();
            String usedKey = state.posted.keySet().iterator().next();
            return Combinators.combine(Arbitraries.of(unreversed), entries(fresh),
                    entries(usedKey).filter(e -> !e.sameMovementAs(state.posted.get(usedKey)))).as((old, good, bad) ->
                    Transformer.mutate("batch reversing " + old.key() + " rejected by reused " + usedKey, m -> {
                        List<PostResult> results = m.journal.postAll(
                                List.of(old.reversal(reversalKey, old.at().plusSeconds(1)), good, bad));
                        assertInstanceOf(PostResult.Posted.class, results.get(0));
                        assertInstanceOf(PostResult.Posted.class, results.get(1));
                        assertInstanceOf(PostResult.Rejected.class, results.get(2));
                        assertEquals(java.util.Optional.empty(), m.journal.entry(fresh));
                        assertEquals(java.util.Optional.empty(), m.journal.entry(reversalKey));
                    }));
        }
    }
}
