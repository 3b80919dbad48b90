package dev.mercato.core.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

public class LedgerExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Account BUYER = Account.buyerFundsIn("b-1");
    private static final Account HELD = Account.escrowHeld("o-1");
    private static final Account PAYABLE = Account.sellerPayable("s-1");
    private static final Account COMMISSION = Account.revenue(RevenueStream.COMMISSION);

    /** For subclasses that run the same model against another journal. */
    protected LedgerExamples() {}

    /** The journal under test; subclasses run the same examples against other implementations. */
    protected Journal newJournal() {
        return Journal.inMemory();
    }

    private static MonetaryAmount cny(String value) {
        return Monetary.getDefaultAmountFactory().setCurrency(CNY).setNumber(new java.math.BigDecimal(value)).create();
    }

    private static JournalEntry capture(String key, String amount, Instant at) {
        return JournalEntry.builder(key, at, "buyer pays").credit(BUYER, cny(amount)).debit(HELD, cny(amount)).build();
    }

    @Test
    void anEntryThatDoesNotBalanceCannotBeCreated() {
        UnbalancedEntryException e = assertThrows(UnbalancedEntryException.class,
                () -> JournalEntry.builder("k", T0, "bad").credit(BUYER, cny("10.00")).debit(HELD, cny("9.99")).build());
        assertEquals("CNY", e.currency());
        assertEquals(-1, e.imbalanceMinor());
    }

    @Test
    void postingMovesMoneyBetweenAccountsAndBalancesSumToZero() {
        Journal journal = newJournal();
        assertInstanceOf(PostResult.Posted.class, journal.post(capture("pay-1", "100.00", T0)));
        journal.post(JournalEntry.builder("release-1", T0.plusSeconds(60), "release")
                .credit(HELD, cny("100.00")).debit(PAYABLE, cny("95.00")).debit(COMMISSION, cny("5.00")).build());
        assertTrue(journal.balance(HELD, CNY).isZero());
        assertTrue(journal.balance(PAYABLE, CNY).isEqualTo(cny("95.00")));
        assertTrue(journal.balance(COMMISSION, CNY).isEqualTo(cny("5.00")));
        assertTrue(journal.balance(BUYER, CNY).isEqualTo(cny("-100.00")));
        LedgerChecks.assertConsistent(journal);
    }

    @Test
    void anEntrysTypedReferenceIsStoredWithItAndItsReversalKeepsItWithEventReversal() {
        Journal journal = newJournal();
        EntryReference ref = new EntryReference(EntryReference.Kind.ESCROW, "ord-1", 3, "confirm-receipt");
        JournalEntry entry = JournalEntry.builder("escrow:ord-1:3:confirm-receipt", T0, "release ord-1")
                .credit(BUYER, cny("10.00")).debit(HELD, cny("10.00")).reference(ref).build();
        journal.post(entry);
        journal.post(entry.reversal("escrow:ord-1:3:confirm-receipt:reversal", T0.plusSeconds(1)));

        assertEquals(java.util.Optional.of(ref), journal.entry(entry.key()).orElseThrow().reference());
        assertEquals(java.util.Optional.of(ref.withEvent("reversal")),
                journal.entry("escrow:ord-1:3:confirm-receipt:reversal").orElseThrow().reference());
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> new EntryReference(EntryReference.Kind.PAYOUT, " ", 0, "payout"));
        assertThrows(dev.mercato.pricing.error.InvalidInputException.class,
                () -> new EntryReference(EntryReference.Kind.PAYOUT, "p-1", -1, "payout"));
    }

    @Test
    void aReplayedKeyReturnsTheFirstEntryAndMovesNothing() {
        Journal journal = newJournal();
        JournalEntry first = capture("pay-1", "100.00", T0);
        journal.post(first);
        PostResult replay = journal.post(capture("pay-1", "100.00", T0.plusSeconds(5)));
        assertInstanceOf(PostResult.Replayed.class, replay);
        assertEquals(first, replay.entry());
        assertTrue(journal.balance(HELD, CNY).isEqualTo(cny("100.00")));
    }

    @Test
    void aUsedKeyWithDifferentContentIsRejected() {
        Journal journal = newJournal();
        journal.post(capture("pay-1", "100.00", T0));
        PostResult result = journal.post(capture("pay-1", "99.00", T0));
        PostResult.Rejected rejected = assertInstanceOf(PostResult.Rejected.class, result);
        assertEquals(PostResult.Reason.KEY_REUSED_WITH_DIFFERENT_CONTENT, rejected.reason());
        assertTrue(journal.balance(HELD, CNY).isEqualTo(cny("100.00")));
    }

    @Test
    void aMistakeIsCorrectedByAReversingEntryAndOnlyOnce() {
        Journal journal = newJournal();
        JournalEntry wrong = capture("pay-1", "100.00", T0);
        journal.post(wrong);
        assertInstanceOf(PostResult.Posted.class, journal.post(wrong.reversal("fix-1", T0.plusSeconds(1))));
        assertTrue(journal.balance(HELD, CNY).isZero());
        assertEquals(2, journal.entries().size());
        PostResult.Rejected again = assertInstanceOf(PostResult.Rejected.class,
                journal.post(wrong.reversal("fix-2", T0.plusSeconds(2))));
        assertEquals(PostResult.Reason.ALREADY_REVERSED, again.reason());
        PostResult.Rejected unknown = assertInstanceOf(PostResult.Rejected.class,
                journal.post(capture("nope", "1.00", T0).reversal("fix-3", T0)));
        assertEquals(PostResult.Reason.REVERSED_ENTRY_UNKNOWN, unknown.reason());
    }

    @Test
    void aBatchWithOneRejectedEntryPostsNothing() {
        Journal journal = newJournal();
        journal.post(capture("pay-1", "100.00", T0));
        List<PostResult> results = journal.postAll(List.of(capture("pay-2", "5.00", T0), capture("pay-1", "7.00", T0)));
        assertInstanceOf(PostResult.Rejected.class, results.get(1));
        assertTrue(journal.entry("pay-2").isEmpty());
        assertTrue(journal.balance(HELD, CNY).isEqualTo(cny("100.00")));
    }

    @Test
    void aStatementShowsOpeningBalanceLinesAndClosingBalanceForThePeriod() {
        Journal journal = newJournal();
        journal.post(capture("pay-1", "100.00", T0));
        journal.post(capture("pay-2", "20.00", T0.plusSeconds(3600)));
        journal.post(capture("pay-3", "3.00", T0.plusSeconds(7200)));
        AccountStatement statement = journal.statement(HELD, CNY, T0.plusSeconds(1), T0.plusSeconds(7200));
        assertTrue(statement.opening().isEqualTo(cny("100.00")));
        assertEquals(1, statement.lines().size());
        assertEquals("pay-2", statement.lines().get(0).entryKey());
        assertTrue(statement.lines().get(0).balanceAfter().isEqualTo(cny("120.00")));
        assertTrue(statement.closing().isEqualTo(cny("120.00")));
    }

    @Test
    void concurrentPostsFromManyThreadsKeepTheLedgerBalanced() throws Exception {
        Journal journal = newJournal();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 250; i++) {
                    // Half the keys collide across threads: each must be posted once.
                    String key = (i % 2 == 0) ? "shared-" + i : "own-" + thread + "-" + i;
                    journal.post(capture(key, "1.00", T0));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(125 + 4 * 125, journal.entries().size());
        assertTrue(journal.balance(HELD, CNY).isEqualTo(cny("625.00")));
        LedgerChecks.assertConsistent(journal);
    }
}
