package dev.mercato.payments;

import java.math.BigDecimal;
import java.util.Objects;
import javax.money.MonetaryAmount;

/**
 * What happened to one operation, identified by its {@link TransactionId}: the answer of every
 * mutating call, of a status query and the content of a notification.
 *
 * <p>{@link Succeeded} and {@link Declined} are final: a provider never reports another outcome
 * for the same transaction id afterwards. {@link Pending} means the provider accepted the
 * request and will decide later (a notification or a status query tells). {@link Unknown}
 * means money may or may not have moved; the caller resolves it with a status query or a
 * replay. All variants are immutable records, never carrying {@code null}.
 */
public sealed interface PaymentOutcome
        permits PaymentOutcome.Succeeded, PaymentOutcome.Pending, PaymentOutcome.Declined, PaymentOutcome.Unknown {

    /**
     * The operation this outcome belongs to.
     *
     * @return the caller-generated id, never {@code null}
     */
    TransactionId transactionId();

    /**
     * Whether this outcome can never change again.
     *
     * @return true for {@link Succeeded} and {@link Declined}
     */
    default boolean isFinal() {
        return this instanceof Succeeded || this instanceof Declined;
    }

    /**
     * Folds a newly reported outcome into the one already known for the same transaction, so
     * that duplicate and out-of-order notifications and status answers reach the same final
     * state in any order of arrival: a final outcome beats a pending one, which beats an
     * unknown one; between two outcomes of the same rank the known one is kept.
     *
     * @param known the outcome recorded so far, never {@code null}
     * @param reported the outcome just reported, never {@code null}
     * @return the outcome to record from now on
     * @throws IllegalArgumentException if the two belong to different transaction ids
     * @throws PaymentProviderException if both are final and disagree (the provider contradicts itself)
     */
    static PaymentOutcome latest(PaymentOutcome known, PaymentOutcome reported) {
        Objects.requireNonNull(known, "known");
        Objects.requireNonNull(reported, "reported");
        if (!known.transactionId().equals(reported.transactionId())) {
            throw new IllegalArgumentException("outcomes of different transactions: "
                    + known.transactionId() + " and " + reported.transactionId());
        }
        if (known.isFinal() && reported.isFinal() && !sameFinalOutcome(known, reported)) {
            throw new PaymentProviderException("the provider reported two different final outcomes for transaction "
                    + known.transactionId() + ": " + known + " and " + reported);
        }
        return rank(reported) > rank(known) ? reported : known;
    }

    private static int rank(PaymentOutcome outcome) {
        if (outcome instanceof Unknown) {
            return 0;
        }
        return outcome instanceof Pending ? 1 : 2;
    }

    private static boolean sameFinalOutcome(PaymentOutcome a, PaymentOutcome b) {
        if (a instanceof Succeeded sa && b instanceof Succeeded sb) {
            return sameAmount(sa.amount(), sb.amount());
        }
        if (a instanceof Declined da && b instanceof Declined db) {
            return da.reason() == db.reason() && da.providerCode().equals(db.providerCode());
        }
        return false;
    }

    /**
     * Whether two amounts have the same currency and numeric value, whatever their scale or
     * implementation class (unlike {@code equals}, which may be scale-sensitive).
     *
     * @param a an amount, never {@code null}
     * @param b an amount, never {@code null}
     * @return true if they are the same amount of the same currency
     */
    static boolean sameAmount(MonetaryAmount a, MonetaryAmount b) {
        return a.getCurrency().getCurrencyCode().equals(b.getCurrency().getCurrencyCode())
                && a.getNumber().numberValue(BigDecimal.class).compareTo(b.getNumber().numberValue(BigDecimal.class)) == 0;
    }

    /**
     * The operation happened: money moved (or, for an authorization, is held; for a void, is released).
     *
     * @param transactionId the operation's id, never {@code null}
     * @param amount the amount authorized, captured, refunded, paid out or (for a void) released,
     *        in the request's currency, never {@code null}
     * @param providerReference the provider's own id for the operation, never {@code null} or blank
     */
    record Succeeded(TransactionId transactionId, MonetaryAmount amount, String providerReference)
            implements PaymentOutcome {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         * @throws IllegalStateException if the provider reference is blank
         */
        public Succeeded {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(amount, "amount");
            Requests.requireNonBlank(providerReference, "providerReference");
        }
    }

    /**
     * The provider accepted the request and will decide later. For a refund, the amount already
     * counts against the refundable amount; for a capture, it is not yet refundable.
     *
     * @param transactionId the operation's id, never {@code null}
     * @param amount the amount in flight, never {@code null}
     * @param providerReference the provider's own id for the operation, never {@code null} or blank
     */
    record Pending(TransactionId transactionId, MonetaryAmount amount, String providerReference)
            implements PaymentOutcome {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         * @throws IllegalStateException if the provider reference is blank
         */
        public Pending {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(amount, "amount");
            Requests.requireNonBlank(providerReference, "providerReference");
        }
    }

    /**
     * The provider (or the issuer, or the payer) refused a valid request; nothing moved. The
     * transaction id is used up: to try again, the caller sends a new request with a new id.
     *
     * @param transactionId the operation's id, never {@code null}
     * @param reason the normalized reason, never {@code null}
     * @param providerCode the provider's own decline code, never {@code null} or blank
     * @param message the provider's human-readable explanation, never {@code null} (may be empty)
     */
    record Declined(TransactionId transactionId, DeclineReason reason, String providerCode, String message)
            implements PaymentOutcome {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         * @throws IllegalStateException if the provider code is blank
         */
        public Declined {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(reason, "reason");
            Requests.requireNonBlank(providerCode, "providerCode");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Money may or may not have moved (the provider timed out, or answered in a way that does
     * not say). Never to be read as a decline: the caller asks {@link PaymentProvider#status}
     * later or replays the request with the same id.
     *
     * @param transactionId the operation's id, never {@code null}
     * @param detail what is known about the failure, never {@code null}
     */
    record Unknown(TransactionId transactionId, String detail) implements PaymentOutcome {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         */
        public Unknown {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
