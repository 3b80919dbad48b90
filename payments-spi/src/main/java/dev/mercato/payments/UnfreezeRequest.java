package dev.mercato.payments;

import java.util.Objects;

/**
 * An instruction to end a payment's hold: what the provider still holds for it, and only that,
 * goes to the hold's {@link HoldRequest#settlementAccount() settlement account}. The argument of
 * {@link HeldFundsProvider#unfreeze}. The succeeded outcome's amount is what was released (zero
 * when splits had sent everything).
 *
 * <p>Immutable.
 *
 * @param transactionId caller-generated id of this instruction, never {@code null}
 * @param payment the payment id of the {@link HeldFundsProvider#holdSale held sale}, never {@code null}
 * @param reason why (e.g. "order completed"), never {@code null} or blank, at most 256 characters
 */
public record UnfreezeRequest(TransactionId transactionId, TransactionId payment, String reason) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException ({@code MALFORMED}) if the reason is blank or too long
     */
    public UnfreezeRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(payment, "payment");
        Requests.requireBoundedText(reason, "reason");
    }
}
