package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import java.util.Map;

/**
 * Payment channel fees: a rate per payment method on what the buyer paid (goods and shipping),
 * charged once per payment (the lines of one order and seller with one method) and split across
 * its lines in proportion to what each line's buyer paid.
 *
 * @param byMethod the rate for each payment method code, e.g. {@code "alipay" -> 0.6%}
 * @param otherMethods the rate for a method not listed
 * @param bearer who pays: the seller (passed through) or the platform (absorbed)
 */
public record PaymentFees(Map<String, Rate> byMethod, Rate otherMethods, Bearer bearer) {
    /** Validates the components. */
    public PaymentFees {
        InvalidInputException.requireNonNull(byMethod, "byMethod");
        byMethod = Map.copyOf(byMethod);
        InvalidInputException.requireNonNull(otherMethods, "otherMethods");
        InvalidInputException.requireNonNull(bearer, "bearer");
    }

    /**
     * The rate for a method.
     *
     * @param method the payment method code
     * @return its rate, or {@link #otherMethods()} if it is not listed
     */
    public Rate rateFor(String method) {
        return byMethod.getOrDefault(method, otherMethods);
    }
}
