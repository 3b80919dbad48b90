package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * A seller's payment into its prepaid advertising balance through the payment provider
 * ({@code Fees.payInAds}, docs/fees.md): {@link AwaitingProvider} from the moment its transaction id
 * is stored (before the provider is called) until the provider's outcome is final, then {@link
 * Paid} (the balance was credited) or {@link Declined} (nothing moved). Stored per seller and
 * caller key (aggregate type {@code ad-payment}, key {@code <seller>/<key>}). Immutable and
 * thread-safe.
 */
public sealed interface AdPayment {

    /**
     * The seller paying.
     *
     * @return the seller id
     */
    String sellerId();

    /**
     * The caller's idempotency key.
     *
     * @return the key
     */
    String key();

    /**
     * What the seller pays in.
     *
     * @return the amount, positive
     */
    MonetaryAmount amount();

    /**
     * The provider transaction of the payment (a sale).
     *
     * @return the transaction id
     */
    String transactionId();

    /**
     * The stored key of a seller's ad payment.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @return {@code <seller>/<key>}
     */
    static String storedKey(String sellerId, String key) {
        return sellerId + "/" + key;
    }

    /**
     * Sent to the provider, outcome not final yet (pending, unknown, or not answered): the
     * facade's reconciliation asks the provider until it is.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param requestedAt when it was requested
     */
    record AwaitingProvider(String sellerId, String key, MonetaryAmount amount, String transactionId,
            Instant requestedAt) implements AdPayment {
        /** Validates the fields. */
        public AwaitingProvider {
            requireFields(sellerId, key, amount, transactionId);
            InvalidInputException.requireNonNull(requestedAt, "requestedAt");
        }

        /**
         * The provider captured it.
         *
         * @param entryKey the journal entry that credited the ad balance
         * @param at when
         * @return the paid payment
         */
        public Paid paid(String entryKey, Instant at) {
            return new Paid(sellerId, key, amount, transactionId, entryKey, at);
        }

        /**
         * The provider declined it, or has no record of it: nothing moved.
         *
         * @param detail why
         * @param at when it was known
         * @return the declined payment
         */
        public Declined declined(String detail, Instant at) {
            return new Declined(sellerId, key, amount, transactionId, detail, at);
        }
    }

    /**
     * Captured: the ad balance was credited ({@code SellerFundsIn -a, AdBalance +a}). Terminal.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param entryKey the journal entry
     * @param paidAt when the facade learnt the capture
     */
    record Paid(String sellerId, String key, MonetaryAmount amount, String transactionId, String entryKey,
            Instant paidAt) implements AdPayment {
        /** Validates the fields. */
        public Paid {
            requireFields(sellerId, key, amount, transactionId);
            InvalidInputException.requireNonNull(entryKey, "entryKey");
            InvalidInputException.requireNonNull(paidAt, "paidAt");
        }
    }

    /**
     * Declined by the provider (or unknown to it): nothing moved. Terminal; a new payment needs a
     * new key.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param detail the provider's reason
     * @param declinedAt when the facade learnt it
     */
    record Declined(String sellerId, String key, MonetaryAmount amount, String transactionId, String detail,
            Instant declinedAt) implements AdPayment {
        /** Validates the fields. */
        public Declined {
            requireFields(sellerId, key, amount, transactionId);
            InvalidInputException.requireNonNull(detail, "detail");
            InvalidInputException.requireNonNull(declinedAt, "declinedAt");
        }
    }

    private static void requireFields(String sellerId, String key, MonetaryAmount amount, String transactionId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(transactionId, "transactionId");
    }
}
