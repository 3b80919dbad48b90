package dev.mercato.pricing.tax;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * A line (or a parcel's shipping) to tax.
 *
 * @param id the line id (for shipping, by convention {@code "shipping:<seller>"})
 * @param category the tax category
 * @param amount what the buyer pays for it after every discount: gross in an inclusive region,
 *     net in an exclusive one; not negative
 * @param platformFunded the platform-funded part of its discounts, not negative (added back to
 *     the base under {@link DiscountBase#SELLER_FUNDED_ONLY})
 */
public record TaxLine(String id, String category, MonetaryAmount amount, MonetaryAmount platformFunded) {

    /**
     * Validates the line.
     *
     * @throws InvalidInputException if a value is missing or an amount negative
     */
    public TaxLine {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(category, "category");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(platformFunded, "platformFunded");
        if (amount.isNegative() || platformFunded.isNegative()) {
            throw new InvalidInputException("amount", amount, "must not be negative (line " + id + ")");
        }
    }
}
