package dev.mercato.core.storage.memory;

import dev.mercato.core.storage.Storage;

/**
 * Creates the in-memory {@link Storage}: the embedded default for tests, demos and single-process
 * hosts. Commits are serialized under one write lock and validated against versions; readers take
 * a shared lock, so a reader never sees half a commit. Data lives as long as the returned object.
 */
public final class InMemoryStorage {
    private InMemoryStorage() {}

    /**
     * Creates an empty store.
     *
     * @return a new, thread-safe, empty storage
     */
    public static Storage create() {
        return new MemoryStorage();
    }
}
