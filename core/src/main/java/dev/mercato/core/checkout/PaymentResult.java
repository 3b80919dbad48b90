package dev.mercato.core.checkout;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The outcome of paying a buyer payment. A timeout or unclear answer from the provider is {@link
 * Pending}, never a failure: confirm it later with the provider's notification.
 */
public sealed interface PaymentResult {

    /**
     * Paid; every order it covers moved on to stock allocation.
     *
     * @param payment the paid payment
     */
    record Paid(BuyerPayment payment) implements PaymentResult {
        /** Validates the field. */
        public Paid {
            InvalidInputException.requireNonNull(payment, "payment");
        }
    }

    /**
     * Not decided yet (pending at the provider, or unknown after a timeout).
     *
     * @param payment the payment, still unpaid
     * @param detail what the provider said
     */
    record Pending(BuyerPayment payment, String detail) implements PaymentResult {
        /** Validates the fields. */
        public Pending {
            InvalidInputException.requireNonNull(payment, "payment");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * Declined by the provider, or refused because an order is no longer payable; nothing changed.
     *
     * @param reason why
     */
    record Refused(String reason) implements PaymentResult {
        /** Validates the field. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
        }
    }
}
