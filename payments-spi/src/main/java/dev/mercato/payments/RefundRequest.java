package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A request to give captured money back to the buyer, in full or in part: the argument of
 * {@link PaymentProvider#refund}. A payment may be refunded several times (when
 * {@link Capabilities.Feature#MULTIPLE_REFUNDS} is supported) as long as the refunds,
 * succeeded and pending together, never exceed the captured amount.
 *
 * <p>Immutable; same-content rule as {@link PaymentRequest}.
 *
 * @param transactionId caller-generated id of this refund, never {@code null}
 * @param payment the transaction id of the payment: the {@link PaymentProvider#sale sale}, or the
 *        {@link PaymentProvider#authorize authorization} that was captured, never {@code null}
 * @param amount the amount to refund, positive, never {@code null}
 * @param reason why, shown in the provider's dashboard, never {@code null} or blank
 */
public record RefundRequest(TransactionId transactionId, TransactionId payment, MonetaryAmount amount, String reason) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive or the reason is blank
     */
    public RefundRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
        Requests.requirePositive(amount, transactionId);
        Requests.requireText(reason, "reason");
    }
}
