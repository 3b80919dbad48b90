package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One line of a journal entry: an account and a signed amount, positive for a debit (money
 * arrives in the account), negative for a credit (money leaves it). Never zero.
 *
 * <p>The amount is kept in the currency's minor units; {@link #amount()} converts at the edge.
 * Immutable and thread-safe; equal when account, currency and amount are equal.
 */
public final class Posting {
    private final Account account;
    private final CurrencyUnit currency;
    private final long minor;

    private Posting(Account account, CurrencyUnit currency, long minor) {
        this.account = InvalidInputException.requireNonNull(account, "account");
        this.currency = InvalidInputException.requireNonNull(currency, "currency");
        MinorUnits.scale(currency);
        if (minor == 0) {
            throw new InvalidInputException("amount", "0 " + currency.getCurrencyCode(), "must not be zero");
        }
        this.minor = minor;
    }

    /**
     * A debit: money arrives in the account.
     *
     * @param account the account
     * @param amount a positive amount, exact in its currency's minor unit
     * @return the posting
     * @throws InvalidInputException if the amount is not positive
     */
    public static Posting debit(Account account, MonetaryAmount amount) {
        long units = MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, "amount"));
        requirePositive(units, amount);
        return new Posting(account, amount.getCurrency(), units);
    }

    /**
     * A credit: money leaves the account.
     *
     * @param account the account
     * @param amount a positive amount, exact in its currency's minor unit
     * @return the posting, with a negative amount
     * @throws InvalidInputException if the amount is not positive
     */
    public static Posting credit(Account account, MonetaryAmount amount) {
        long units = MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, "amount"));
        requirePositive(units, amount);
        return new Posting(account, amount.getCurrency(), Exact.negate(units));
    }

    /**
     * A posting of a signed amount.
     *
     * @param account the account
     * @param signedAmount positive for a debit, negative for a credit, never zero
     * @return the posting
     */
    public static Posting of(Account account, MonetaryAmount signedAmount) {
        long units = MinorUnits.toMinor(InvalidInputException.requireNonNull(signedAmount, "signedAmount"));
        return new Posting(account, signedAmount.getCurrency(), units);
    }

    static Posting ofMinor(Account account, CurrencyUnit currency, long minor) {
        return new Posting(account, currency, minor);
    }

    private static void requirePositive(long units, MonetaryAmount amount) {
        if (units <= 0) {
            throw new InvalidInputException("amount", amount, "must be positive");
        }
    }

    /**
     * The account.
     *
     * @return never {@code null}
     */
    public Account account() {
        return account;
    }

    /**
     * The currency.
     *
     * @return never {@code null}
     */
    public CurrencyUnit currency() {
        return currency;
    }

    /**
     * The signed amount: positive for a debit, negative for a credit.
     *
     * @return the amount, never zero
     */
    public MonetaryAmount amount() {
        return MinorUnits.toAmount(minor, currency);
    }

    /**
     * Whether this posting is a debit.
     *
     * @return {@code true} for a debit, {@code false} for a credit
     */
    public boolean isDebit() {
        return minor > 0;
    }

    long minor() {
        return minor;
    }

    /**
     * The same posting with its sign flipped, as used by a reversing entry.
     *
     * @return the opposite posting
     */
    public Posting negate() {
        return new Posting(account, currency, Exact.negate(minor));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Posting p && p.minor == minor && p.account.equals(account) && p.currency.equals(currency);
    }

    @Override
    public int hashCode() {
        return hashOf(account, currency, minor);
    }

    /** {@code Objects.hash(account, currency, minor)}, without the array: what {@link #hashCode()} returns. */
    static int hashOf(Account account, CurrencyUnit currency, long minor) {
        return 31 * (31 * (31 + account.hashCode()) + currency.hashCode()) + Long.hashCode(minor);
    }

    /** Renders as {@code escrow-held:o-1 +CNY 10.00}. */
    @Override
    public String toString() {
        return account.code() + " " + (minor > 0 ? "+" : "") + MinorUnits.toAmount(minor, currency);
    }
}
