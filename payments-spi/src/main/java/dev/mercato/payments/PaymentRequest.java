package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A request to take money from a buyer: the argument of {@link PaymentProvider#authorize} and
 * {@link PaymentProvider#sale}. The request's transaction id becomes the id of the
 * <em>payment</em>: later captures, voids and refunds reference it.
 *
 * <p>Immutable; two requests are the same content when their fields are equal, amounts
 * compared by currency and numeric value (scale ignored).
 *
 * @param transactionId caller-generated id of this operation and of the payment it creates, never {@code null}
 * @param amount the amount to take, positive, never {@code null}
 * @param source what pays, never {@code null}
 * @param reference the caller's reference shown to the buyer and in the provider's dashboard
 *        (e.g. an order number), never {@code null} or blank
 */
public record PaymentRequest(TransactionId transactionId, MonetaryAmount amount, PaymentSource source, String reference) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive or the reference is blank
     */
    public PaymentRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Requests.requirePositive(amount, transactionId);
        Objects.requireNonNull(source, "source");
        Requests.requireText(reference, "reference");
    }
}
