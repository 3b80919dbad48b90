package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;

/**
 * The journal kept in storage has no row that every post writes: a post touches only its own
 * accounts' balances, and entries are listed by instant, then by a per-account sequence, then by
 * key (StorageJournal's Javadoc, docs/escrow-and-ledger.md).
 */
class StorageJournalOrderExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant T0 = Instant.parse("2026-06-01T10:00:00Z");

    final Storage storage = InMemoryStorage.create();
    final TransactionalJournal journal = Journal.inStorage(storage);

    static JournalEntry entry(String key, Instant at, Account from, Account to, long minor) {
        return JournalEntry.builder(key, at, "test").minor(from, CNY, -minor).minor(to, CNY, minor).build();
    }

    /**
     * Two units of work post at once, each to its own accounts, and commit one after the other,
     * each in a single attempt: with a sequence row shared by every post the second commit failed.
     */
    @Test
    void postsToDisjointAccountsInOverlappingUnitsOfWorkBothCommitAtTheFirstAttempt() throws Exception {
        CountDownLatch firstPosted = new CountDownLatch(1);
        CountDownLatch secondCommitted = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<PostResult> first = pool.submit(() -> storage.inTransaction(1, uow -> {
                PostResult posted = journal.post(uow, entry("pay-1", T0, Account.buyerFundsIn("ann"), Account.escrowHeld("o-1"), 100));
                firstPosted.countDown();
                await(secondCommitted);
                return posted;
            }, event -> { }));
            await(firstPosted);
            PostResult second = storage.inTransaction(1,
                    uow -> journal.post(uow, entry("pay-2", T0, Account.buyerFundsIn("bob"), Account.escrowHeld("o-2"), 200)),
                    event -> { });
            secondCommitted.countDown();

            assertInstanceOf(PostResult.Posted.class, second);
            assertInstanceOf(PostResult.Posted.class, first.get(30, TimeUnit.SECONDS));
        } finally {
            secondCommitted.countDown();
            pool.shutdownNow();
        }
        assertEquals(List.of("pay-1", "pay-2"), journal.entries().stream().map(JournalEntry::key).toList());
        assertEquals(0, journal.balance(Account.escrowHeld("o-2"), CNY).compareTo(dev.mercato.pricing.money.MinorUnits.toAmount(200, CNY)));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void entriesOfOneInstantSharingAnAccountAreListedInTheOrderTheyWerePosted() {
        Account held = Account.escrowHeld("o-1");
        journal.post(entry("z-capture", T0, Account.buyerFundsIn("ann"), held, 1_000));
        journal.post(entry("m-release", T0, held, Account.sellerPayable("s-1"), 900));
        journal.post(entry("a-fee", T0, held, Account.platformClearing(), 100));

        assertEquals(List.of("z-capture", "m-release", "a-fee"), journal.entries().stream().map(JournalEntry::key).toList());
        AccountStatement statement = journal.statement(held, CNY, T0, T0.plusSeconds(1));
        assertEquals(List.of("z-capture", "m-release", "a-fee"),
                statement.lines().stream().map(AccountStatement.Line::entryKey).toList());
        assertEquals(0, statement.closing().signum());
    }

    @Test
    void entriesAreListedByInstantThenSequenceThenKey() {
        journal.post(entry("late", T0.plusSeconds(60), Account.buyerFundsIn("ann"), Account.escrowHeld("o-1"), 10));
        journal.post(entry("b-early", T0, Account.buyerFundsIn("bob"), Account.escrowHeld("o-2"), 20));
        journal.post(entry("a-early", T0, Account.buyerFundsIn("cai"), Account.escrowHeld("o-3"), 30));
        journal.post(entry("a-early-again", T0, Account.escrowHeld("o-2"), Account.sellerPayable("s-1"), 20));

        // b-early and a-early share no account: both have sequence 1 and go by key; a-early-again
        // follows b-early on o-2, so its sequence is 2.
        List<String> order = List.of("a-early", "b-early", "a-early-again", "late");
        assertEquals(order, journal.entries().stream().map(JournalEntry::key).toList());
        assertEquals(order, Journal.inStorage(storage).entries().stream().map(JournalEntry::key).toList(),
                "another journal over the same storage lists the same order");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
