package dev.mercato.pricing.money;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;
import javax.money.CurrencyUnit;

/** Two amounts that must share a currency do not. */
public final class CurrencyMismatchException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param expected the currency required by the operation
     * @param actual the currency that was supplied
     */
    public CurrencyMismatchException(CurrencyUnit expected, CurrencyUnit actual) {
        super("currency mismatch: expected " + expected.getCurrencyCode() + " but got "
                + actual.getCurrencyCode());
        this.expected = expected.getCurrencyCode();
        this.actual = actual.getCurrencyCode();
    }

    /**
     * The currency code the operation required.
     *
     * @return an ISO 4217 code such as {@code CNY}
     */
    public String expected() {
        return expected;
    }

    /**
     * The currency code that was supplied.
     *
     * @return an ISO 4217 code such as {@code USD}
     */
    public String actual() {
        return actual;
    }
}
