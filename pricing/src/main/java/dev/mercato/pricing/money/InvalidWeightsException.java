package dev.mercato.pricing.money;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** Allocation weights cannot split an amount: none given, a negative weight, or a total of zero. */
public final class InvalidWeightsException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String weights;

    /**
     * Creates the exception.
     *
     * @param weights the rejected weights as text
     * @param problem what is wrong with them
     */
    public InvalidWeightsException(String weights, String problem) {
        super("invalid allocation weights " + weights + ": " + problem);
        this.weights = weights;
    }

    /**
     * The rejected weights as text.
     *
     * @return the weights, never {@code null}
     */
    public String weights() {
        return weights;
    }
}
