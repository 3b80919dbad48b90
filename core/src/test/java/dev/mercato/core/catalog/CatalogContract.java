package dev.mercato.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite for {@link Catalog} implementations: extend it and implement {@link
 * #catalogWith(List)}.
 */
public abstract class CatalogContract {
    /** For subclasses. */
    protected CatalogContract() {}

    /**
     * A catalog holding exactly these SKUs.
     *
     * @param skus the SKUs
     * @return the catalog
     */
    protected abstract Catalog catalogWith(List<Sku> skus);

    private static final Sku TEA = Sku.of("tea", "shop-a", "Green tea", Money.of(25, "CNY"))
            .withCategoryPath(List.of("food", "drinks")).withPriceLevel(PriceLevel.MEMBER, Money.of(22, "CNY"))
            .withPhysical(250, new Dimensions(100, 60, 60));
    private static final Sku OLD = Sku.of("old", "shop-a", "Discontinued", Money.of(5, "CNY")).withActive(false);

    @Test
    void aKnownSkuIsFoundWithAllItsAttributes() {
        Catalog catalog = catalogWith(List.of(TEA, OLD));
        Sku found = catalog.find(SkuId.of("tea")).orElseThrow();
        assertEquals(TEA, found);
        assertEquals("shop-a", found.sellerId());
        assertEquals(List.of("food", "drinks"), found.categoryPath());
        assertEquals(Optional.of(Money.of(22, "CNY")), found.priceAt(PriceLevel.MEMBER));
        assertEquals(250, found.weightGrams());
    }

    @Test
    void anUnknownSkuIsEmptyAndATypedErrorWhenRequired() {
        Catalog catalog = catalogWith(List.of(TEA));
        assertEquals(Optional.empty(), catalog.find(SkuId.of("nope")));
        assertEquals("nope", assertThrows(UnknownSkuException.class, () -> catalog.requireActive(SkuId.of("nope"))).skuId());
    }

    @Test
    void anInactiveSkuIsFoundButCannotBeRequiredForSale() {
        Catalog catalog = catalogWith(List.of(OLD));
        assertEquals(Optional.of(OLD), catalog.find(SkuId.of("old")));
        assertThrows(InactiveSkuException.class, () -> catalog.requireActive(SkuId.of("old")));
    }
}
