package dev.mercato.storage.postgres;

import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage conformance suite on PostgreSQL. */
class PostgresStorageContractTest extends StorageContract {
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
    protected Storage newStorage() {
        database.clear();
        return PostgresStorage.create(database.dataSource());
    }
}
