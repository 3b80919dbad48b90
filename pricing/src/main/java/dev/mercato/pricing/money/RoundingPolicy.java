package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import javax.money.MonetaryAmount;
import javax.money.MonetaryOperator;
import org.javamoney.moneta.Money;

/**
 * How an exact result is rounded to a currency's minor unit (0.01 CNY, 1 JPY, 0.001 BHD).
 *
 * <p>Mercato rounds once, at named points (a discount, a commission, a fee), never in the
 * middle of a computation. Each use is handed its policy explicitly. The default, {@link
 * #HALF_UP}, is the rounding retail in China expects: 0.005 rounds to 0.01 and -0.005 to
 * -0.01. {@link RoundingMode#UNNECESSARY} turns an inexact result into an {@link
 * InvalidAmountException}.
 *
 * <p>Usable as a {@link MonetaryOperator}: {@code amount.with(RoundingPolicy.HALF_UP)}.
 * Immutable and thread-safe.
 *
 * @param mode the rounding mode, never {@code null}
 */
public record RoundingPolicy(RoundingMode mode) implements MonetaryOperator {

    /** Half away from zero: the retail default. */
    public static final RoundingPolicy HALF_UP = new RoundingPolicy(RoundingMode.HALF_UP);

    /** Half to even (banker's rounding), for ledgers that require it. */
    public static final RoundingPolicy HALF_EVEN = new RoundingPolicy(RoundingMode.HALF_EVEN);

    /** Toward zero: never gives away a fraction of a minor unit. */
    public static final RoundingPolicy DOWN = new RoundingPolicy(RoundingMode.DOWN);

    /**
     * Validates the mode.
     *
     * @throws InvalidInputException if {@code mode} is {@code null}
     */
    public RoundingPolicy {
        InvalidInputException.requireNonNull(mode, "mode");
    }

    /**
     * A policy for the given mode.
     *
     * @param mode the rounding mode
     * @return the policy
     */
    public static RoundingPolicy of(RoundingMode mode) {
        return new RoundingPolicy(mode);
    }

    /**
     * Rounds an amount to its currency's minor unit.
     *
     * @param amount any amount, possibly with more decimals than the currency has
     * @return the rounded amount as a Moneta {@code Money}
     * @throws InvalidAmountException if the mode is {@code UNNECESSARY} and rounding is needed
     */
    @Override
    public MonetaryAmount apply(MonetaryAmount amount) {
        InvalidInputException.requireNonNull(amount, "amount");
        int scale = MinorUnits.scale(amount.getCurrency());
        BigDecimal exact = amount.getNumber().numberValue(BigDecimal.class);
        return Money.of(round(exact, scale, amount), amount.getCurrency());
    }

    /**
     * Rounds an exact count of minor units (for example 1234.5 fen) to a whole count.
     *
     * @param exactMinorUnits the exact value in minor units
     * @return the rounded count
     * @throws MoneyOverflowException if the result does not fit in a {@code long}
     */
    public long roundToMinor(BigDecimal exactMinorUnits) {
        InvalidInputException.requireNonNull(exactMinorUnits, "exactMinorUnits");
        BigDecimal rounded = round(exactMinorUnits, 0, exactMinorUnits);
        try {
            return rounded.longValueExact();
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("rounding " + exactMinorUnits.toPlainString(), e);
        }
    }

    /**
     * Divides two whole numbers and rounds the quotient with this policy, exactly and without
     * {@code BigDecimal}: the fast path for rates and prorations in minor units.
     *
     * @param dividend the numerator, e.g. minor units times a rate's unscaled value
     * @param divisor the denominator, not zero
     * @return the rounded quotient
     * @throws InvalidInputException if {@code divisor} is zero
     * @throws InvalidAmountException if the mode is {@code UNNECESSARY} and the division is inexact
     * @throws MoneyOverflowException if the quotient does not fit in a {@code long}
     */
    public long divide(long dividend, long divisor) {
        if (divisor == 0) {
            throw new InvalidInputException("divisor", 0, "must not be zero");
        }
        if (divisor == Long.MIN_VALUE) {
            return roundToMinor(BigDecimal.valueOf(dividend).divide(BigDecimal.valueOf(divisor)));
        }
        if (dividend == Long.MIN_VALUE && divisor == -1) {
            // The one quotient of two longs that does not fit in a long: Java would wrap it.
            throw new MoneyOverflowException(dividend + " / " + divisor, null);
        }
        long quotient = dividend / divisor;
        long remainder = dividend % divisor;
        if (remainder == 0) {
            return quotient;
        }
        int sign = (dividend < 0) == (divisor < 0) ? 1 : -1;
        long absRemainder = Math.abs(remainder);
        long absDivisor = Math.abs(divisor);
        // Compare the remainder with half the divisor without overflowing: r > d/2  <=>  r > d - r.
        int half = Long.compare(absRemainder, absDivisor - absRemainder);
        boolean awayFromZero = switch (mode) {
            case UP -> true;
            case DOWN -> false;
            case CEILING -> sign > 0;
            case FLOOR -> sign < 0;
            case HALF_UP -> half >= 0;
            case HALF_DOWN -> half > 0;
            case HALF_EVEN -> half > 0 || (half == 0 && (quotient & 1) != 0);
            case UNNECESSARY -> throw new InvalidAmountException(dividend + " / " + divisor,
                    "is not a whole number of minor units and rounding mode is UNNECESSARY");
        };
        return awayFromZero ? quotient + sign : quotient;
    }

    private BigDecimal round(BigDecimal exact, int scale, Object shown) {
        try {
            return exact.setScale(scale, mode);
        } catch (ArithmeticException e) {
            throw new InvalidAmountException(String.valueOf(shown),
                    "needs rounding to " + scale + " decimals but rounding mode is UNNECESSARY");
        }
    }
}
