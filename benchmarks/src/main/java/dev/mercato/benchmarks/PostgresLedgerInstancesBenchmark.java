package dev.mercato.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.storage.postgres.MercatoSchema;
import dev.mercato.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Ledger entries per second on PostgreSQL from {@value #THREADS} threads: {@code
 * PostgresStorage.journal().post(entry)} on one instance or on two (each its own HikariCP pool and
 * journal, the threads split across them), beside the hand-written rows of {@link
 * PostgresLedgerBenchmark#postByHand} on one connection per thread. The two sides run at the same
 * time, as one JMH group of {@value #THREADS} threads each, so both see the same load on a shared
 * machine (and each other's).
 *
 * <p>Each invocation posts {@value #ENTRIES} three-posting release entries under fresh keys, one
 * transaction each; sellers repeat every 100 entries and every entry credits the one commission
 * revenue account, so the threads meet on balance rows on both sides. Needs the server of {@code
 * -Dmercato.pg.url}; it works in a schema of its own, dropped at the end. Not part of the smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PostgresLedgerInstancesBenchmark {
    static final int THREADS = 2;
    static final int ENTRIES = 50;

    /** Journal instances sharing the database, each with its own pool. */
    @Param({"1", "2"})
    public int instances;

    private final BenchSchema schema = new BenchSchema();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Journal> journals = new ArrayList<>();
    private final AtomicLong keys = new AtomicLong();
    private String url;

    /** Creates and migrates the schema and builds the instances. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        url = schema.create();
        for (int i = 0; i < instances; i++) {
            HikariDataSource pool = schema.pool(THREADS, "ledger-bench-" + i);
            pools.add(pool);
            if (i == 0) {
                MercatoSchema.migrate(pool);
            }
            journals.add(PostgresStorage.create(pool).journal());
        }
    }

    /** Closes the pools and drops the schema. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pools.forEach(HikariDataSource::close);
        schema.drop();
    }

    /** One thread's journal and its own connection for the reference. */
    @State(Scope.Thread)
    public static class Side {
        Journal journal;
        Connection reference;

        /**
         * Picks the thread's instance and opens its reference connection.
         *
         * @param bench the benchmark
         * @param thread the thread's index
         * @throws SQLException if no connection opens
         */
        @Setup(Level.Trial)
        public void setUp(PostgresLedgerInstancesBenchmark bench, ThreadParams thread) throws SQLException {
            journal = bench.journals.get(thread.getSubgroupThreadIndex() % bench.instances);
            reference = DriverManager.getConnection(bench.url);
            reference.setAutoCommit(false);
        }

        /**
         * Closes the reference connection.
         *
         * @throws SQLException if it fails
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            reference.close();
        }
    }

    private static long gross(long i) {
        return 1_000 + i * 37L % 99_000;
    }

    /**
     * Mercato: one {@code post} (one transaction) per entry.
     *
     * @param side the thread's journal
     * @return the entries posted
     */
    @Benchmark
    @Group("post")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(ENTRIES)
    public int postMercato(Side side) {
        for (int i = 0; i < ENTRIES; i++) {
            long n = keys.incrementAndGet();
            long gross = gross(n);
            long commission = gross * 5 / 100;
            JournalEntry entry = JournalEntry.builder("m-" + n, PostgresLedgerBenchmark.AT, "release")
                    .minor(new Account.EscrowHeld("o-" + n), PostgresLedgerBenchmark.CNY, -gross)
                    .minor(new Account.SellerPayable("s-" + n % 100), PostgresLedgerBenchmark.CNY, gross - commission)
                    .minor(new Account.PlatformRevenue(RevenueStream.COMMISSION), PostgresLedgerBenchmark.CNY, commission)
                    .build();
            PostResult result = side.journal.post(entry);
            if (!(result instanceof PostResult.Posted)) {
                throw new IllegalStateException(result.toString());
            }
        }
        return ENTRIES;
    }

    /**
     * The reference: the same rows by hand, one transaction per entry.
     *
     * @param side the thread's connection
     * @return the entries written
     * @throws SQLException if a statement fails
     */
    @Benchmark
    @Group("post")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(ENTRIES)
    public int postReference(Side side) throws SQLException {
        for (int i = 0; i < ENTRIES; i++) {
            long n = keys.incrementAndGet();
            long gross = gross(n);
            long commission = gross * 5 / 100;
            String[] codes = {"escrow-held:o-" + n, "seller-payable:s-" + n % 100, "revenue:commission"};
            long[] minor = {-gross, gross - commission, commission};
            PostgresLedgerBenchmark.postByHand(side.reference, "r-" + n, codes, minor, null);
            side.reference.commit();
        }
        return ENTRIES;
    }
}
