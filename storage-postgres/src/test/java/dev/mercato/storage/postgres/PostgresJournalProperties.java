package dev.mercato.storage.postgres;

import dev.mercato.core.ledger.Journal;
import dev.mercato.core.ledger.JournalProperties;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The journal's state model against the journal in PostgreSQL. */
class PostgresJournalProperties extends JournalProperties {
    private static TestDatabase database;

    @BeforeContainer
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterContainer
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
