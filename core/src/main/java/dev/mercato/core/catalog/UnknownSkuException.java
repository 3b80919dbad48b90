package dev.mercato.core.catalog;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A command named a SKU that the catalog does not know. */
public final class UnknownSkuException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String skuId;

    /**
     * Creates the exception.
     *
     * @param skuId the SKU
     */
    public UnknownSkuException(SkuId skuId) {
        super("SKU " + skuId + " is not in the catalog");
        this.skuId = skuId.value();
    }

    /**
     * The SKU id.
     *
     * @return the id
     */
    public String skuId() {
        return skuId;
    }
}
