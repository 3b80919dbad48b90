package dev.mercato.pricing.promotion;

import javax.money.MonetaryAmount;

/**
 * A pre-sale line priced as two payments: a deposit now and the balance later. The deposit's
 * bonus (what it is worth beyond its cost) is already one of the line's discounts, so
 * {@code depositNow + balanceLater} equals the line's final amount.
 *
 * @param promotionId the pre-sale promotion
 * @param lineId the line
 * @param depositNow what the buyer pays now (at most the line's final amount)
 * @param balanceLater what the buyer pays later
 */
public record DepositSchedule(String promotionId, String lineId, MonetaryAmount depositNow,
        MonetaryAmount balanceLater) {}
