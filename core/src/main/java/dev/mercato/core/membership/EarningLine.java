package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * One line of a paid order as points earning sees it: what it is (SKU, seller, category path, so
 * a plan's eligible scope can be matched) and what the buyer paid for it. Immutable and
 * thread-safe.
 *
 * @param sku the SKU id
 * @param seller the seller
 * @param categoryPath the category path from the root down, possibly empty
 * @param paid what the buyer paid for the line, not negative
 */
public record EarningLine(String sku, String seller, List<String> categoryPath, MonetaryAmount paid) {

    /**
     * Validates and copies the line.
     *
     * @throws InvalidInputException if a value is missing or the amount negative
     */
    public EarningLine {
        InvalidInputException.requireNonNull(sku, "sku");
        InvalidInputException.requireNonNull(seller, "seller");
        categoryPath = List.copyOf(InvalidInputException.requireNonNull(categoryPath, "categoryPath"));
        InvalidInputException.requireNonNull(paid, "paid");
        if (paid.isNegative()) {
            throw new InvalidInputException("paid", paid, "must not be negative");
        }
    }
}
