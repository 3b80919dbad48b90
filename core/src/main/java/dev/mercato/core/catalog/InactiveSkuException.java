package dev.mercato.core.catalog;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A command named a SKU that exists but is not active, so it cannot be ordered. */
public final class InactiveSkuException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String skuId;

    /**
     * Creates the exception.
     *
     * @param skuId the SKU
     */
    public InactiveSkuException(SkuId skuId) {
        super("SKU " + skuId + " is not active and cannot be ordered");
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
