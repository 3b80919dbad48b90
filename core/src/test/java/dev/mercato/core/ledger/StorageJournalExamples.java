package dev.mercato.core.ledger;

import dev.mercato.core.storage.memory.InMemoryStorage;

/** The ledger examples against the journal kept in storage. */
class StorageJournalExamples extends LedgerExamples {
    @Override
    protected Journal newJournal() {
        return Journal.inStorage(InMemoryStorage.create());
    }
}
