package dev.mercato.pricing.promotion;

import java.util.List;
import javax.money.MonetaryAmount;

/**
 * How one rounded discount was spread over lines: the weights are stored so that a later refund
 * prorates the same way, and the parts add up exactly to the amount.
 *
 * @param promotionId the promotion
 * @param amount the discount that was prorated
 * @param lineIds the lines it was spread over
 * @param weights the weight of each line (its running amount when the discount applied)
 * @param parts each line's part
 */
public record Proration(String promotionId, MonetaryAmount amount, List<String> lineIds, List<Long> weights,
        List<MonetaryAmount> parts) {}
