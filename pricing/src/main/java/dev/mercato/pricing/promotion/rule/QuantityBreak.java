package dev.mercato.pricing.promotion.rule;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * One quantity break: from {@code minQuantity} units on, each unit costs {@code unitPrice}.
 *
 * @param minQuantity the smallest line quantity, at least 1
 * @param unitPrice the unit price from there on, not negative
 */
public record QuantityBreak(long minQuantity, MonetaryAmount unitPrice) {
    /**
     * Validates the break.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public QuantityBreak {
        Rules.requireAtLeast(minQuantity, 1, "minQuantity");
        Rules.requireNonNegative(unitPrice, "unitPrice");
    }
}
