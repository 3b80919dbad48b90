package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.money.MoneyOverflowException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The in-memory journal under several threads posting the same entries, singly and in batches:
 * every key is posted exactly once, every other offer is a replay, and the balances are exact
 * (they sum to zero, equal the balances recomputed from the entries, and equal one thread posting
 * everything).
 */
class JournalConcurrencyProperties {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Property(tries = 25)
    void threadsPostingTheSameEntriesPostEachKeyOnceAndKeepExactBalances(@ForAll("workloads") List<JournalEntry> entries,
            @ForAll @IntRange(min = 2, max = 4) int threads, @ForAll @IntRange(min = 1, max = 16) int batchSize)
            throws Exception {
        // Half the tries on a journal sized for the work: it must behave the same.
        Journal journal = entries.size() % 2 == 0 ? Journal.inMemory() : Journal.inMemory(entries.size());
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger replayed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<JournalEntry> mine = new ArrayList<>(entries);
                Collections.rotate(mine, t * entries.size() / threads);
                boolean batches = t % 2 == 0;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int from = 0; from < mine.size(); from += batchSize) {
                        List<JournalEntry> chunk = mine.subList(from, Math.min(mine.size(), from + batchSize));
                        List<PostResult> results = batches ? journal.postAll(chunk)
                                : chunk.stream().map(journal::post).toList();
                        for (PostResult r : results) {
                            if (r instanceof PostResult.Posted) {
                                posted.incrementAndGet();
                            } else {
                                assertInstanceOf(PostResult.Replayed.class, r);
                                replayed.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(entries.size(), posted.get());
        assertEquals(entries.size() * (threads - 1), replayed.get());
        assertEquals(entries.size(), journal.entries().size());
        LedgerChecks.assertConsistent(journal);
        Journal sequential = Journal.inMemory();
        entries.forEach(sequential::post);
        assertEquals(sequential.balances(), journal.balances());
    }

    @Provide
    Arbitrary<List<JournalEntry>> workloads() {
        return Arbitraries.integers().between(50, 400).flatMap(n -> {
            List<Arbitrary<JournalEntry>> each = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                each.add(JournalProperties.entries("c-" + i));
            }
            return net.jqwik.api.Combinators.combine(each).as(list -> list);
        });
    }

    @Example
    void aBatchThatWouldOverflowABalanceChangesNothing() {
        Journal journal = Journal.inMemory();
        Account a = Account.escrowHeld("o-1");
        Account c = Account.escrowHeld("o-2");
        Account b = Account.platformClearing();
        journal.post(JournalEntry.builder("big-a", T0, "").minor(a, CNY, 1_000).minor(b, CNY, -1_000).build());
        journal.post(JournalEntry.builder("big-c", T0, "").minor(c, CNY, Long.MAX_VALUE - 5)
                .minor(Account.payouts(), CNY, 5 - Long.MAX_VALUE).build());
        JournalEntry fine = JournalEntry.builder("fine", T0, "").minor(a, CNY, 3).minor(b, CNY, -3).build();
        JournalEntry reversal = journal.entry("big-a").orElseThrow().reversal("undo-big-a", T0);
        JournalEntry overflowing = JournalEntry.builder("over", T0, "").minor(b, CNY, -10).minor(c, CNY, 10).build();
        assertThrows(MoneyOverflowException.class, () -> journal.postAll(List.of(fine, reversal, overflowing)));
        assertEquals(2, journal.entries().size());
        assertEquals(0, journal.balance(a, CNY).compareTo(dev.mercato.pricing.money.MinorUnits.toAmount(1_000, CNY)));
        assertEquals(0, journal.balance(c, CNY).compareTo(dev.mercato.pricing.money.MinorUnits.toAmount(Long.MAX_VALUE - 5, CNY)));
        assertEquals(0, journal.balance(b, CNY).compareTo(dev.mercato.pricing.money.MinorUnits.toAmount(-1_000, CNY)));
        LedgerChecks.assertConsistent(journal);
        // The reversal was undone with the batch, so the entry can still be reversed, once.
        assertInstanceOf(PostResult.Posted.class, journal.post(reversal));
        PostResult.Rejected again = assertInstanceOf(PostResult.Rejected.class,
                journal.post(journal.entry("big-a").orElseThrow().reversal("undo-big-a-again", T0)));
        assertEquals(PostResult.Reason.ALREADY_REVERSED, again.reason());
    }
}
