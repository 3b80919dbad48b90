package dev.mercato.core.settlement;

import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * One payout of a seller's or creator's balance, with the latest outcome known from the
 * provider. The ledger moves the amount from the payee's payable balance to payouts when the
 * payout is requested; a declined payout is reversed.
 *
 * @param transactionId the caller-generated id, {@code payout.<seller>.<cycle day>} or {@code
 *     creator-payout.<party>.<cycle day>}
 * @param payee the seller or creator paid
 * @param amount the amount
 * @param outcome the latest outcome; {@code Unknown} until the provider answers
 * @param checks how many status queries were made
 * @param nextCheckAt when the reconciler asks again (ignored once final)
 */
public record Payout(TransactionId transactionId, Payee payee, MonetaryAmount amount, PaymentOutcome outcome,
        int checks, Instant nextCheckAt) {
    /** Validates the fields. */
    public Payout {
        InvalidInputException.requireNonNull(transactionId, "transactionId");
        InvalidInputException.requireNonNull(payee, "payee");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(outcome, "outcome");
        InvalidInputException.requireNonNull(nextCheckAt, "nextCheckAt");
    }

    Payout with(PaymentOutcome reported, int newChecks, Instant next) {
        return new Payout(transactionId, payee, amount, PaymentOutcome.latest(outcome, reported), newChecks, next);
    }
}
