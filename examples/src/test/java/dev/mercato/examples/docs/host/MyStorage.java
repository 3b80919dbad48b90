package dev.mercato.examples.docs.host;

import dev.mercato.core.storage.Storage;

/** The reader's own storage implementation. */
public final class MyStorage {
    private MyStorage() {
    }

    /** @return a storage on that database */
    public static Storage connect(String url) {
        throw new UnsupportedOperationException("a stand-in for the reader's code");
    }
}
