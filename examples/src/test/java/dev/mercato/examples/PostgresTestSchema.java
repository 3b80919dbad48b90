package dev.mercato.examples;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh schema on the real PostgreSQL for the examples' tests. The server is {@code
 * -Dmercato.pg.url} (by default {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres});
 * without one the test is skipped, except under {@code CI=true}, where a missing server fails it.
 */
public final class PostgresTestSchema implements AutoCloseable {
    private static final String SERVER = System.getProperty("mercato.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private final String name = "mercato_example_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresTestSchema() {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            String message = "no PostgreSQL at " + SERVER + " (" + e.getMessage() + "); start it with"
                    + " 'pg_ctlcluster --skip-systemctl-redirect 15 main start' or pass -Dmercato.pg.url=jdbc:postgresql://...";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires the PostgreSQL tests to run: " + message, e);
            }
            Assumptions.abort("skipped: " + message);
        }
    }

    /**
     * Creates the schema, or skips (fails under CI) when no server answers.
     *
     * @return the schema
     */
    public static PostgresTestSchema create() {
        return new PostgresTestSchema();
    }

    /**
     * The JDBC URL of the schema.
     *
     * @return the server's URL with {@code currentSchema} set
     */
    public String url() {
        return SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    /** Drops the schema. */
    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
