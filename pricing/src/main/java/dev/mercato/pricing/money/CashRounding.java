package dev.mercato.pricing.money;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * Rounds a payable total to a cash increment: CHF 0.05 (the Swiss five-rappen rule), CNY 0.10
 * where a platform rounds to the jiao, or any whole number of minor units. The result keeps the
 * difference as its own amount ({@link CashAdjustment#adjustment()}): it belongs to no line, no
 * seller and no discount, so no split (proration, commission, settlement, refund) ever sees it;
 * the host records it as a separate line (for example a rounding account in the ledger).
 * Immutable and thread-safe.
 *
 * @param increment the cash increment, positive and exact in its currency's minor unit
 * @param rounding how a total between two multiples is rounded (HALF_UP by default: to the
 *     nearest multiple, halves up)
 */
public record CashRounding(MonetaryAmount increment, RoundingPolicy rounding) {

    /**
     * Validates the rounding.
     *
     * @throws InvalidInputException if a value is missing or the increment not positive
     * @throws InvalidAmountException if the increment has more decimals than its currency allows
     */
    public CashRounding {
        InvalidInputException.requireNonNull(increment, "increment");
        InvalidInputException.requireNonNull(rounding, "rounding");
        if (MinorUnits.toMinor(increment) <= 0) {
            throw new InvalidInputException("increment", increment, "must be positive");
        }
    }

    /**
     * Rounding to the nearest multiple of {@code increment}, halves up.
     *
     * @param increment the cash increment
     * @return the rounding
     */
    public static CashRounding to(MonetaryAmount increment) {
        return new CashRounding(increment, RoundingPolicy.HALF_UP);
    }

    /**
     * Rounds an amount to the increment.
     *
     * @param total the amount to round, in the increment's currency
     * @return the exact total, the rounded total and their difference
     * @throws CurrencyMismatchException if the currencies differ
     * @throws MoneyOverflowException if the rounded total does not fit in minor units
     */
    public CashAdjustment round(MonetaryAmount total) {
        InvalidInputException.requireNonNull(total, "total");
        long step = MinorUnits.toMinor(increment);
        long exact = MinorUnits.toMinor(total, increment.getCurrency());
        long rounded = Exact.multiply(rounding.divide(exact, step), step);
        return new CashAdjustment(total, MinorUnits.toAmount(rounded, total.getCurrency()),
                MinorUnits.toAmount(Exact.subtract(rounded, exact), total.getCurrency()));
    }

    /**
     * A total rounded to a cash increment.
     *
     * @param exact the total before rounding
     * @param rounded what the buyer pays in cash
     * @param adjustment {@code rounded - exact}: positive when rounded up, negative when down,
     *     never more than half an increment away from zero with a half-way rounding mode
     */
    public record CashAdjustment(MonetaryAmount exact, MonetaryAmount rounded, MonetaryAmount adjustment) {
        /**
         * Validates the amounts.
         *
         * @throws InvalidInputException if one is missing
         */
        public CashAdjustment {
            InvalidInputException.requireNonNull(exact, "exact");
            InvalidInputException.requireNonNull(rounded, "rounded");
            InvalidInputException.requireNonNull(adjustment, "adjustment");
        }
    }
}
