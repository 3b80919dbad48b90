package dev.mercato.pricing.promotion;

import java.util.List;
import javax.money.MonetaryAmount;

/**
 * A priced line: {@code finalAmount = startingAmount - sum(discounts)}, never below zero.
 *
 * @param lineId the caller's line id
 * @param sku the SKU
 * @param seller the seller
 * @param quantity the quantity
 * @param listAmount list unit price times quantity
 * @param priceLevels the price levels the units were priced at (units add up to the quantity)
 * @param startingAmount the amount after price levels: what the promotion lanes start from
 * @param discounts each promotion's discount on this line, in the order applied
 * @param finalAmount what the buyer pays for the line
 */
public record LineResult(String lineId, String sku, String seller, long quantity, MonetaryAmount listAmount,
        List<LevelSegment> priceLevels, MonetaryAmount startingAmount, List<Discount> discounts,
        MonetaryAmount finalAmount) {}
