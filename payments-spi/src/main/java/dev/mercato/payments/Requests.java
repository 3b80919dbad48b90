package dev.mercato.payments;

import dev.mercato.payments.InvalidPaymentRequestException.Problem;
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
}
