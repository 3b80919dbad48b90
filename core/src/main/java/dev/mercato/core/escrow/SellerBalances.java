package dev.mercato.core.escrow;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.Journal;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A seller's balances as read from the ledger, the input to a clawback or a compensation: money
 * is taken from the payable balance first, then from the security deposit, and whatever neither
 * covers is left as a negative payable (the seller owes the platform).
 *
 * <p>Immutable and thread-safe.
 *
 * @param payable the seller payable balance; may be negative
 * @param deposit the security deposit balance; may be zero
 */
public record SellerBalances(MonetaryAmount payable, MonetaryAmount deposit) {

    /** Validates the amounts. */
    public SellerBalances {
        InvalidInputException.requireNonNull(payable, "payable");
        InvalidInputException.requireNonNull(deposit, "deposit");
        MinorUnits.requireCurrency(deposit, payable.getCurrency());
    }

    /**
     * Reads a seller's balances from a journal.
     *
     * @param journal the journal
     * @param sellerId the seller
     * @param currency the currency
     * @return the balances
     */
    public static SellerBalances from(Journal journal, String sellerId, CurrencyUnit currency) {
        return new SellerBalances(journal.balance(Account.sellerPayable(sellerId), currency),
                journal.balance(Account.sellerDeposit(sellerId), currency));
    }
}
