package dev.mercato.core.storage.memory;

import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.StorageContract;

class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return InMemoryStorage.create();
    }
}
