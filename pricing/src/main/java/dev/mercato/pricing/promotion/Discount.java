package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * One promotion's discount on one line (or one seller's shipping), and who funds it:
 * {@code platformFunded + sellerFunded == amount}.
 *
 * @param promotionId the promotion
 * @param lane the lane it applied in
 * @param amount the discount, positive
 * @param platformFunded the platform's part
 * @param sellerFunded the seller's part
 */
public record Discount(String promotionId, Lane lane, MonetaryAmount amount, MonetaryAmount platformFunded,
        MonetaryAmount sellerFunded) {}
