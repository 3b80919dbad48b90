package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * A seller whose goods in a cart do not reach its minimum order amount (起订金额): what is
 * compared is the sum of the seller's lines' payable amounts, after every line discount (price
 * levels, promotions, coupons, whoever funds them) and before shipping (docs/core.md, "Order
 * quantities and minimums"). Immutable.
 *
 * @param sellerId the seller
 * @param minimum the seller's minimum order amount, positive
 * @param amount the seller's goods in the cart as compared, in the minimum's currency, below it
 */
public record SellerMinimumShortfall(String sellerId, MonetaryAmount minimum, MonetaryAmount amount) {
    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if a field is missing
     * @throws InvalidAmountException if the amount is not below the minimum
     * @throws dev.mercato.pricing.money.CurrencyMismatchException if the currencies differ
     */
    public SellerMinimumShortfall {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(minimum, "minimum");
        InvalidInputException.requireNonNull(amount, "amount");
        if (MinorUnits.toMinor(amount, minimum.getCurrency()) >= MinorUnits.toMinor(minimum)) {
            throw new InvalidAmountException("amount " + amount, "must be below the minimum " + minimum);
        }
    }

    /**
     * What the seller's goods lack to reach the minimum.
     *
     * @return {@code minimum - amount}, positive
     */
    public MonetaryAmount missing() {
        return MinorUnits.toAmount(MinorUnits.toMinor(minimum) - MinorUnits.toMinor(amount, minimum.getCurrency()),
                minimum.getCurrency());
    }

    /**
     * The shortfall in words, for a person.
     *
     * @return e.g. {@code seller potter takes orders from CNY 500.00 (after discounts, before
     *     shipping); the cart holds CNY 499.99 of its goods, CNY 0.01 short}
     */
    public String describe() {
        return "seller " + sellerId + " takes orders from " + format(minimum) + " (after discounts, before shipping);"
                + " the cart holds " + format(amount) + " of its goods, " + format(missing()) + " short";
    }

    private static String format(MonetaryAmount value) {
        return MinorUnits.format(MinorUnits.toMinor(value), value.getCurrency());
    }
}
