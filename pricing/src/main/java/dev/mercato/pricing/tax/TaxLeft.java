package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * The gross and tax of a line not refunded yet. A refund of part of the gross reverses the part
 * of the tax left in proportion, through {@link Allocation#allocate} over the gross left
 * ({@code [refunded, gross left - refunded]}): the parts of the tax reversed over several refunds
 * never exceed the tax charged, and refunding the whole gross left reverses exactly the tax left,
 * so a full refund, in one step or many, reverses exactly the tax charged. Immutable; store it
 * with the order between refunds.
 *
 * @param id the line id
 * @param grossLeft the gross not refunded yet, not negative
 * @param taxLeft the tax not reversed yet, not negative, at most {@code grossLeft}
 */
public record TaxLeft(String id, MonetaryAmount grossLeft, MonetaryAmount taxLeft) {

    /**
     * Validates the balance.
     *
     * @throws InvalidInputException if a value is missing, negative or the tax exceeds the gross
     */
    public TaxLeft {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(grossLeft, "grossLeft");
        InvalidInputException.requireNonNull(taxLeft, "taxLeft");
        MinorUnits.requireCurrency(taxLeft, grossLeft.getCurrency());
        if (grossLeft.isNegative() || taxLeft.isNegative() || taxLeft.isGreaterThan(grossLeft)) {
            throw new InvalidInputException("taxLeft", taxLeft, "must be between zero and the gross left " + grossLeft);
        }
    }

    /**
     * Refunds part of the gross left.
     *
     * @param gross the gross refunded now, positive, at most {@link #grossLeft()}
     * @return the tax reversed, the net refunded and what is left after
     * @throws InvalidInputException if the refund is not positive or exceeds the gross left
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if it is in another currency
     */
    public TaxReversal refund(MonetaryAmount gross) {
        InvalidInputException.requireNonNull(gross, "gross");
        long g = MinorUnits.toMinor(gross, grossLeft.getCurrency());
        long left = MinorUnits.toMinor(grossLeft);
        if (g <= 0 || g > left) {
            throw new InvalidInputException("gross", gross, "must be positive and at most the gross left " + grossLeft
                    + " of line " + id);
        }
        long tax = MinorUnits.toMinor(taxLeft);
        long reversed = Allocation.allocate(tax, new long[] {g, left - g})[0];
        return new TaxReversal(id, gross, MinorUnits.toAmount(reversed, gross.getCurrency()),
                MinorUnits.toAmount(g - reversed, gross.getCurrency()),
                new TaxLeft(id, MinorUnits.toAmount(left - g, gross.getCurrency()),
                        MinorUnits.toAmount(tax - reversed, gross.getCurrency())));
    }

    /**
     * One refund's effect on a line's tax.
     *
     * @param id the line id
     * @param gross the gross refunded
     * @param taxReversed the tax it reverses (debit tax payable)
     * @param netRefunded {@code gross - taxReversed}
     * @param after what is left to refund
     */
    public record TaxReversal(String id, MonetaryAmount gross, MonetaryAmount taxReversed, MonetaryAmount netRefunded,
            TaxLeft after) {}
}
