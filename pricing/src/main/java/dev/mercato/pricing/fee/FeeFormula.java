package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * A fee as a rate of a base plus a fixed amount, kept between a minimum and a maximum:
 * {@code clamp(round(rate * base) + fixed, minimum, maximum)}. The product is rounded once, then
 * the fixed part is added, then the bounds apply. A zero base pays nothing (no sale, no fee).
 *
 * <p>Immutable and thread-safe.
 *
 * @param rate the rate on the base; {@link Rate#ZERO} for a fixed fee
 * @param fixed the fixed part, never negative
 * @param minimum the least fee for a positive base, if any
 * @param maximum the most fee, if any
 */
public record FeeFormula(Rate rate, MonetaryAmount fixed, Optional<MonetaryAmount> minimum,
        Optional<MonetaryAmount> maximum) {

    /**
     * Validates the formula.
     *
     * @throws InvalidInputException if a part is missing or negative, the currencies differ, or
     *     the minimum exceeds the maximum
     */
    public FeeFormula {
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(fixed, "fixed");
        InvalidInputException.requireNonNull(minimum, "minimum");
        InvalidInputException.requireNonNull(maximum, "maximum");
        requireNonNegative(fixed, "fixed");
        minimum.ifPresent(m -> requireNonNegative(m, "minimum"));
        maximum.ifPresent(m -> requireNonNegative(m, "maximum"));
        minimum.ifPresent(m -> MinorUnits.requireCurrency(m, fixed.getCurrency()));
        maximum.ifPresent(m -> MinorUnits.requireCurrency(m, fixed.getCurrency()));
        if (minimum.isPresent() && maximum.isPresent() && minimum.get().isGreaterThan(maximum.get())) {
            throw new InvalidInputException("minimum", minimum.get(), "must not exceed the maximum " + maximum.get());
        }
    }

    /**
     * A rate and a fixed amount, without bounds.
     *
     * @param rate the rate
     * @param fixed the fixed part
     * @return the formula
     */
    public static FeeFormula of(Rate rate, MonetaryAmount fixed) {
        return new FeeFormula(rate, fixed, Optional.empty(), Optional.empty());
    }

    /**
     * This formula with a minimum.
     *
     * @param least the minimum fee
     * @return a copy with the minimum
     */
    public FeeFormula withMinimum(MonetaryAmount least) {
        return new FeeFormula(rate, fixed, Optional.of(least), maximum);
    }

    /**
     * This formula with a maximum.
     *
     * @param most the maximum fee
     * @return a copy with the maximum
     */
    public FeeFormula withMaximum(MonetaryAmount most) {
        return new FeeFormula(rate, fixed, minimum, Optional.of(most));
    }

    /**
     * Applies the formula to a base.
     *
     * @param base the base, not negative, in the formula's currency
     * @param rounding how the rate's product is rounded
     * @return the fee
     */
    public MonetaryAmount apply(MonetaryAmount base, RoundingPolicy rounding) {
        long minor = MinorUnits.toMinor(base, fixed.getCurrency());
        return MinorUnits.toAmount(applyToMinor(minor, rounding), fixed.getCurrency());
    }

    /**
     * Applies the formula to a base in minor units: the fast path.
     *
     * @param base the base in minor units, not negative
     * @param rounding how the rate's product is rounded
     * @return the fee in minor units
     */
    public long applyToMinor(long base, RoundingPolicy rounding) {
        if (base < 0) {
            throw new InvalidInputException("base", base, "must not be negative");
        }
        if (base == 0) {
            return 0;
        }
        long fee = Exact.add(rate.applyToMinor(base, rounding), MinorUnits.toMinor(fixed));
        if (minimum.isPresent()) {
            fee = Math.max(fee, MinorUnits.toMinor(minimum.get()));
        }
        if (maximum.isPresent()) {
            fee = Math.min(fee, MinorUnits.toMinor(maximum.get()));
        }
        return fee;
    }

    /** Renders as {@code 0.6% + CNY 0.00, min CNY 0.10, max CNY 50.00}. */
    @Override
    public String toString() {
        return rate + " + " + Amounts.show(fixed) + minimum.map(m -> ", min " + Amounts.show(m)).orElse("")
                + maximum.map(m -> ", max " + Amounts.show(m)).orElse("");
    }

    private static void requireNonNegative(MonetaryAmount amount, String field) {
        if (amount.isNegative()) {
            throw new InvalidInputException(field, amount, "must not be negative");
        }
    }
}
