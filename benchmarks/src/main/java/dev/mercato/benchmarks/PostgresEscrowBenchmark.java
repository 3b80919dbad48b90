package dev.mercato.benchmarks;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.CheckoutCapture;
import dev.mercato.core.escrow.Deductions;
import dev.mercato.core.escrow.EscrowCommand;
import dev.mercato.core.escrow.EscrowService;
import dev.mercato.core.escrow.EscrowTerms;
import dev.mercato.core.escrow.Transition;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.storage.postgres.MercatoSchema;
import dev.mercato.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
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
 * Escrow transitions per second on PostgreSQL: {@code EscrowService.execute} (ship, then confirm
 * receipt, which releases the money in one journal entry) on {@code PostgresStorage} beside a
 * hand-written JDBC reference writing the same rows per transition: read the escrow's document,
 * update it under its version, upsert or delete its timer, and for the release insert the entry,
 * its four postings and the additive balance upserts, one transaction each.
 *
 * <p>Each invocation moves {@value #ESCROWS} held escrows (opened before it, not measured) through
 * two transitions each. Needs the server of {@code -Dmercato.pg.url}; it works in a schema of its
 * own, dropped at the end. Not part of the smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PostgresEscrowBenchmark {
    static final int ESCROWS = 50;
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");
    static final Actor SELLER = new Actor.Seller("s-1");
    static final Actor BUYER = new Actor.Buyer("b-1");

    private final BenchSchema schema = new BenchSchema();
    private Connection pooled;
    private Connection reference;
    private EscrowService escrows;
    private String document;
    private long round;
    private long opened;

    /** Creates and migrates the schema and the reference's tables; opens one connection for each side. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        String url = schema.create();
        pooled = DriverManager.getConnection(url);
        reference = DriverManager.getConnection(url);
        PostgresLedgerBenchmark.OneConnection one = new PostgresLedgerBenchmark.OneConnection(pooled);
        MercatoSchema.migrate(one);
        try (Statement statement = reference.createStatement()) {
            statement.execute("CREATE TABLE ref_escrow (id text PRIMARY KEY, version bigint NOT NULL, doc jsonb NOT NULL)");
            statement.execute("CREATE TABLE ref_timer (kind text, target text, due_second bigint NOT NULL,"
                    + " due_nano int NOT NULL, PRIMARY KEY (kind, target))");
        }
        reference.setAutoCommit(false);
        PostgresStorage storage = PostgresStorage.create(one);
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        escrows = EscrowService.create(storage, storage.journal(),
                SandboxPaymentProvider.create(SandboxSettings.of(clock, "bench", Set.of(CNY))), clock);
        openMercato(1);
        try (Statement statement = reference.createStatement();
                ResultSet rows = statement.executeQuery("SELECT document::text FROM mercato_document"
                        + " WHERE aggregate_type = 'escrow' LIMIT 1")) {
            rows.next();
            // The reference writes a document of the size Mercato writes.
            document = rows.getString(1);
        }
        reference.rollback();
    }

    /** Drops the schema. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pooled.close();
        reference.close();
        schema.drop();
    }

    /** Opens the next round's held escrows on both sides (not measured). */
    @Setup(Level.Invocation)
    public void openRound() throws SQLException {
        round++;
        openMercato(ESCROWS);
        try (PreparedStatement insert = reference.prepareStatement(
                "INSERT INTO ref_escrow (id, version, doc) VALUES (?, 1, ?::jsonb)")) {
            for (int i = 0; i < ESCROWS; i++) {
                insert.setString(1, "r-" + round + "-" + i);
                insert.setString(2, document);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        reference.commit();
    }

    private void openMercato(int count) {
        for (int i = 0; i < count; i++) {
            String id = "m-" + round + "-" + i + "-" + opened++;
            MonetaryAmount amount = MinorUnits.toAmount(10_000 + i * 37L, CNY);
            EscrowTerms terms = EscrowTerms.of(id, "b-1", "s-1", amount)
                    .withDeductions(new Deductions(MinorUnits.toAmount(500, CNY), MinorUnits.toAmount(0, CNY),
                            MinorUnits.toAmount(60, CNY)));
            escrows.openPaid(terms, new CheckoutCapture(new TransactionId("sale-" + id), amount, 1, AT));
        }
    }

    /** Mercato: ship, then confirm receipt (the release), each escrow. */
    @Benchmark
    @OperationsPerInvocation(2 * ESCROWS)
    public int transitionsMercato() {
        int done = 0;
        long first = opened - ESCROWS;
        for (int i = 0; i < ESCROWS; i++) {
            String id = "m-" + round + "-" + i + "-" + (first + i);
            done += accepted(escrows.execute(id, new EscrowCommand.Ship(SELLER, "T-" + i)));
            done += accepted(escrows.execute(id, new EscrowCommand.ConfirmReceipt(BUYER)));
        }
        return done;
    }

    private static int accepted(Transition t) {
        if (!(t instanceof Transition.Accepted)) {
            throw new IllegalStateException(t.toString());
        }
        return 1;
    }

    /** The reference: the same rows by hand, one transaction per transition. */
    @Benchmark
    @OperationsPerInvocation(2 * ESCROWS)
    public int transitionsReference() throws SQLException {
        int done = 0;
        for (int i = 0; i < ESCROWS; i++) {
            done += shipAndReleaseByHand(reference, "r-" + round + "-" + i, 10_000 + i * 37L);
        }
        return done;
    }

    /**
     * The rows of one escrow's ship and confirm-receipt transitions, written by hand in two
     * transactions: the document under its version and the auto-confirm timer, then the document,
     * the timer's removal and the release entry with its balances.
     *
     * @param reference a connection with auto-commit off, to a schema with the reference tables
     * @param id the escrow row
     * @param gross the escrow's amount in minor units
     * @return the transitions written (2)
     * @throws SQLException if a statement fails
     */
    static int shipAndReleaseByHand(Connection reference, String id, long gross) throws SQLException {
        update(reference, id);
        try (PreparedStatement timer = reference.prepareStatement("INSERT INTO ref_timer (kind, target, due_second,"
                + " due_nano) VALUES ('escrow.auto-confirm', ?, ?, 0) ON CONFLICT (kind, target) DO UPDATE"
                + " SET due_second = EXCLUDED.due_second, due_nano = EXCLUDED.due_nano")) {
            timer.setString(1, id);
            timer.setLong(2, AT.plus(Duration.ofDays(10)).getEpochSecond());
            timer.executeUpdate();
        }
        reference.commit();
        update(reference, id);
        try (PreparedStatement timer = reference.prepareStatement(
                "DELETE FROM ref_timer WHERE kind = 'escrow.auto-confirm' AND target = ?")) {
            timer.setString(1, id);
            timer.executeUpdate();
        }
        release(reference, id, gross);
        reference.commit();
        return 2;
    }

    /** Reads the document and writes it back under its version. */
    private static void update(Connection reference, String id) throws SQLException {
        long version;
        String doc;
        try (PreparedStatement read = reference.prepareStatement("SELECT version, doc::text FROM ref_escrow WHERE id = ?")) {
            read.setString(1, id);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                version = rows.getLong(1);
                doc = rows.getString(2);
            }
        }
        try (PreparedStatement write = reference.prepareStatement(
                "UPDATE ref_escrow SET version = ?, doc = ?::jsonb WHERE id = ? AND version = ?")) {
            write.setLong(1, version + 1);
            write.setString(2, doc);
            write.setString(3, id);
            write.setLong(4, version);
            if (write.executeUpdate() != 1) {
                throw new IllegalStateException("version moved: " + id);
            }
        }
    }

    /** The release entry: held out, seller net, commission and payment fee in, balances added. */
    private static void release(Connection reference, String id, long gross) throws SQLException {
        String[] codes = {"escrow-held:" + id, "seller-payable:s-1", "revenue:commission", "revenue:payment-fee"};
        long[] minor = {-gross, gross - 560, 500, 60};
        PostgresLedgerBenchmark.postByHand(reference, "ref:escrow:" + id + ":2:confirm-receipt", codes, minor, id);
    }
}
