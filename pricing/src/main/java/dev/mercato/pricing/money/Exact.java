package dev.mercato.pricing.money;

/**
 * Checked {@code long} arithmetic for minor units that reports overflow as a {@link
 * MoneyOverflowException} naming the operands. Stateless and thread-safe.
 */
public final class Exact {
    private Exact() {}

    /**
     * {@code a + b}, exactly.
     *
     * @param a left operand
     * @param b right operand
     * @return the sum
     * @throws MoneyOverflowException if the sum does not fit in a {@code long}
     */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(a + " + " + b, e);
        }
    }

    /**
     * {@code a - b}, exactly.
     *
     * @param a left operand
     * @param b right operand
     * @return the difference
     * @throws MoneyOverflowException if the difference does not fit in a {@code long}
     */
    public static long subtract(long a, long b) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(a + " - " + b, e);
        }
    }

    /**
     * {@code a * b}, exactly.
     *
     * @param a left operand
     * @param b right operand
     * @return the product
     * @throws MoneyOverflowException if the product does not fit in a {@code long}
     */
    public static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException(a + " * " + b, e);
        }
    }

    /**
     * {@code -a}, exactly.
     *
     * @param a the operand
     * @return its negation
     * @throws MoneyOverflowException if {@code a} is {@link Long#MIN_VALUE}
     */
    public static long negate(long a) {
        try {
            return Math.negateExact(a);
        } catch (ArithmeticException e) {
            throw new MoneyOverflowException("-(" + a + ")", e);
        }
    }

    /**
     * The sum of all values, exactly.
     *
     * @param values the values
     * @return their sum
     * @throws MoneyOverflowException if a partial sum leaves the range of {@code long}
     */
    public static long sum(long... values) {
        long total = 0;
        for (long v : values) {
            total = add(total, v);
        }
        return total;
    }
}
