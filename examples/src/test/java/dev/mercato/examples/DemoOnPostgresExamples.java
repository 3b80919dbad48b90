package dev.mercato.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code mercato demo --jdbc-url URL} on the real PostgreSQL (docs/storage-postgres.md): the
 * first run migrates the schema and balances to the cent; a second run on the same database sees
 * the first run's orders and balances too. The server is {@code -Dmercato.pg.url} (by default
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}); without one the test is skipped,
 * except under {@code CI=true}, where a missing server fails it.
 */
class DemoOnPostgresExamples {
    private static final String SERVER = System.getProperty("mercato.pg.url",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String SCHEMA = "mercato_demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void createSchema() {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + SCHEMA);
        } catch (SQLException e) {
            String message = "no PostgreSQL at " + SERVER + " (" + e.getMessage() + "); start it with"
                    + " 'pg_ctlcluster --skip-systemctl-redirect 15 main start' or pass -Dmercato.pg.url=jdbc:postgresql://...";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true requires the PostgreSQL tests to run: " + message, e);
            }
            Assumptions.abort("skipped: " + message);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void theDemoRunsOnPostgresAndASecondRunSeesTheFirstRunsData() {
        String url = SERVER + (SERVER.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;

        String first = demo(url);
        String second = demo(url);

        assertTrue(first.contains("run 1 in this database."), first);
        assertTrue(first.contains("Check: the ledger balances and the buyer's 676.10 is fully accounted for, to the cent."),
                first);
        assertTrue(second.contains("run 2 in this database, after 1 earlier run(s) whose 3 orders it reads back"), second);
        assertTrue(second.contains("Check: the ledger balances and the buyer's 676.10 is fully accounted for, to the cent."),
                second);
        assertTrue(second.contains("sum of all balances"), second);
    }

    private static String demo(String url) {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new DemoCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, line.execute("--jdbc-url", url), out::toString);
        return out.toString();
    }
}
