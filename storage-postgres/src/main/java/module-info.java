/**
 * Mercato's production storage on PostgreSQL: {@link dev.mercato.storage.postgres.PostgresStorage}
 * over a host {@code javax.sql.DataSource}, its journal, outbox relay and Flyway migrations
 * ({@link dev.mercato.storage.postgres.MercatoSchema}).
 */
@SuppressWarnings("requires-automatic")
module dev.mercato.storage.postgres {
    requires transitive dev.mercato.core;
    requires transitive java.sql;
    requires org.slf4j;
    requires flyway.core;

    exports dev.mercato.storage.postgres;

    // Flyway reads the migrations of db/migration from this module.
    opens db.migration;
}
