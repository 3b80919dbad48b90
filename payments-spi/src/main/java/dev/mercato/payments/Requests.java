package dev.mercato.payments;

import dev.mercato.payments.InvalidPaymentRequestException.Problem;
import java.math.BigDecimal;
import java.util.Objects;
import javax.money.MonetaryAmount;

/** Argument checks shared by the request records. */
final class Requests {
    private Requests() {}

    static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new InvalidPaymentRequestException(Problem.MALFORMED, null, name + " must not be blank");
        }
        return value;
    }

    /**
     * For the fields of outcomes and events, which are built after the provider answered: a
     * blank field there is a plug-in bug, not a refused request, so it must not look like
     * {@link InvalidPaymentRequestException} (which tells the caller that nothing moved).
     */
    static String requireNonBlank(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalStateException(name + " must not be blank");
        }
        return value;
    }

    static MonetaryAmount requirePositive(MonetaryAmount amount, TransactionId id) {
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new InvalidPaymentRequestException(Problem.NON_POSITIVE_AMOUNT, id,
                    "amount must be positive (was: " + amount + ")");
        }
        return amount;
    }

    /** Longest free text (reference, reason, description) a held-funds request accepts. */
    static final int MAX_TEXT = 256;

    /** Like {@link #requireText}, and at most {@link #MAX_TEXT} characters. */
    static String requireBoundedText(String value, String name) {
        requireText(value, name);
        if (value.length() > MAX_TEXT) {
            throw new InvalidPaymentRequestException(Problem.MALFORMED, null, name + " must be at most " + MAX_TEXT
                    + " characters (was: " + value.length() + ")");
        }
        return value;
    }

    /**
     * A positive amount with no more decimals than its currency's minor unit, whose minor units
     * fit a {@code long}.
     *
     * @return the amount in minor units
     */
    static long requireMinorUnits(MonetaryAmount amount, TransactionId id) {
        requirePositive(amount, id);
        int digits = Math.max(amount.getCurrency().getDefaultFractionDigits(), 0);
        BigDecimal minor = amount.getNumber().numberValue(BigDecimal.class).movePointRight(digits);
        try {
            return minor.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidPaymentRequestException(Problem.INVALID_AMOUNT, id, "amount " + amount
                    + " is finer than the minor unit of " + amount.getCurrency().getCurrencyCode() + " or too large");
        }
    }

    /** An account token as messages may show it: its last four characters when it is long enough, else nothing. */
    static String masked(String token) {
        return token.length() < 12 ? "***" : "***" + token.substring(token.length() - 4);
    }
}
