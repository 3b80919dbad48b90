package dev.mercato.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.storage.postgres.MercatoSchema;
import dev.mercato.storage.postgres.PostgresStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.javamoney.moneta.Money;
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
 * Checkouts per second on PostgreSQL: {@code Commerce.addToCart} then {@code Commerce.checkout}
 * (one SKU, one seller, a fresh buyer each time) on {@code PostgresStorage}, beside a hand-written
 * JDBC reference writing the same rows in the same transactions: the cart (insert, then the
 * emptied cart under its version), the reservation timer written ahead, and the placing
 * transaction's order, payment and their index rows, the timer swap, the outbox row and the
 * idempotency row, with the reads a checkout cannot skip (its key, the cart).
 *
 * <p>The two sides run at the same time, as one JMH group of {@value #THREADS} threads each, so
 * both see the same load on a shared machine (and each other's); JMH reports each side's
 * throughput in the group. {@code instances} is how many {@code Commerce} instances, each with its
 * own HikariCP pool, share the database; Mercato's threads are split across them. The reference
 * gives each thread its own connection. The documents the reference writes are the ones one
 * Mercato checkout wrote in the setup, so both sides write rows of the same size. Needs the server
 * of {@code -Dmercato.pg.url}; it works in a schema of its own, dropped at the end. Not part of the
 * smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PostgresCheckoutBenchmark {
    static final int THREADS = 2;
    static final int CHECKOUTS = 10;
    static final Instant AT = Instant.parse("2026-11-11T10:00:00Z");
    static final SkuId TEA = SkuId.of("tea");

    /** Commerce instances sharing the database, each with its own pool. */
    @Param({"1", "2"})
    public int instances;

    private final BenchSchema schema = new BenchSchema();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private final List<Commerce> commerces = new ArrayList<>();
    private final AtomicLong buyers = new AtomicLong();
    private String url;
    private Rows template;

    /** The rows one checkout wrote, as the reference writes them again under other keys. */
    record Rows(String cart, String emptyCart, List<String[]> documents, List<String[]> indexEntries, String[] outbox,
            String[] idempotency) {}

    /** Creates and migrates the schema, builds the instances and records one checkout's rows. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        url = schema.create();
        InMemoryInventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"));
        stock.setStock(new WarehouseId("east"), TEA, 1_000_000_000L, 0);
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
        for (int i = 0; i < instances; i++) {
            HikariDataSource pool = schema.pool(THREADS, "bench-" + i);
            pools.add(pool);
            if (i == 0) {
                MercatoSchema.migrate(pool);
            }
            PostgresStorage storage = PostgresStorage.create(pool);
            commerces.add(Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                    .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25, "CNY"))))
                    .inventory(stock).build());
        }
        Actor.Buyer buyer = new Actor.Buyer("template");
        commerces.get(0).addToCart(buyer, CartId.of("template"), TEA, 1);
        String cart = cartDocument(pools.get(0));
        if (!(commerces.get(0).checkout(buyer, CartId.of("template"), "checkout", Optional.empty())
                instanceof CheckoutResult.Placed)) {
            throw new IllegalStateException("the template checkout was not placed");
        }
        template = recordRows(pools.get(0), cart);
    }

    private static String cartDocument(javax.sql.DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT document::text FROM mercato_document WHERE aggregate_type = 'cart'")) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static Rows recordRows(javax.sql.DataSource pool, String fullCart) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            String cart = null;
            List<String[]> documents = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT aggregate_type, key, schema_version, document::text FROM mercato_document")) {
                while (rows.next()) {
                    if (rows.getString(1).equals("cart")) {
                        cart = rows.getString(4);
                    } else {
                        documents.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                    }
                }
            }
            List<String[]> index = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT aggregate_type, index_name, entry, key FROM mercato_index_entry")) {
                while (rows.next()) {
                    index.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
            }
            String[] outbox;
            try (ResultSet rows = s.executeQuery("SELECT event_class, schema_version, payload::text FROM mercato_outbox LIMIT 1")) {
                rows.next();
                outbox = new String[] {rows.getString(1), rows.getString(2), rows.getString(3)};
            }
            String[] idempotency;
            try (ResultSet rows = s.executeQuery("SELECT fingerprint, result_class, result::text FROM mercato_idempotency LIMIT 1")) {
                rows.next();
                idempotency = new String[] {rows.getString(1), rows.getString(2), rows.getString(3)};
            }
            if (cart == null || documents.size() != 2) {
                throw new IllegalStateException("one checkout should leave a cart, an order and a payment: " + documents.size());
            }
            return new Rows(fullCart, cart, documents, index, outbox, idempotency);
        }
    }

    /** Closes the pools and drops the schema. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        pools.forEach(HikariDataSource::close);
        schema.drop();
    }

    /** One thread's instance and its own connection for the reference. */
    @State(Scope.Thread)
    public static class Side {
        Commerce commerce;
        Connection reference;

        /**
         * Picks the thread's instance and opens its reference connection.
         *
         * @param bench the benchmark
         * @param thread the thread's index
         * @throws SQLException if no connection opens
         */
        @Setup(Level.Trial)
        public void setUp(PostgresCheckoutBenchmark bench, ThreadParams thread) throws SQLException {
            commerce = bench.commerces.get(thread.getSubgroupThreadIndex() % bench.instances);
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

    private static void checkoutMercato(Commerce commerce, String buyerId) {
        Actor.Buyer buyer = new Actor.Buyer(buyerId);
        CartId cart = CartId.of(buyerId);
        commerce.addToCart(buyer, cart, TEA, 1);
        CheckoutResult result = commerce.checkout(buyer, cart, "checkout", Optional.empty());
        if (!(result instanceof CheckoutResult.Placed)) {
            throw new IllegalStateException(result.toString());
        }
    }

    /**
     * Mercato: add to a fresh buyer's cart, check out.
     *
     * @param side the thread's instance
     * @return the checkouts placed
     */
    @Benchmark
    @Group("checkout")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(CHECKOUTS)
    public int checkoutsMercato(Side side) {
        for (int i = 0; i < CHECKOUTS; i++) {
            checkoutMercato(side.commerce, "m-" + buyers.incrementAndGet());
        }
        return CHECKOUTS;
    }

    /**
     * The reference: the same rows by hand, in the same three transactions per checkout.
     *
     * @param side the thread's connection
     * @return the checkouts written
     * @throws SQLException if a statement fails
     */
    @Benchmark
    @Group("checkout")
    @GroupThreads(THREADS)
    @OperationsPerInvocation(CHECKOUTS)
    public int checkoutsReference(Side side) throws SQLException {
        for (int i = 0; i < CHECKOUTS; i++) {
            checkoutByHand(side.reference, "r-" + buyers.incrementAndGet());
        }
        return CHECKOUTS;
    }

    private void checkoutByHand(Connection c, String buyer) throws SQLException {
        // 1. add to cart: read the cart, insert it
        try (PreparedStatement read = c.prepareStatement(
                "SELECT version, document::text FROM mercato_document WHERE aggregate_type = 'cart' AND key = ?")) {
            read.setString(1, buyer);
            try (ResultSet rows = read.executeQuery()) {
                if (rows.next()) {
                    throw new IllegalStateException("cart exists: " + buyer);
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mercato_document (aggregate_type, key, version,"
                + " schema_version, document) VALUES ('cart', ?, 1, 1, ?::jsonb) ON CONFLICT DO NOTHING")) {
            insert.setString(1, buyer);
            insert.setString(2, template.cart());
            if (insert.executeUpdate() != 1) {
                throw new IllegalStateException("cart exists: " + buyer);
            }
        }
        c.commit();
        // 2. the reservation timer, written ahead
        String order = "ord-" + buyer;
        try (PreparedStatement timer = c.prepareStatement("INSERT INTO mercato_timer (kind, target, due_second, due_nano)"
                + " VALUES ('checkout.reservation-expiry', ?, ?, 0) ON CONFLICT (kind, target) DO UPDATE"
                + " SET due_second = EXCLUDED.due_second, due_nano = EXCLUDED.due_nano")) {
            timer.setString(1, order);
            timer.setLong(2, AT.getEpochSecond() + 900);
            timer.executeUpdate();
        }
        c.commit();
        // 3. place: the key, the cart, then every write of the placing unit of work
        try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM mercato_idempotency WHERE scope = 'checkout' AND key = ?")) {
            seen.setString(1, buyer + "/checkout");
            try (ResultSet rows = seen.executeQuery()) {
                if (rows.next()) {
                    throw new IllegalStateException("key used: " + buyer);
                }
            }
        }
        long version;
        try (PreparedStatement read = c.prepareStatement(
                "SELECT version, document::text FROM mercato_document WHERE aggregate_type = 'cart' AND key = ?")) {
            read.setString(1, buyer);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                version = rows.getLong(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE mercato_document SET version = ?, document = ?::jsonb"
                + " WHERE aggregate_type = 'cart' AND key = ? AND version = ?")) {
            update.setLong(1, version + 1);
            update.setString(2, template.emptyCart());
            update.setString(3, buyer);
            update.setLong(4, version);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("version moved: " + buyer);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO mercato_document (aggregate_type, key, version,"
                + " schema_version, document) VALUES (?, ?, 1, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
            for (String[] document : template.documents()) {
                insert.setString(1, document[0]);
                insert.setString(2, document[1] + "-" + buyer);
                insert.setInt(3, Integer.parseInt(document[2]));
                insert.setString(4, document[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO mercato_index_entry (aggregate_type, index_name, entry, key) VALUES (?, ?, ?, ?)")) {
            for (String[] entry : template.indexEntries()) {
                insert.setString(1, entry[0]);
                insert.setString(2, entry[1]);
                insert.setString(3, entry[2] + "-" + buyer);
                insert.setString(4, entry[3] + "-" + buyer);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM mercato_timer WHERE kind = 'checkout.reservation-expiry' AND target = ?")) {
            delete.setString(1, order);
            delete.executeUpdate();
        }
        try (PreparedStatement timer = c.prepareStatement("INSERT INTO mercato_timer (kind, target, due_second, due_nano)"
                + " VALUES ('order.unpaid-close', ?, ?, 0) ON CONFLICT (kind, target) DO UPDATE"
                + " SET due_second = EXCLUDED.due_second, due_nano = EXCLUDED.due_nano")) {
            timer.setString(1, order);
            timer.setLong(2, AT.getEpochSecond() + 86_400);
            timer.executeUpdate();
        }
        try (PreparedStatement outbox = c.prepareStatement(
                "INSERT INTO mercato_outbox (event_class, schema_version, payload) VALUES (?, ?, ?::jsonb)")) {
            outbox.setString(1, template.outbox()[0]);
            outbox.setInt(2, Integer.parseInt(template.outbox()[1]));
            outbox.setString(3, template.outbox()[2]);
            outbox.executeUpdate();
        }
        try (PreparedStatement remember = c.prepareStatement("INSERT INTO mercato_idempotency (scope, key, fingerprint,"
                + " result_class, result) VALUES ('checkout', ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
            remember.setString(1, buyer + "/checkout");
            remember.setString(2, template.idempotency()[0]);
            remember.setString(3, template.idempotency()[1]);
            remember.setString(4, template.idempotency()[2]);
            if (remember.executeUpdate() != 1) {
                throw new IllegalStateException("key used: " + buyer);
            }
        }
        c.commit();
    }
}
