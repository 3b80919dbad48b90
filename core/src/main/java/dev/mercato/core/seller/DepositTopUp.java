package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * A seller's payment that tops its security deposit up again after debits ({@link
 * SellerService#topUpDeposit}): {@link AwaitingProvider} from the moment its transaction id is
 * stored (before the provider is called) until the provider's outcome is final, then {@link Paid}
 * (the deposit holds it: {@code SellerFundsIn -a, SellerDeposit +a}) or {@link Declined} (nothing
 * moved). Stored per seller and caller key. Immutable and thread-safe.
 */
public sealed interface DepositTopUp {

    /**
     * The seller.
     *
     * @return the seller id
     */
    String sellerId();

    /**
     * The caller's key.
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
     * The provider transaction (a sale).
     *
     * @return the transaction id
     */
    String transactionId();

    /**
     * The stored key of a top-up.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @return {@code <seller>/<key>}
     */
    static String storedKey(String sellerId, String key) {
        return sellerId + "/" + key;
    }

    /**
     * Sent, outcome not final: {@link SellerService#reconcile} asks the provider until it is.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param requestedAt when it was requested
     */
    record AwaitingProvider(String sellerId, String key, MonetaryAmount amount, String transactionId,
            Instant requestedAt) implements DepositTopUp {
        /** Validates the fields. */
        public AwaitingProvider {
            requireFields(sellerId, key, amount, transactionId);
            InvalidInputException.requireNonNull(requestedAt, "requestedAt");
        }

        Paid paid(Instant at) {
            return new Paid(sellerId, key, amount, transactionId, at);
        }

        Declined declined(String detail, Instant at) {
            return new Declined(sellerId, key, amount, transactionId, detail, at);
        }
    }

    /**
     * Captured and held by the deposit. Terminal.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param paidAt when the service learnt the capture
     */
    record Paid(String sellerId, String key, MonetaryAmount amount, String transactionId, Instant paidAt)
            implements DepositTopUp {
        /** Validates the fields. */
        public Paid {
            requireFields(sellerId, key, amount, transactionId);
            InvalidInputException.requireNonNull(paidAt, "paidAt");
        }
    }

    /**
     * Declined by the provider, or unknown to it: nothing moved. Terminal; pay again with a new key.
     *
     * @param sellerId the seller
     * @param key the caller's key
     * @param amount the amount
     * @param transactionId the provider transaction
     * @param detail the provider's reason
     * @param declinedAt when the service learnt it
     */
    record Declined(String sellerId, String key, MonetaryAmount amount, String transactionId, String detail,
            Instant declinedAt) implements DepositTopUp {
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
