package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeKind;
import javax.money.MonetaryAmount;

/**
 * One line's part of an order-level fee.
 *
 * @param kind which fee
 * @param id the fee rule or payment method it comes from
 * @param bearer who pays it; only seller-borne fees reduce the seller net
 * @param amount the line's part, never negative; in a reversal, the part taken back
 * @param explanation how the order-level fee was computed
 */
public record LineFee(FeeKind kind, String id, Bearer bearer, MonetaryAmount amount, String explanation) {
    /** Validates the components. */
    public LineFee {
        InvalidInputException.requireNonNull(kind, "kind");
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(bearer, "bearer");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(explanation, "explanation");
    }
}
