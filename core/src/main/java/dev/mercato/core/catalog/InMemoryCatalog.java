package dev.mercato.core.catalog;

import java.util.List;

/**
 * A catalog held in memory and edited by the host: the embedded default and the test double.
 * Thread-safe; each SKU is replaced atomically.
 */
public interface InMemoryCatalog extends Catalog {
    /**
     * Adds a SKU or replaces the SKU with the same id.
     *
     * @param sku the SKU
     * @return this catalog
     */
    InMemoryCatalog put(Sku sku);

    /**
     * Adds or replaces several SKUs.
     *
     * @param skus the SKUs
     * @return this catalog
     */
    default InMemoryCatalog putAll(List<Sku> skus) {
        skus.forEach(this::put);
        return this;
    }
}
