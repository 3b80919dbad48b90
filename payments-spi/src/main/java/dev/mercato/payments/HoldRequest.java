package dev.mercato.payments;

import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * A sale whose funds the provider keeps frozen for later split instructions ("freeze for later
 * split"): the argument of {@link HeldFundsProvider#holdSale}. The request's transaction id
 * becomes the <em>payment id</em> that {@link SplitRequest}, {@link UnfreezeRequest},
 * {@link ReturnRequest} and {@link RefundRequest} name.
 *
 * <p>Immutable; two requests are the same content when their fields are equal, amounts compared
 * by currency and numeric value (scale ignored).
 *
 * @param transactionId caller-generated id of this sale and of the payment it creates, never {@code null}
 * @param amount the amount to take and hold, positive, no finer than its currency's minor unit, never {@code null}
 * @param source what pays, never {@code null}
 * @param reference the caller's reference (e.g. an order number), never {@code null} or blank, at
 *        most 256 characters
 * @param settlementAccount the account that receives what is {@link HeldFundsProvider#unfreeze unfrozen}:
 *        usually the seller's sub-account, never {@code null}
 */
public record HoldRequest(TransactionId transactionId, MonetaryAmount amount, PaymentSource source, String reference,
                          FundsAccount settlementAccount) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws InvalidPaymentRequestException if the amount is not positive ({@code NON_POSITIVE_AMOUNT})
     *         or finer than the minor unit ({@code INVALID_AMOUNT}), or the reference is blank or too
     *         long ({@code MALFORMED})
     */
    public HoldRequest {
        Objects.requireNonNull(transactionId, "transactionId");
        Requests.requireMinorUnits(amount, transactionId);
        Objects.requireNonNull(source, "source");
        Requests.requireBoundedText(reference, "reference");
        Objects.requireNonNull(settlementAccount, "settlementAccount");
    }
}
