package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * The answer to a seller's payment into its advertising balance ({@code Fees.payInAds}): the
 * payment as it stands (paid, still with the provider, or declined), or a refusal before anything
 * was sent or stored. A replay of the key answers from the stored payment.
 */
public sealed interface AdPaymentResult {

    /**
     * Sent to the provider: the stored payment, {@link AdPayment.Paid} when captured, {@link
     * AdPayment.AwaitingProvider} while the outcome is pending or unknown (reconciliation settles
     * it), {@link AdPayment.Declined} when the provider declined it (nothing moved).
     *
     * @param payment the payment now
     */
    record Sent(AdPayment payment) implements AdPaymentResult {
        /** Validates the payment. */
        public Sent {
            InvalidInputException.requireNonNull(payment, "payment");
        }
    }

    /**
     * Refused: nothing was sent, stored or posted; the key may be sent again.
     *
     * @param reason why
     * @param detail the figures, in words
     */
    record Refused(FeeRefusal reason, String detail) implements AdPaymentResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
