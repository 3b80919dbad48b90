package dev.mercato.pricing.money;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * An amount cannot be used as given: it has more decimals than its currency allows, it is
 * negative where only non-negative amounts make sense, or its currency has no minor unit.
 */
public final class InvalidAmountException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String amount;

    /**
     * Creates the exception.
     *
     * @param amount the rejected amount, as text (for example {@code "CNY 0.001"})
     * @param problem what is wrong with it
     */
    public InvalidAmountException(String amount, String problem) {
        super("invalid amount " + amount + ": " + problem);
        this.amount = amount;
    }

    /**
     * The rejected amount as text.
     *
     * @return the amount, never {@code null}
     */
    public String amount() {
        return amount;
    }
}
