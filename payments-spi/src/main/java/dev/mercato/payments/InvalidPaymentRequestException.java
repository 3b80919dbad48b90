package dev.mercato.payments;

import java.util.Objects;
import java.util.Optional;

/**
 * A request the provider refused before moving any money, because it can never succeed as
 * sent: a currency the provider does not support, an amount above what is left to capture or
 * refund, an unknown payment, a transaction id reused with different content, and so on.
 *
 * <p>Unlike {@link PaymentProviderException}, this is a definitive answer: the caller knows
 * that nothing moved, and that sending the same request again gets the same refusal. It
 * signals a bug or a stale view on the caller's side (the caller can check every
 * {@link Problem} beforehand against {@link Capabilities} and its own records), which is why
 * it is an exception rather than a {@link PaymentOutcome.Declined}. A decline is the payer's
 * or the issuer's business decision about a valid request; this is not.
 *
 * <p>Implementers must guarantee: when this is thrown, nothing moved and the provider keeps
 * no record under the request's transaction id (a {@code status} query for it returns what
 * it returned before the call).
 */
public class InvalidPaymentRequestException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Why a request was refused. */
    public enum Problem {
        /** A field is blank or malformed. */
        MALFORMED,
        /** The amount is zero or negative. */
        NON_POSITIVE_AMOUNT,
        /** The amount has more decimals than its currency's minor unit, or is too large. */
        INVALID_AMOUNT,
        /** The provider does not handle this currency (see {@link Capabilities#supports(javax.money.CurrencyUnit)}). */
        UNSUPPORTED_CURRENCY,
        /** The provider lacks the feature the request needs (see {@link Capabilities.Feature}). */
        UNSUPPORTED_OPERATION,
        /** The amount's currency differs from the payment's currency. */
        CURRENCY_MISMATCH,
        /** No payment (authorization or sale) exists under the referenced transaction id. */
        UNKNOWN_PAYMENT,
        /** The payment is in a state that does not allow the operation (e.g. capture after void). */
        INVALID_STATE,
        /** A capture above the authorized amount. */
        EXCEEDS_AUTHORIZED,
        /** A refund above what is captured and not yet refunded (pending refunds count). */
        EXCEEDS_REFUNDABLE,
        /** The transaction id was already used for a different request. */
        TRANSACTION_ID_REUSED,
        /** A split above what the provider still holds for the payment (pending splits count). */
        EXCEEDS_HELD,
        /** A return above what the payment sent to that account and was not yet returned. */
        EXCEEDS_RETURNABLE,
        /** Two parts of one split name the same recipient account. */
        DUPLICATE_RECIPIENT,
        /** More split parts than {@link SplitRequest#MAX_PARTS} or than the provider accepts. */
        TOO_MANY_PARTS
    }

    private final Problem problem;
    private final String transactionId;

    /**
     * Creates the exception.
     *
     * @param problem why the request was refused, never {@code null}
     * @param transactionId the id of the refused request, or {@code null} if the request had none yet
     * @param message what was wrong, naming the offending values, never {@code null}
     */
    public InvalidPaymentRequestException(Problem problem, TransactionId transactionId, String message) {
        super(Objects.requireNonNull(problem, "problem") + ": " + Objects.requireNonNull(message, "message"));
        this.problem = problem;
        this.transactionId = transactionId == null ? null : transactionId.value();
    }

    /**
     * Why the request was refused.
     *
     * @return the problem, never {@code null}
     */
    public Problem problem() {
        return problem;
    }

    /**
     * The transaction id of the refused request.
     *
     * @return the id, or empty when the request could not even be built
     */
    public Optional<TransactionId> transactionId() {
        return Optional.ofNullable(transactionId).map(TransactionId::new);
    }
}
