package dev.mercato.payments;

import java.util.Objects;

/**
 * A request to cancel an authorization that was not captured, releasing the held funds: the
 * argument of {@link PaymentProvider#voidAuthorization}.
 *
 * <p>Immutable.
 *
 * @param transactionId caller-generated id of this void, never {@code null}
 * @param payment the transaction id of the {@link PaymentProvider#authorize authorization}, never {@code null}
 */
public record VoidRequest(TransactionId transactionId, TransactionId payment) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public VoidRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
    }
}
