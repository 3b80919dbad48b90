package dev.mercato.core.seller;

import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.payments.TransactionId;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Set;
import javax.money.MonetaryAmount;

/**
 * A seller whose deposit payment was sent to the provider and has no final outcome yet. The
 * service moves it on when the provider answers (at once, by notification or by reconciliation).
 *
 * @param profile who the seller is
 * @param badges the badges it carries once active
 * @param agreementVersion the agreement accepted
 * @param depositAttempts how many deposit payments were declined before this one
 * @param payment the provider transaction id of this payment
 * @param amount the deposit paid
 * @param requestedAt when the payment was requested
 */
public record DepositPending(SellerProfile profile, Set<Badge> badges, String agreementVersion, int depositAttempts,
        TransactionId payment, MonetaryAmount amount, Instant requestedAt) implements Seller {
    /** Validates and copies the fields. */
    public DepositPending {
        InvalidInputException.requireNonNull(profile, "profile");
        badges = Set.copyOf(InvalidInputException.requireNonNull(badges, "badges"));
        InvalidInputException.requireNonNull(agreementVersion, "agreementVersion");
        InvalidInputException.requireNonNull(payment, "payment");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(requestedAt, "requestedAt");
    }

    /**
     * The provider captured the deposit: the seller is active, and the entry moving the deposit
     * from the seller's funds into its deposit account is in the deposit's entries.
     *
     * @param at when the provider confirmed it
     * @return the active seller
     */
    Active lodged(Instant at) {
        JournalEntry entry = Rules.lodgeEntry(sellerId(), payment, amount, at);
        return new Active(profile, badges, Deposit.lodged(payment, amount, entry), at);
    }

    /**
     * The provider declined the deposit payment: the seller may pay again (with a new transaction id).
     *
     * @return the seller back in {@link AgreementAccepted}
     */
    AgreementAccepted declined() {
        return new AgreementAccepted(profile, badges, agreementVersion, depositAttempts + 1, requestedAt);
    }
}
