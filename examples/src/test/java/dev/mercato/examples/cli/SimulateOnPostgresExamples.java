package dev.mercato.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.examples.PostgresTestSchema;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * {@code mercato simulate --jdbc-url URL} (docs/cli.md): on an empty PostgreSQL schema the same
 * seed prints the same figures as in memory, line for line after the heading; a database that
 * already holds data is refused as a usage error.
 */
class SimulateOnPostgresExamples {

    @Test
    void theSameSeedOnPostgresPrintsTheFiguresOfTheRunInMemory() throws SQLException {
        try (PostgresTestSchema schema = PostgresTestSchema.create()) {
            CliExamples.Run memory = CliExamples.mercato("simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "6");
            CliExamples.Run postgres = CliExamples.mercato("simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "6",
                    "--jdbc-url", schema.url());

            assertEquals(0, postgres.exit(), postgres.err());
            assertTrue(postgres.out().lines().findFirst().orElseThrow().contains("on PostgreSQL"), postgres.out());
            assertEquals(memory.out().lines().skip(1).toList(), postgres.out().lines().skip(1).toList());
            assertTrue(postgres.out().contains("balanced, to the cent"), postgres.out());

            CliExamples.Run again = CliExamples.mercato("simulate", "--preset", "b2c-mall", "--seed", "7", "--days", "6",
                    "--jdbc-url", schema.url());
            assertEquals(2, again.exit());
            assertTrue(again.err().contains("already holds Mercato data"), again.err());
        }
    }

    @Test
    void couriersLateDeliveriesAndReviewsOnPostgresGiveTheFiguresOfTheRunInMemory() throws SQLException {
        try (PostgresTestSchema schema = PostgresTestSchema.create()) {
            CliExamples.Run memory = CliExamples.mercato("simulate", "--preset", "o2o-services", "--seed", "7", "--days", "4");
            CliExamples.Run postgres = CliExamples.mercato("simulate", "--preset", "o2o-services", "--seed", "7", "--days",
                    "4", "--jdbc-url", schema.url());

            assertEquals(0, postgres.exit(), postgres.err());
            assertEquals(memory.out().lines().skip(1).toList(), postgres.out().lines().skip(1).toList());
            assertTrue(postgres.out().lines().anyMatch(l -> l.matches("  courier late, buyer compensated +[1-9][0-9]*")),
                    postgres.out());
        }
    }
}
