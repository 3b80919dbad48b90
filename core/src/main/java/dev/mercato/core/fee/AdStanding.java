package dev.mercato.core.fee;

import java.time.LocalDate;
import javax.money.MonetaryAmount;

/**
 * A seller's advertising now: the prepaid balance in the ledger, the daily budget and what was
 * spent today. Immutable.
 *
 * @param sellerId the seller
 * @param balance the prepaid advertising balance ({@code Account.adBalance(seller)})
 * @param dailyBudget the daily budget
 * @param today the day (in the fee settings' zone)
 * @param spentToday what ads charged today
 */
public record AdStanding(String sellerId, MonetaryAmount balance, MonetaryAmount dailyBudget, LocalDate today,
        MonetaryAmount spentToday) {}
