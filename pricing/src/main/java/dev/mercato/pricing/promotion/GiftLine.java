package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * A free gift added by a promotion. It costs the buyer nothing and is not part of the totals
 * the buyer pays; its value is reported so that stock and funding can be booked.
 *
 * @param promotionId the promotion that added it
 * @param sku the gift's SKU
 * @param seller who ships it
 * @param quantity how many
 * @param value the total value of the gift
 */
public record GiftLine(String promotionId, String sku, String seller, long quantity, MonetaryAmount value) {}
