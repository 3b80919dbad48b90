package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * The order's totals. {@code payable = merchandise + shipping - shippingDiscount}, where
 * {@code merchandise} is the sum of the line finals, and
 * {@code discounts + shippingDiscount = platformFunded + sellerFunded}.
 *
 * @param list the sum of the list amounts
 * @param priceLevelSavings list minus the sum of the starting amounts
 * @param discounts the sum of the line discounts
 * @param merchandise the sum of the line finals
 * @param shipping the sum of the shipping charges
 * @param shippingDiscount the sum of the shipping discounts
 * @param payable what the buyer pays in all
 * @param payableNow what the buyer pays now (payable minus pre-sale balances)
 * @param payableLater pre-sale balances paid later
 * @param platformFunded the platform's part of all discounts
 * @param sellerFunded the sellers' part of all discounts
 * @param giftValue the value of the free gifts
 */
public record Totals(MonetaryAmount list, MonetaryAmount priceLevelSavings, MonetaryAmount discounts,
        MonetaryAmount merchandise, MonetaryAmount shipping, MonetaryAmount shippingDiscount, MonetaryAmount payable,
        MonetaryAmount payableNow, MonetaryAmount payableLater, MonetaryAmount platformFunded,
        MonetaryAmount sellerFunded, MonetaryAmount giftValue) {}
