package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * How and when an order was paid.
 *
 * @param reference the payment provider's transaction reference, not blank
 * @param paidAt when the payment was confirmed
 */
public record PaymentInfo(String reference, Instant paidAt) {
    /** Validates the fields. */
    public PaymentInfo {
        InvalidInputException.requireNonNull(reference, "reference");
        InvalidInputException.requireNonNull(paidAt, "paidAt");
        if (reference.isBlank()) {
            throw new InvalidInputException("reference", "\"\"", "must not be blank");
        }
    }
}
