package dev.mercato.pricing.money;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A computation on minor units would leave the range of {@code long}. Mercato detects this
 * and never lets a value wrap around.
 */
public final class MoneyOverflowException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String operation;

    /**
     * Creates the exception.
     *
     * @param operation the operation and its operands, e.g. {@code "9223372036854775807 + 1"}
     * @param cause the arithmetic exception raised by the exact operation, if any
     */
    public MoneyOverflowException(String operation, Throwable cause) {
        super("minor-unit overflow in " + operation, cause);
        this.operation = operation;
    }

    /**
     * The operation that overflowed, with its operands.
     *
     * @return a description such as {@code "9223372036854775807 + 1"}
     */
    public String operation() {
        return operation;
    }
}
