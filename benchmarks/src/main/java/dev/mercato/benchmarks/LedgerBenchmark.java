package dev.mercato.benchmarks;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Postings per second in memory: {@code Journal.inMemory()} beside a hand-written ledger
 * (balances in a {@code HashMap} of {@code long}s, entries by key for idempotency).
 *
 * <p>One invocation posts {@value #ENTRIES} release entries of three postings each (escrow
 * held, seller payable, commission revenue) into a fresh journal, one {@code post} each or all in
 * one {@code postAll}; the score is per entry.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LedgerBenchmark {
    static final int ENTRIES = 1_000;
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");

    private JournalEntry[] entries;
    private List<JournalEntry> entryList;
    private String[] keys;
    private String[][] accounts;
    private long[][] amounts;

    /** Builds the entries once: what is measured is posting them. */
    @Setup
    public void setUp() {
        entries = new JournalEntry[ENTRIES];
        keys = new String[ENTRIES];
        accounts = new String[ENTRIES][];
        amounts = new long[ENTRIES][];
        for (int i = 0; i < ENTRIES; i++) {
            long gross = 1_000 + i * 37L % 99_000;
            long commission = gross * 5 / 100;
            String escrow = "o-" + i;
            String seller = "s-" + i % 100;
            keys[i] = "release-" + escrow;
            entries[i] = JournalEntry.builder(keys[i], AT, "release")
                    .minor(new Account.EscrowHeld(escrow), CNY, -gross)
                    .minor(new Account.SellerPayable(seller), CNY, gross - commission)
                    .minor(new Account.PlatformRevenue(RevenueStream.COMMISSION), CNY, commission)
                    .build();
            accounts[i] = new String[] {"escrow-held:" + escrow, "seller-payable:" + seller, "revenue:commission"};
            amounts[i] = new long[] {-gross, gross - commission, commission};
        }
        entryList = List.of(entries);
    }

    /** Mercato: posts the entries into a new in-memory journal. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public Journal postMercato() {
        Journal journal = Journal.inMemory();
        for (JournalEntry e : entries) {
            PostResult r = journal.post(e);
            if (!r.isAccepted()) {
                throw new IllegalStateException(r.toString());
            }
        }
        return journal;
    }

    /** Mercato: the same entries in one {@code postAll} batch (one lock, all or nothing). */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public Journal postAllMercato() {
        Journal journal = Journal.inMemory();
        for (PostResult r : journal.postAll(entryList)) {
            if (!r.isAccepted()) {
                throw new IllegalStateException(r.toString());
            }
        }
        return journal;
    }

    /** The reference: the same entries into a hand-written ledger. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public HandLedger postReference() {
        HandLedger ledger = new HandLedger();
        for (int i = 0; i < ENTRIES; i++) {
            ledger.post(keys[i], accounts[i], amounts[i]);
        }
        return ledger;
    }

    /** A minimal balanced ledger: the lower bound for posting. */
    static final class HandLedger {
        private final Map<String, long[]> entries;
        private final Map<String, long[]> balances;

        /** An empty ledger with the default table sizes. */
        HandLedger() {
            this(0);
        }

        /** An empty ledger sized for about {@code expectedEntries} entries and accounts. */
        HandLedger(int expectedEntries) {
            int tableSize = expectedEntries == 0 ? 16 : expectedEntries * 4 / 3 + 1;
            entries = new HashMap<>(tableSize);
            balances = new HashMap<>(tableSize);
        }

        synchronized boolean post(String key, String[] accountCodes, long[] signedMinor) {
            long sum = 0;
            for (long a : signedMinor) {
                sum = Math.addExact(sum, a);
            }
            if (sum != 0) {
                throw new IllegalArgumentException("unbalanced entry " + key);
            }
            if (entries.putIfAbsent(key, signedMinor) != null) {
                return false;
            }
            for (int k = 0; k < accountCodes.length; k++) {
                balances.computeIfAbsent(accountCodes[k], c -> new long[1])[0] += signedMinor[k];
            }
            return true;
        }

        synchronized long balance(String accountCode) {
            long[] b = balances.get(accountCode);
            return b == null ? 0 : b[0];
        }
    }
}
