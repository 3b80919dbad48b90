package dev.mercato.core.catalog;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A concurrent map of SKUs. */
final class MemoryCatalog implements InMemoryCatalog {
    private final Map<SkuId, Sku> skus = new ConcurrentHashMap<>();

    @Override
    public Optional<Sku> find(SkuId id) {
        InvalidInputException.requireNonNull(id, "id");
        return Optional.ofNullable(skus.get(id));
    }

    @Override
    public InMemoryCatalog put(Sku sku) {
        InvalidInputException.requireNonNull(sku, "sku");
        skus.put(sku.id(), sku);
        return this;
    }
}
