package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A request to pay money out of the platform to a seller: the argument of
 * {@link PayoutProvider#payout}.
 *
 * <p>Immutable; same-content rule as {@link PaymentRequest}.
 *
 * @param transactionId caller-generated id of this payout, never {@code null}
 * @param payee where the money goes, never {@code null}
 * @param amount the amount to pay out, positive, never {@code null}
 * @param reference the caller's reference (e.g. a settlement statement number), never {@code null} or blank
 */
public record PayoutRequest(TransactionId transactionId, PayeeAccount payee, MonetaryAmount amount, String reference) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive or the reference is blank
     */
    public PayoutRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payee, "payee");
        Requests.requirePositive(amount, transactionId);
        Requests.requireText(reference, "reference");
    }
}
