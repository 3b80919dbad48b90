package dev.mercato.core.ledger;

import dev.mercato.core.storage.memory.InMemoryStorage;

/** The journal model against the journal kept in storage. */
class StorageJournalProperties extends JournalProperties {
    @Override
    protected Journal newJournal() {
        return Journal.inStorage(InMemoryStorage.create());
    }
}
