package dev.mercato.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
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
    private static PostgresTestSchema schema;

    @BeforeAll
    static void createSchema() {
        schema = PostgresTestSchema.create();
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (schema != null) {
            schema.close();
        }
    }

    @Test
    void theDemoRunsOnPostgresAndASecondRunSeesTheFirstRunsData() {
        String url = schema.url();

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
