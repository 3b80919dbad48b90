package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * An amount held as a {@code long} count of its currency's minor units: the fast
 * representation for hot paths. Public APIs take and return {@link MonetaryAmount}; convert
 * with {@link #of(MonetaryAmount)} and {@link #toMonetaryAmount()} at the edges.
 *
 * <p>All arithmetic is exact: a result outside the range of {@code long} throws {@link
 * MoneyOverflowException}, and mixing currencies throws {@link CurrencyMismatchException}.
 * Immutable and thread-safe.
 *
 * @param units the count of minor units, may be negative
 * @param currency the currency, never {@code null}
 */
public record MinorAmount(long units, CurrencyUnit currency) implements Comparable<MinorAmount> {

    /**
     * Validates the currency.
     *
     * @throws InvalidAmountException if the currency has no usable minor unit
     */
    public MinorAmount {
        InvalidInputException.requireNonNull(currency, "currency");
        MinorUnits.scale(currency);
    }

    /**
     * Converts an amount exactly.
     *
     * @param amount the amount
     * @return the same amount in minor units
     * @throws InvalidAmountException if it has more decimals than its currency allows
     */
    public static MinorAmount of(MonetaryAmount amount) {
        return new MinorAmount(MinorUnits.toMinor(amount), amount.getCurrency());
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return zero minor units
     */
    public static MinorAmount zero(CurrencyUnit currency) {
        return new MinorAmount(0, currency);
    }

    /**
     * Adds another amount of the same currency.
     *
     * @param other the amount to add
     * @return the exact sum
     */
    public MinorAmount plus(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Exact.add(units, other.units), currency);
    }

    /**
     * Subtracts another amount of the same currency.
     *
     * @param other the amount to subtract
     * @return the exact difference
     */
    public MinorAmount minus(MinorAmount other) {
        requireSameCurrency(other);
        return new MinorAmount(Exact.subtract(units, other.units), currency);
    }

    /**
     * Multiplies by a whole number, for example a quantity.
     *
     * @param factor the multiplier
     * @return the exact product
     */
    public MinorAmount times(long factor) {
        return new MinorAmount(Exact.multiply(units, factor), currency);
    }

    /**
     * The amount with its sign flipped.
     *
     * @return {@code -this}
     */
    public MinorAmount negate() {
        return new MinorAmount(Exact.negate(units), currency);
    }

    /**
     * Whether this amount is below zero.
     *
     * @return {@code true} if negative
     */
    public boolean isNegative() {
        return units < 0;
    }

    /**
     * Whether this amount is zero.
     *
     * @return {@code true} if zero
     */
    public boolean isZero() {
        return units == 0;
    }

    /**
     * Converts back to a {@link MonetaryAmount}.
     *
     * @return the amount as a Moneta {@code Money}
     */
    public MonetaryAmount toMonetaryAmount() {
        return MinorUnits.toAmount(units, currency);
    }

    /**
     * Orders amounts of one currency by value.
     *
     * @throws CurrencyMismatchException if the currencies differ
     */
    @Override
    public int compareTo(MinorAmount other) {
        requireSameCurrency(other);
        return Long.compare(units, other.units);
    }

    private void requireSameCurrency(MinorAmount other) {
        InvalidInputException.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    /** Renders as {@code CNY 99.99}. */
    @Override
    public String toString() {
        return MinorUnits.describe(toMonetaryAmount());
    }
}
