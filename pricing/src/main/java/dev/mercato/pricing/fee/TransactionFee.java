package dev.mercato.pricing.fee;

import dev.mercato.pricing.commission.ChargeBase;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * The platform's transaction or service fee: charged once per order of one seller by a {@link
 * FeeFormula} (rate and/or fixed, minimum, maximum) on the sum of the lines' {@code base}, then
 * split across the lines in proportion to their bases. Always borne by the seller.
 *
 * @param id a name cited in explanations, e.g. {@code "service-fee"}
 * @param formula the rate, fixed part and bounds
 * @param base what the rate is charged on
 */
public record TransactionFee(String id, FeeFormula formula, ChargeBase base) {
    /** Validates the components. */
    public TransactionFee {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(formula, "formula");
        InvalidInputException.requireNonNull(base, "base");
    }
}
