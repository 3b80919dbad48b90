package dev.mercato.core.seller;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A command named a seller id that was never registered: a bug in the caller. */
public final class UnknownSellerException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String sellerId;

    /**
     * Creates the exception.
     *
     * @param sellerId the id that was not found
     */
    public UnknownSellerException(String sellerId) {
        super("no seller with id " + sellerId);
        this.sellerId = sellerId;
    }

    /**
     * The id that was not found.
     *
     * @return the id
     */
    public String sellerId() {
        return sellerId;
    }
}
