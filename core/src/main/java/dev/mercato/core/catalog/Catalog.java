package dev.mercato.core.catalog;

import java.util.Optional;

/**
 * Looks up SKUs. The host plugs in its product database here; Mercato only reads. Implementations
 * are thread-safe and return the current state of a SKU on each call.
 */
public interface Catalog {
    /**
     * Finds a SKU, active or not.
     *
     * @param id the SKU id
     * @return the SKU, or empty when unknown
     */
    Optional<Sku> find(SkuId id);

    /**
     * Finds a SKU that may be ordered.
     *
     * @param id the SKU id
     * @return the SKU, never {@code null}
     * @throws UnknownSkuException if there is no such SKU
     * @throws InactiveSkuException if it exists but is not active
     */
    default Sku requireActive(SkuId id) {
        Sku sku = find(id).orElseThrow(() -> new UnknownSkuException(id));
        if (!sku.active()) {
            throw new InactiveSkuException(id);
        }
        return sku;
    }

    /**
     * Creates an empty in-memory catalog.
     *
     * @return a new, thread-safe, editable catalog
     */
    static InMemoryCatalog inMemory() {
        return new MemoryCatalog();
    }
}
