package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import javax.money.MonetaryAmount;

/**
 * The tax of one line or parcel: {@code net + tax == gross} exactly. In an inclusive region the
 * gross is the taxable base (what the buyer pays, plus the platform-funded discounts under
 * {@link DiscountBase#SELLER_FUNDED_ONLY}); in an exclusive region the net is the base and the
 * gross adds the tax. Record it on the order: refunds reverse it with {@link #left()}.
 *
 * @param id the line id
 * @param category the tax category
 * @param rate the rate applied (zero for untaxed shipping)
 * @param mode inclusive or exclusive
 * @param net the amount without tax
 * @param tax the tax, not negative
 * @param gross the amount with tax
 */
public record LineTax(String id, String category, Rate rate, TaxMode mode, MonetaryAmount net, MonetaryAmount tax,
        MonetaryAmount gross) {

    /**
     * Validates the line.
     *
     * @throws InvalidInputException if a value is missing, the tax negative or net + tax is not gross
     */
    public LineTax {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(category, "category");
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(mode, "mode");
        InvalidInputException.requireNonNull(net, "net");
        InvalidInputException.requireNonNull(tax, "tax");
        InvalidInputException.requireNonNull(gross, "gross");
        if (tax.isNegative()) {
            throw new InvalidInputException("tax", tax, "must not be negative");
        }
        if (MinorUnits.toMinor(net) + MinorUnits.toMinor(tax) != MinorUnits.toMinor(gross)) {
            throw new InvalidInputException("gross", gross, "must be net " + net + " plus tax " + tax);
        }
    }

    /**
     * What is left to refund on this line: all of it.
     *
     * @return the line's gross and tax, nothing refunded yet
     */
    public TaxLeft left() {
        return new TaxLeft(id, gross, tax);
    }
}
