package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A request to capture an authorized payment, in full or in part: the argument of
 * {@link PaymentProvider#capture}. A payment is captured at most once; capturing less than
 * was authorized (when {@link Capabilities.Feature#PARTIAL_CAPTURE} is supported) releases the
 * rest of the authorization.
 *
 * <p>Immutable; same-content rule as {@link PaymentRequest}.
 *
 * @param transactionId caller-generated id of this capture, never {@code null}
 * @param payment the transaction id of the {@link PaymentProvider#authorize authorization}, never {@code null}
 * @param amount the amount to capture, positive, at most the authorized amount, never {@code null}
 */
public record CaptureRequest(TransactionId transactionId, TransactionId payment, MonetaryAmount amount) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive
     */
    public CaptureRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
        Requests.requirePositive(amount, transactionId);
    }
}
