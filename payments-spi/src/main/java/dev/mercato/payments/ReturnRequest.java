package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * An instruction to take money back from an account that a payment's split (or unfreeze) paid,
 * so that the payment can be refunded after its funds were released: the argument of
 * {@link HeldFundsProvider#returnFunds}. The returned money is held for the payment again and
 * counts as refundable ({@link PaymentProvider#refund}).
 *
 * <p>A return never exceeds what the payment sent to that account less what was already
 * returned from it (else {@code EXCEEDS_RETURNABLE}). Whether the account still has the money is
 * the provider's business answer: when it has not (the seller withdrew it), the return is
 * {@link PaymentOutcome.Declined} with {@link DeclineReason#INSUFFICIENT_FUNDS}.
 *
 * <p>Immutable; same-content rule as {@link HoldRequest}.
 *
 * @param transactionId caller-generated id of this return, never {@code null}
 * @param payment the payment id of the {@link HeldFundsProvider#holdSale held sale}, never {@code null}
 * @param from the account to take the money from, never {@code null}
 * @param amount how much, positive, no finer than its currency's minor unit, never {@code null}
 * @param reason why (e.g. a refund's reference), never {@code null} or blank, at most 256 characters
 */
public record ReturnRequest(TransactionId transactionId, TransactionId payment, FundsAccount from, MonetaryAmount amount,
                            String reason) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive ({@code NON_POSITIVE_AMOUNT})
     *         or finer than the minor unit ({@code INVALID_AMOUNT}), or the reason is blank or too
     *         long ({@code MALFORMED})
     */
    public ReturnRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(from, "from");
        Requests.requireMinorUnits(amount, transactionId);
        Requests.requireBoundedText(reason, "reason");
    }
}
