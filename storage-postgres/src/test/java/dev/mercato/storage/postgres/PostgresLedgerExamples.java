package dev.mercato.storage.postgres;

import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.LedgerExamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The ledger examples against the journal in PostgreSQL. */
class PostgresLedgerExamples extends LedgerExamples {
    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Journal newJournal() {
        database.clear();
        return PostgresStorage.create(database.dataSource()).journal();
    }
}
