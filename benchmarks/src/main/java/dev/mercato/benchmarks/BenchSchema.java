package dev.mercato.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL schema of a benchmark's own on the server of {@code -Dmercato.pg.url}: created at
 * the trial's start, dropped at its end, with the URL and pools the benchmark's instances use.
 */
final class BenchSchema {
    private final String name = "mercato_bench_" + Long.toHexString(System.nanoTime());

    /**
     * Creates the schema.
     *
     * @return the JDBC URL of the schema
     * @throws SQLException if the server refuses
     */
    String create() throws SQLException {
        try (Connection admin = DriverManager.getConnection(PostgresLedgerBenchmark.URL);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + name);
        }
        return url();
    }

    /**
     * The JDBC URL of the schema.
     *
     * @return the URL, with {@code currentSchema} set
     */
    String url() {
        return PostgresLedgerBenchmark.URL + (PostgresLedgerBenchmark.URL.contains("?") ? "&" : "?")
                + "currentSchema=" + name;
    }

    /**
     * A HikariCP pool on the schema: one application instance's pool.
     *
     * @param size the most connections
     * @param poolName the pool's name
     * @return the pool; close it before {@link #drop()}
     */
    HikariDataSource pool(int size, String poolName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setPoolName(poolName);
        return new HikariDataSource(config);
    }

    /**
     * Drops the schema and everything in it.
     *
     * @throws SQLException if the server refuses
     */
    void drop() throws SQLException {
        try (Connection admin = DriverManager.getConnection(PostgresLedgerBenchmark.URL);
                Statement statement = admin.createStatement()) {
            statement.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }
}
