package dev.mercato.core.escrow;

import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * One call to the payment provider made for an escrow, with the latest outcome known for it.
 * Until the outcome is final, the reconciler asks the provider for it at {@code nextCheckAt},
 * backing off after each attempt.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind a payment or a refund
 * @param transactionId the caller-generated id, the provider's idempotency key
 * @param amount the amount requested
 * @param outcome the latest outcome known; {@code Unknown} until the provider answers
 * @param checks how many status queries were made
 * @param nextCheckAt when the reconciler asks again (ignored once final)
 */
public record ProviderOperation(Kind kind, TransactionId transactionId, MonetaryAmount amount, PaymentOutcome outcome,
        int checks, Instant nextCheckAt) {

    /** Validates the fields. */
    public ProviderOperation {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(transactionId, "transactionId");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(outcome, "outcome");
        InvalidInputException.requireNonNull(nextCheckAt, "nextCheckAt");
    }

    /** What the operation does. */
    public enum Kind {
        /** Takes the buyer's payment (a sale). */
        PAYMENT,
        /** Gives money back to the buyer. */
        REFUND
    }

    /**
     * Whether the outcome can no longer change.
     *
     * @return {@code true} once succeeded or declined
     */
    public boolean isFinal() {
        return outcome.isFinal();
    }

    ProviderOperation withOutcome(PaymentOutcome reported) {
        return new ProviderOperation(kind, transactionId, amount, PaymentOutcome.latest(outcome, reported), checks,
                nextCheckAt);
    }

    ProviderOperation checkedAt(Instant now, PaymentOutcome reported, java.time.Duration backoff) {
        return new ProviderOperation(kind, transactionId, amount, PaymentOutcome.latest(outcome, reported), checks + 1,
                now.plus(backoff));
    }
}
