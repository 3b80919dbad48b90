package dev.mercato.core.settlement;

import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * One payout of a seller's balance, with the latest outcome known from the provider. The ledger
 * moves the amount from the seller's payable balance to payouts when the payout is requested;
 * a declined payout is reversed.
 *
 * @param transactionId the caller-generated id, {@code payout.<seller>.<cycle day>}
 * @param sellerId the seller
 * @param amount the amount
 * @param outcome the latest outcome; {@code Unknown} until the provider answers
 * @param checks how many status queries were made
 * @param nextCheckAt when the reconciler asks again (ignored once final)
 */
public record Payout(TransactionId transactionId, String sellerId, MonetaryAmount amount, PaymentOutcome outcome,
        int checks, Instant nextCheckAt) {
    /** Validates the fields. */
    public Payout {
        InvalidInputException.requireNonNull(transactionId, "transactionId");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(outcome, "outcome");
        InvalidInputException.requireNonNull(nextCheckAt, "nextCheckAt");
    }

    Payout with(PaymentOutcome reported, int newChecks, Instant next) {
        return new Payout(transactionId, sellerId, amount, PaymentOutcome.latest(outcome, reported), newChecks, next);
    }
}
