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
     * @param reason why, as a value a caller can branch on
     * @param message why, in words for a person
     */
    record Refused(Reason reason, String message) implements PaymentResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(message, "message");
        }
    }

    /** Why a command was refused. */
    enum Reason {
        /** An order of the payment is no longer awaiting payment. */
        ORDER_NOT_PAYABLE,
        /** The provider declined the payment. */
        DECLINED,
        /** The provider refused the request as invalid; nothing moved. */
        REFUSED_BY_PROVIDER,
        /** The provider's answer is not the answer to the open attempt (transaction, amount or currency). */
        ANSWER_MISMATCH,
        /** A confirmation without a provider sale, which guaranteed transactions cannot hold. */
        NO_PROVIDER_SALE,
        /** The payment guard (risk checks) refused it or holds it for an operator's review. */
        GUARD_REFUSED;
    }
}
