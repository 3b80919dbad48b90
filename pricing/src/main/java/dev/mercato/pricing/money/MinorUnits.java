package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * Conversion between {@link MonetaryAmount} and a {@code long} count of the currency's minor
 * units (cents, fen, fils; yen have none, so one yen is one unit).
 *
 * <p>Hot paths compute in minor units and convert at the edges. Conversions are lossless: an
 * amount with more decimals than its currency allows is rejected, never rounded silently,
 * and an amount outside the range of {@code long} is rejected, never wrapped.
 *
 * <p>The scale of a currency is its {@linkplain CurrencyUnit#getDefaultFractionDigits()
 * default fraction digits}: JPY 0, CNY and USD 2, BHD and KWD 3. Currencies without a minor
 * unit (metals, test codes, fraction digits {@code -1}) are refused. Stateless and thread-safe.
 */
public final class MinorUnits {
    /** The largest scale Mercato handles; ISO 4217 currencies use at most 4 (CLF). */
    private static final int MAX_SCALE = 8;

    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
    };

    private MinorUnits() {}

    /**
     * The number of decimals of a currency's minor unit.
     *
     * @param currency the currency
     * @return 0 for JPY, 2 for CNY, 3 for BHD
     * @throws InvalidAmountException if the currency has no minor unit Mercato can use
     */
    public static int scale(CurrencyUnit currency) {
        InvalidInputException.requireNonNull(currency, "currency");
        int digits = currency.getDefaultFractionDigits();
        if (digits < 0 || digits > MAX_SCALE) {
            throw new InvalidAmountException(currency.getCurrencyCode(),
                    "currency has no usable minor unit (fraction digits " + digits + ")");
        }
        return digits;
    }

    /**
     * How many minor units make one major unit: 1 for JPY, 100 for CNY, 1000 for BHD.
     *
     * @param currency the currency
     * @return a power of ten
     */
    public static long unitsPerMajor(CurrencyUnit currency) {
        return POWERS_OF_TEN[scale(currency)];
    }

    /**
     * Converts an amount to minor units, exactly.
     *
     * @param amount the amount, for example CNY 99.99
     * @return its minor units, for example 9999
     * @throws InvalidAmountException if the amount has more decimals than its currency allows
     * @throws MoneyOverflowException if the amount does not fit in a {@code long}
     */
    public static long toMinor(MonetaryAmount amount) {
        InvalidInputException.requireNonNull(amount, "amount");
        int scale = scale(amount.getCurrency());
        BigDecimal value = amount.getNumber().numberValue(BigDecimal.class);
        if (value.signum() == 0) {
            return 0;
        }
        BigDecimal shifted = value.movePointRight(scale);
        // Only a value with more decimals than the currency needs the (costly) trailing-zero check:
        // 5.000 CNY is 500 fen, 5.001 CNY is refused.
        if (shifted.scale() > 0 && shifted.stripTrailingZeros().scale() > 0) {
            throw new InvalidAmountException(describe(amount),
                    "has more decimals than " + amount.getCurrency().getCurrencyCode()
                            + " allows (" + scale + ")");
        }
        try {
            return shifted.setScale(0).longValueExact();
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("conversion of " + describe(amount) + " to minor units", e);
        }
    }

    /**
     * Converts an amount to minor units, checking its currency first.
     *
     * @param amount the amount
     * @param expected the currency it must have
     * @return its minor units
     * @throws CurrencyMismatchException if the amount is in another currency
     */
    public static long toMinor(MonetaryAmount amount, CurrencyUnit expected) {
        requireCurrency(amount, expected);
        return toMinor(amount);
    }

    /**
     * Converts minor units back to an amount.
     *
     * @param minorUnits the count of minor units, for example 9999
     * @param currency the currency, for example CNY
     * @return the amount, for example CNY 99.99, as a Moneta {@link Money}
     */
    public static MonetaryAmount toAmount(long minorUnits, CurrencyUnit currency) {
        return Money.of(BigDecimal.valueOf(minorUnits, scale(currency)), currency);
    }

    /**
     * Checks that an amount is in the expected currency.
     *
     * @param amount the amount
     * @param expected the currency it must have
     * @throws CurrencyMismatchException if it does not
     */
    public static void requireCurrency(MonetaryAmount amount, CurrencyUnit expected) {
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(expected, "currency");
        if (!amount.getCurrency().equals(expected)) {
            throw new CurrencyMismatchException(expected, amount.getCurrency());
        }
    }

    /**
     * Ten to the given power, for scales 0 to 8.
     *
     * @param exponent 0 to 8
     * @return 10^exponent
     */
    static long powerOfTen(int exponent) {
        return POWERS_OF_TEN[exponent];
    }

    /**
     * Renders minor units with the currency's full scale, for messages and explanations:
     * {@code format(500, CNY)} is {@code "CNY 5.00"}, {@code format(7, JPY)} is {@code "JPY 7"}.
     *
     * @param minorUnits the count of minor units
     * @param currency the currency
     * @return the currency code, a space and the amount in plain notation
     */
    public static String format(long minorUnits, CurrencyUnit currency) {
        return currency.getCurrencyCode() + " " + BigDecimal.valueOf(minorUnits, scale(currency)).toPlainString();
    }

    static String describe(MonetaryAmount amount) {
        return amount.getCurrency().getCurrencyCode() + " "
                + amount.getNumber().numberValue(BigDecimal.class).toPlainString();
    }
}
