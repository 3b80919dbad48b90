package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the test server for one test class, migrated with {@link MercatoSchema}.
 *
 * <p>The server is {@code -Dmercato.pg.url} (by default {@code
 * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Without a server the tests are skipped,
 * except under {@code CI=true}, where a missing server fails them.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String URL = System.getProperty("mercato.pg.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private final String schema;
    private final java.util.List<SmallPool> pools = new java.util.concurrent.CopyOnWriteArrayList<>();
    private DataSource shared;

    private TestDatabase(String schema) {
        this.schema = schema;
    }

    /**
     * Creates and migrates a fresh schema, or skips (fails under CI) when no server answers.
     *
     * @return the database
     */
    public static TestDatabase create() {
        String schema = "mercato_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            String message = "no PostgreSQL server at " + URL + " (" + e.getMessage() + "); start one (for example "
                    + "'pg_ctlcluster --skip-systemctl-redirect 15 main start') or pass -Dmercato.pg.url=jdbc:postgresql://...";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires the PostgreSQL tests to run: " + message, e);
            }
            Assumptions.abort("skipped: " + message);
        }
        TestDatabase database = new TestDatabase(schema);
        MercatoSchema.migrate(database.dataSource());
        return database;
    }

    /**
     * The pool most tests share; closed with the database.
     *
     * @return the pool
     */
    public synchronized DataSource dataSource() {
        if (shared == null) {
            shared = newDataSource(8);
        }
        return shared;
    }

    /**
     * A small pool of connections to this schema: each instance of a test gets its own, like the
     * pools of two application instances.
     *
     * @param size the most idle connections kept
     * @return the pool
     */
    public DataSource newDataSource(int size) {
        SmallPool pool = new SmallPool(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, size);
        pools.add(pool);
        return pool;
    }

    /** Empties every table, the append-only ledger included (triggers off for this session only). */
    public void clear() {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            // DELETE, not TRUNCATE: on tables this small it skips TRUNCATE's file work.
            for (String table : List.of("mercato_index_entry", "mercato_document", "mercato_idempotency", "mercato_timer",
                    "mercato_outbox", "mercato_ledger_posting", "mercato_ledger_balance", "mercato_ledger_entry")) {
                statement.execute("DELETE FROM " + schema + "." + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pools.forEach(SmallPool::closeIdle);
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps up to {@code size} idle connections; a closed connection goes back when the pool has room. */
    private static final class SmallPool implements DataSource {
        private final String url;
        private final LinkedBlockingDeque<Connection> idle;

        SmallPool(String url, int size) {
            this.url = url;
            this.idle = new LinkedBlockingDeque<>(size);
        }

        void closeIdle() {
            for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // Closing an idle test connection: nothing to recover.
                }
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = idle.poll();
            if (real == null || real.isClosed()) {
                real = DriverManager.getConnection(url);
                try (Statement statement = real.createStatement()) {
                    // Tests need no durability across a server crash; commits need not wait for the disk.
                    statement.execute("SET synchronous_commit TO off");
                }
            }
            Connection physical = real;
            java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("isClosed") && returned.get()) {
                            return true;
                        }
                        if (method.getName().equals("close")) {
                            if (!returned.compareAndSet(false, true)) {
                                // A second close must not hand the connection to two borrowers.
                                return null;
                            }
                            if (!physical.getAutoCommit()) {
                                physical.rollback();
                            }
                            physical.setAutoCommit(true);
                            if (!idle.offerFirst(physical)) {
                                physical.close();
                            }
                            return null;
                        }
                        try {
                            return method.invoke(physical, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
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
