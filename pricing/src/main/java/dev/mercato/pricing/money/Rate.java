package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.BigInteger;
import javax.money.MonetaryAmount;

/**
 * A rate between 0% and 100% inclusive, held as an exact decimal fraction (5% is {@code
 * 0.05}). Used for discounts, commissions, fees and revenue shares. No {@code double} is ever
 * involved: build rates from strings, {@link BigDecimal}s or basis points.
 *
 * <p>Equality is by value: {@code Rate.percent("5")} equals {@code Rate.fraction("0.050")}.
 * Immutable and thread-safe.
 *
 * @param fraction the rate as a fraction in [0, 1], normalised without trailing zeros
 */
public record Rate(BigDecimal fraction) implements Comparable<Rate> {

    /** 0%. */
    public static final Rate ZERO = new Rate(BigDecimal.ZERO);

    /** 100%. */
    public static final Rate ONE_HUNDRED_PERCENT = new Rate(BigDecimal.ONE);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_FAST_SCALE = 18;
    private static final long[] POWERS_OF_TEN = new long[MAX_FAST_SCALE + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_FAST_SCALE; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /**
     * Validates and normalises the fraction.
     *
     * @throws InvalidInputException if it is {@code null} or outside [0, 1]
     */
    public Rate {
        InvalidInputException.requireNonNull(fraction, "rate");
        if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException("rate", fraction.toPlainString(),
                    "must be a fraction between 0 and 1 (0% to 100%)");
        }
        fraction = fraction.signum() == 0 ? BigDecimal.ZERO : fraction.stripTrailingZeros();
        if (fraction.scale() < 0) {
            fraction = fraction.setScale(0);
        }
    }

    /**
     * A rate from a percentage written as text, e.g. {@code "12.5"} for 12.5%.
     *
     * @param percent the percentage, 0 to 100
     * @return the rate
     * @throws InvalidInputException if the text is not a number or is out of range
     */
    public static Rate percent(String percent) {
        return percent(parse(percent, "percent"));
    }

    /**
     * A rate from a percentage, e.g. {@code 12.5} for 12.5%.
     *
     * @param percent the percentage, 0 to 100
     * @return the rate
     */
    public static Rate percent(BigDecimal percent) {
        InvalidInputException.requireNonNull(percent, "percent");
        return new Rate(percent.movePointLeft(2));
    }

    /**
     * A rate from a whole percentage, e.g. {@code 5} for 5%.
     *
     * @param percent the percentage, 0 to 100
     * @return the rate
     */
    public static Rate percent(long percent) {
        return percent(BigDecimal.valueOf(percent));
    }

    /**
     * A rate from a fraction written as text, e.g. {@code "0.125"} for 12.5%.
     *
     * @param fraction the fraction, 0 to 1
     * @return the rate
     */
    public static Rate fraction(String fraction) {
        return new Rate(parse(fraction, "fraction"));
    }

    /**
     * A rate in basis points (hundredths of a percent): 60 is 0.6%.
     *
     * @param basisPoints 0 to 10000
     * @return the rate
     */
    public static Rate basisPoints(long basisPoints) {
        return new Rate(BigDecimal.valueOf(basisPoints, 4));
    }

    /**
     * This rate as a percentage: 0.125 gives 12.5.
     *
     * @return the percentage
     */
    public BigDecimal asPercent() {
        BigDecimal p = fraction.multiply(HUNDRED).stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    /**
     * 100% minus this rate.
     *
     * @return the complement
     */
    public Rate complement() {
        return new Rate(BigDecimal.ONE.subtract(fraction));
    }

    /**
     * Whether this rate is 0%.
     *
     * @return {@code true} for 0%
     */
    public boolean isZero() {
        return fraction.signum() == 0;
    }

    /**
     * Applies the rate to an amount and rounds once to the currency's minor unit.
     *
     * @param amount the base amount (may be negative)
     * @param rounding how to round the exact product
     * @return {@code amount * rate}, rounded
     */
    public MonetaryAmount applyTo(MonetaryAmount amount, RoundingPolicy rounding) {
        InvalidInputException.requireNonNull(amount, "amount");
        long minor = MinorUnits.toMinor(amount);
        return MinorUnits.toAmount(applyToMinor(minor, rounding), amount.getCurrency());
    }

    /**
     * Applies the rate to a count of minor units and rounds once: the fast path.
     *
     * @param minorUnits the base in minor units
     * @param rounding how to round the exact product
     * @return {@code minorUnits * rate}, rounded to a whole count
     */
    public long applyToMinor(long minorUnits, RoundingPolicy rounding) {
        InvalidInputException.requireNonNull(rounding, "rounding");
        int scale = fraction.scale();
        BigInteger unscaled = fraction.unscaledValue();
        if (scale <= MAX_FAST_SCALE && unscaled.bitLength() < Long.SIZE - 1) {
            long u = unscaled.longValue();
            long high = Math.multiplyHigh(minorUnits, u);
            long low = minorUnits * u;
            if ((high == 0 && low >= 0) || (high == -1 && low < 0)) {
                return rounding.divide(low, POWERS_OF_TEN[scale]);
            }
        }
        return rounding.roundToMinor(BigDecimal.valueOf(minorUnits).multiply(fraction));
    }

    @Override
    public int compareTo(Rate other) {
        return fraction.compareTo(other.fraction);
    }

    /** Renders as a percentage, e.g. {@code 12.5%}. */
    @Override
    public String toString() {
        return asPercent().toPlainString() + "%";
    }

    private static BigDecimal parse(String text, String field) {
        InvalidInputException.requireNonNull(text, field);
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, text, "is not a decimal number");
        }
    }
}
