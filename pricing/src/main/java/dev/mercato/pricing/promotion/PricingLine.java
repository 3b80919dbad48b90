package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * One line of a cart to price: a quantity of one SKU sold by one seller. The line is never
 * expanded per unit, so a quantity of 6000 costs the same to price as a quantity of 1.
 * Immutable and thread-safe.
 *
 * @param lineId the caller's id for the line, unique within a request; never blank
 * @param sku the stock-keeping unit; never blank
 * @param seller the seller (shop) id; never blank
 * @param categoryPath the category path from the root, e.g. {@code [drinks, tea]}; may be empty
 * @param quantity the number of units, at least 1
 * @param listUnitPrice the regular unit price, not negative
 * @param priceLevels other unit prices the product offers (member, new-user, ...); may be empty
 */
public record PricingLine(String lineId, String sku, String seller, List<String> categoryPath, long quantity,
        MonetaryAmount listUnitPrice, List<PriceLevel> priceLevels) {

    /**
     * Validates the line.
     *
     * @throws InvalidInputException if a value is missing or blank, the quantity is below 1 or
     *     the price is negative
     */
    public PricingLine {
        requireText(lineId, "line.lineId");
        requireText(sku, "line.sku");
        requireText(seller, "line.seller");
        categoryPath = List.copyOf(InvalidInputException.requireNonNull(categoryPath, "line.categoryPath"));
        if (quantity < 1) {
            throw new InvalidInputException("line.quantity", quantity, "must be at least 1 (line " + lineId + ")");
        }
        InvalidInputException.requireNonNull(listUnitPrice, "line.listUnitPrice");
        if (listUnitPrice.isNegative()) {
            throw new InvalidInputException("line.listUnitPrice", listUnitPrice, "must not be negative (line " + lineId + ")");
        }
        priceLevels = List.copyOf(InvalidInputException.requireNonNull(priceLevels, "line.priceLevels"));
    }

    /**
     * A line without price levels.
     *
     * @param lineId the line id
     * @param sku the SKU
     * @param seller the seller
     * @param categoryPath the category path
     * @param quantity the quantity
     * @param listUnitPrice the list unit price
     * @return the line
     */
    public static PricingLine of(String lineId, String sku, String seller, List<String> categoryPath, long quantity,
            MonetaryAmount listUnitPrice) {
        return new PricingLine(lineId, sku, seller, categoryPath, quantity, listUnitPrice, List.of());
    }

    /**
     * This line with extra price levels.
     *
     * @param levels the levels to add
     * @return a new line
     */
    public PricingLine withPriceLevels(PriceLevel... levels) {
        List<PriceLevel> all = new java.util.ArrayList<>(priceLevels);
        all.addAll(List.of(levels));
        return new PricingLine(lineId, sku, seller, categoryPath, quantity, listUnitPrice, all);
    }

    private static void requireText(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, value, "must not be blank");
        }
    }
}
