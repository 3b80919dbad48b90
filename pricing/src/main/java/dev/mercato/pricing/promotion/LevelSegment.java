package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * Some units of a line at one price level. A line usually has one segment; a flash sale with a
 * cap splits it (say 1 unit at the flash price, 2 at the member price).
 *
 * @param level {@code "list"}, a {@link PriceLevel#name()}, or the id of a price-level promotion
 * @param units how many units
 * @param unitPrice the unit price at that level
 */
public record LevelSegment(String level, long units, MonetaryAmount unitPrice) {
    /** The level name of the list price. */
    public static final String LIST = "list";
}
