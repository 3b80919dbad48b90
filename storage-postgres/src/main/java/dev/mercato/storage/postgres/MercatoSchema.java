package dev.mercato.storage.postgres;

import dev.mercato.pricing.error.InvalidInputException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and upgrades Mercato's tables with Flyway, from the versioned SQL migrations shipped in
 * this jar under {@code db/migration}. The tables go into the connection's current schema (set
 * {@code currentSchema} on the JDBC URL to choose another). Safe to call on every start and from
 * several instances at once: Flyway takes a lock and applies each migration once.
 */
public final class MercatoSchema {
    /** Flyway's history table for Mercato's migrations, so a host's own Flyway history stays apart. */
    public static final String HISTORY_TABLE = "mercato_schema_history";

    private MercatoSchema() {}

    /**
     * Applies every pending migration.
     *
     * @param dataSource the host's data source
     * @return the number of migrations applied now
     */
    public static int migrate(DataSource dataSource) {
        InvalidInputException.requireNonNull(dataSource, "dataSource");
        return Flyway.configure(MercatoSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
