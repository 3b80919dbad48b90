package dev.mercato.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.money.MonetaryAmount;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Escrow transitions per second on PostgreSQL from {@value #THREADS} threads, on one {@code
 * EscrowService} instance or two (each its own HikariCP pool and {@code PostgresStorage}, the
 * threads split across them), beside the hand-written rows of {@link
 * PostgresEscrowBenchmark#shipAndReleaseByHand} on one connection per thread. The two sides run
 * at the same time, as one JMH group of {@value #THREADS} threads each, so both see the same load.
 *
 * <p>Each invocation moves {@value #ESCROWS} held escrows per thread (opened before it, not
 * measured) through ship and confirm receipt; every release credits the one seller's payable and
 * the commission account on both sides, so the threads meet on those balance rows. Needs the
 * server of {@code -Dmercato.pg.url}; it works in a schema of its own, dropped at the end. Not part
 * of the smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PostgresEscrowInstancesBenchmark {
    static final int THREADS = 2;
    static final int ESCROWS = 10;
    static final Actor SELLER = new Actor.Seller("s-1");
    static final Actor BUYER = new Actor.Buyer("b-1");

    /** Escrow service instances sharing the database, each with its own pool. */
    @Param({"1", "2"})
    public int instances;

    private final BenchSchema schema = new BenchSchema();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<EscrowService> services = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private String url;
    private String document;

    /** Creates and migrates the schema and the reference tables, and builds the instances. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        url = schema.create();
        Clock clock = Clock.fixed(PostgresEscrowBenchmark.AT, ZoneOffset.UTC);
        SandboxPaymentProvider provider = SandboxPaymentProvider.create(
                SandboxSettings.of(clock, "bench", Set.of(PostgresEscrowBenchmark.CNY)));
        for (int i = 0; i < instances; i++) {
            HikariDataSource pool = schema.pool(THREADS, "escrow-bench-" + i);
            pools.add(pool);
            if (i == 0) {
                MercatoSchema.migrate(pool);
            }
            PostgresStorage storage = PostgresStorage.create(pool);
            services.add(EscrowService.create(storage, storage.journal(), provider, clock));
        }
        try (Connection c = DriverManager.getConnection(url); Statement statement = c.createStatement()) {
            statement.execute("CREATE TABLE ref_escrow (id text PRIMARY KEY, version bigint NOT NULL, doc jsonb NOT NULL)");
            statement.execute("CREATE TABLE ref_timer (kind text, target text, due_second bigint NOT NULL,"
                    + " due_nano int NOT NULL, PRIMARY KEY (kind, target))");
            open(services.get(0), "m-template");
            try (ResultSet rows = statement.executeQuery("SELECT document::text FROM mercato_document"
                    + " WHERE aggregate_type = 'escrow' LIMIT 1")) {
                rows.next();
                document = rows.getString(1);   // the reference writes a document of Mercato's size
            }
        }
    }

    /** Closes the pools and drops the schema. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pools.forEach(HikariDataSource::close);
        schema.drop();
    }

    static long gross(String id) {
        return 10_000 + Math.floorMod(id.hashCode(), 90_000);
    }

    static void open(EscrowService service, String id) {
        MonetaryAmount amount = MinorUnits.toAmount(gross(id), PostgresEscrowBenchmark.CNY);
        EscrowTerms terms = EscrowTerms.of(id, "b-1", "s-1", amount).withDeductions(new Deductions(
                MinorUnits.toAmount(500, PostgresEscrowBenchmark.CNY), MinorUnits.toAmount(0, PostgresEscrowBenchmark.CNY),
                MinorUnits.toAmount(60, PostgresEscrowBenchmark.CNY)));
        service.openPaid(terms, new CheckoutCapture(new TransactionId("sale-" + id), amount, 1, PostgresEscrowBenchmark.AT));
    }

    /** A Mercato thread's instance and the held escrows of its next invocation. */
    @State(Scope.Thread)
    public static class MercatoSide {
        EscrowService service;
        final List<String> held = new ArrayList<>();

        /**
         * Picks the thread's instance.
         *
         * @param bench the benchmark
         * @param thread the thread's index
         */
        @Setup(Level.Trial)
        public void setUp(PostgresEscrowInstancesBenchmark bench, ThreadParams thread) {
            service = bench.services.get(thread.getSubgroupThreadIndex() % bench.instances);
        }

        /**
         * Opens the next invocation's held escrows (not measured).
         *
         * @param bench the benchmark
         */
        @Setup(Level.Invocation)
        public void open(PostgresEscrowInstancesBenchmark bench) {
            held.clear();
            for (int i = 0; i < ESCROWS; i++) {
                String id = "m-" + bench.ids.incrementAndGet();
                PostgresEscrowInstancesBenchmark.open(service, id);
                held.add(id);
            }
        }
    }

    /** A reference thread's connection and the rows of its next invocation. */
    @State(Scope.Thread)
    public static class ReferenceSide {
        Connection connection;
        final List<String> held = new ArrayList<>();

        /**
         * Opens the thread's connection.
         *
         * @param bench the benchmark
         * @throws SQLException if it does not open
         */
        @Setup(Level.Trial)
        public void setUp(PostgresEscrowInstancesBenchmark bench) throws SQLException {
            connection = DriverManager.getConnection(bench.url);
            connection.setAutoCommit(false);
        }

        /**
         * Inserts the next invocation's escrow rows (not measured).
         *
         * @param bench the benchmark
         * @throws SQLException if a statement fails
         */
        @Setup(Level.Invocation)
        public void open(PostgresEscrowInstancesBenchmark bench) throws SQLException {
            held.clear();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ref_escrow (id, version, doc) VALUES (?, 1, ?::jsonb)")) {
                for (int i = 0; i < ESCROWS; i++) {
                    String id = "r-" + bench.ids.incrementAndGet();
                    insert.setString(1, id);
                    insert.setString(2, bench.document);
                    insert.addBatch();
                    held.add(id);
                }
                insert.executeBatch();
            }
            connection.commit();
        }

        /**
         * Closes the connection.
         *
         * @throws SQLException if it fails
         */
        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    /**
     * Mercato: ship, then confirm receipt (the release), each escrow.
     *
     * @param side the thread's instance and escrows
     * @return the transitions made
     */
    @Benchmark
    @Group("transitions")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(2 * ESCROWS)
    public int transitionsMercato(MercatoSide side) {
        int done = 0;
        for (String id : side.held) {
            done += accepted(side.service.execute(id, new EscrowCommand.Ship(SELLER, "T-" + id)));
            done += accepted(side.service.execute(id, new EscrowCommand.ConfirmReceipt(BUYER)));
        }
        return done;
    }

    private static int accepted(Transition t) {
        if (!(t instanceof Transition.Accepted)) {
            throw new IllegalStateException(t.toString());
        }
        return 1;
    }

    /**
     * The reference: the same rows by hand, one transaction per transition.
     *
     * @param side the thread's connection and rows
     * @return the transitions written
     * @throws SQLException if a statement fails
     */
    @Benchmark
    @Group("transitions")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(2 * ESCROWS)
    public int transitionsReference(ReferenceSide side) throws SQLException {
        int done = 0;
        for (String id : side.held) {
            done += PostgresEscrowBenchmark.shipAndReleaseByHand(side.connection, id, gross(id));
        }
        return done;
    }
}
