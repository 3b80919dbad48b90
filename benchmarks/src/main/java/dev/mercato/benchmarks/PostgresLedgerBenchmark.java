package dev.mercato.benchmarks;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.storage.postgres.MercatoSchema;
import dev.mercato.storage.postgres.PostgresStorage;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ledger entries per second on PostgreSQL: {@code PostgresStorage.journal().post(entry)} beside a
 * hand-written JDBC reference writing the same rows (look the key up, insert the entry, batch
 * the postings, batch the additive balance upserts, commit), both on one reused connection.
 *
 * <p>Each invocation posts {@value #ENTRIES} three-posting release entries under fresh keys, one
 * transaction each; sellers repeat every 100 entries, so balance rows are updated, not only
 * inserted. Needs the server of {@code -Dmercato.pg.url} (default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); it works in a schema of its own, dropped
 * at the end. Not part of the smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresLedgerBenchmark {
    static final int ENTRIES = 100;
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");
    static final String URL = System.getProperty("mercato.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final BenchSchema schema = new BenchSchema();
    private Connection pooled;
    private Connection reference;
    private Journal journal;
    private long round;

    /** Creates and migrates the schema; opens one connection for each side. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = schema.create();
        pooled = DriverManager.getConnection(url);
        reference = DriverManager.getConnection(url);
        reference.setAutoCommit(false);
        DataSource one = new OneConnection(pooled);
        MercatoSchema.migrate(one);
        journal = PostgresStorage.create(one).journal();
    }

    /** Drops the schema. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pooled.close();
        reference.close();
        schema.drop();
    }

    private static long gross(int i) {
        return 1_000 + i * 37L % 99_000;
    }

    /** Mercato: one {@code post} (one transaction) per entry. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public int postMercato() {
        long r = round++;
        for (int i = 0; i < ENTRIES; i++) {
            long gross = gross(i);
            long commission = gross * 5 / 100;
            JournalEntry entry = JournalEntry.builder("m-" + r + "-" + i, AT, "release")
                    .minor(new Account.EscrowHeld("o-" + r + "-" + i), CNY, -gross)
                    .minor(new Account.SellerPayable("s-" + i % 100), CNY, gross - commission)
                    .minor(new Account.PlatformRevenue(RevenueStream.COMMISSION), CNY, commission)
                    .build();
            PostResult result = journal.post(entry);
            if (!(result instanceof PostResult.Posted)) {
                throw new IllegalStateException(result.toString());
            }
        }
        return ENTRIES;
    }

    /** The reference: the same rows written by hand, one transaction per entry. */
    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public int postReference() throws SQLException {
        long r = round++;
        for (int i = 0; i < ENTRIES; i++) {
            long gross = gross(i);
            long commission = gross * 5 / 100;
            String key = "r-" + r + "-" + i;
            String[] codes = {"escrow-held:o-" + r + "-" + i, "seller-payable:s-" + i % 100, "revenue:commission"};
            long[] minor = {-gross, gross - commission, commission};
            postByHand(reference, key, codes, minor, null);
            reference.commit();
        }
        return ENTRIES;
    }

    /**
     * The rows of one journal entry, written by hand on the caller's transaction: the key lookup,
     * the entry, its postings in one batch, and the additive balance upserts in one batch.
     *
     * @param c the connection, not auto-committing
     * @param key the entry's key
     * @param codes the accounts' codes
     * @param minor the postings in minor units, one per account
     * @param escrow the escrow the entry releases (its typed reference), or {@code null}
     * @throws SQLException if a statement fails
     */
    static void postByHand(Connection c, String key, String[] codes, long[] minor, String escrow) throws SQLException {
        try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM mercato_ledger_entry WHERE key = ?")) {
            seen.setString(1, key);
            try (ResultSet rows = seen.executeQuery()) {
                if (rows.next()) {
                    throw new IllegalStateException("key used: " + key);
                }
            }
        }
        try (PreparedStatement entry = c.prepareStatement("INSERT INTO mercato_ledger_entry (key, at_second, at_nano,"
                + " memo, ref_kind, ref_aggregate, ref_step, ref_event) VALUES (?, ?, 0, 'release', ?, ?, ?, ?)")) {
            entry.setString(1, key);
            entry.setLong(2, AT.getEpochSecond());
            entry.setString(3, escrow == null ? null : "ESCROW");
            entry.setString(4, escrow);
            if (escrow == null) {
                entry.setNull(5, java.sql.Types.BIGINT);
            } else {
                entry.setLong(5, 2);
            }
            entry.setString(6, escrow == null ? null : "confirm-receipt");
            entry.executeUpdate();
        }
        try (PreparedStatement postings = c.prepareStatement("INSERT INTO mercato_ledger_posting (entry_key, line,"
                + " account, account_doc, currency, minor, at_second, at_nano) VALUES (?, ?, ?, '{}'::jsonb, 'CNY', ?, ?, 0)")) {
            for (int p = 0; p < codes.length; p++) {
                postings.setString(1, key);
                postings.setInt(2, p);
                postings.setString(3, codes[p]);
                postings.setLong(4, minor[p]);
                postings.setLong(5, AT.getEpochSecond());
                postings.addBatch();
            }
            postings.executeBatch();
        }
        try (PreparedStatement balances = c.prepareStatement("INSERT INTO mercato_ledger_balance (account, currency,"
                + " account_doc, balance) VALUES (?, 'CNY', '{}'::jsonb, ?) ON CONFLICT (account, currency)"
                + " DO UPDATE SET balance = mercato_ledger_balance.balance + EXCLUDED.balance")) {
            for (int p = 0; p < codes.length; p++) {
                balances.setString(1, "ref:" + codes[p]);
                balances.setLong(2, minor[p]);
                balances.addBatch();
            }
            balances.executeBatch();
        }
    }

    /** Hands out one connection again and again, as a pool of one would; closing it returns it. */
    static final class OneConnection implements DataSource {
        private final Connection connection;

        OneConnection(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Connection getConnection() {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            if (!connection.getAutoCommit()) {
                                connection.rollback();
                                connection.setAutoCommit(true);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
