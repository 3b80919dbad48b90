package dev.mercato.core.risk;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A decision named a purchase and stage that were never held for review: a bug in the caller. */
public final class UnknownReviewException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String reference;

    /**
     * Creates the exception.
     *
     * @param reference the purchase
     * @param stage the stage
     */
    public UnknownReviewException(String reference, RiskStage stage) {
        super("no review of " + reference + " at " + stage);
        this.reference = reference;
    }

    /**
     * The purchase named.
     *
     * @return the reference
     */
    public String reference() {
        return reference;
    }
}
