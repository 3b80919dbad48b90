package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * A seller's advertising settings and the day's spend: stored per seller (aggregate type {@code
 * ad-account}); the prepaid balance itself is the ledger's ({@code Account.adBalance(seller)}).
 * Immutable and thread-safe.
 *
 * @param sellerId the seller
 * @param dailyBudget the most the seller's ads spend in one day; its currency is the account's
 * @param day the day {@code spentToday} counts
 * @param spentToday what ads charged on {@code day}
 */
public record AdAccount(String sellerId, MonetaryAmount dailyBudget, LocalDate day, MonetaryAmount spentToday) {

    /** Validates the fields. */
    public AdAccount {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(dailyBudget, "dailyBudget");
        InvalidInputException.requireNonNull(day, "day");
        InvalidInputException.requireNonNull(spentToday, "spentToday");
    }
}
