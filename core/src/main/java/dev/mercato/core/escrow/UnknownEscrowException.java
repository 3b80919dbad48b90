package dev.mercato.core.escrow;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A command named an escrow id that does not exist: a bug in the caller. */
public final class UnknownEscrowException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String escrowId;

    /**
     * Creates the exception.
     *
     * @param escrowId the id that was not found
     */
    public UnknownEscrowException(String escrowId) {
        super("no escrow with id " + escrowId);
        this.escrowId = escrowId;
    }

    /**
     * The id that was not found.
     *
     * @return the id
     */
    public String escrowId() {
        return escrowId;
    }
}
