package dev.mercato.core.catalog;

import java.util.List;

class InMemoryCatalogContractTest extends CatalogContract {
    @Override
    protected Catalog catalogWith(List<Sku> skus) {
        return Catalog.inMemory().putAll(skus);
    }
}
