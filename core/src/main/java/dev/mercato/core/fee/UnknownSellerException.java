package dev.mercato.core.fee;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A fee command named a seller the platform does not know ({@code FeeSettings.knownSellers}). */
public final class UnknownSellerException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String sellerId;

    /**
     * Creates the exception.
     *
     * @param sellerId the seller
     */
    public UnknownSellerException(String sellerId) {
        super("seller " + sellerId + " is not known to the platform");
        this.sellerId = sellerId;
    }

    /**
     * The seller id.
     *
     * @return the id
     */
    public String sellerId() {
        return sellerId;
    }
}
