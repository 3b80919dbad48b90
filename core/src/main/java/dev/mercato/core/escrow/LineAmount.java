package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * What a refund by line gives back of one order line's goods (its shipping share is named apart,
 * in {@link EscrowCommand.RefundLines#shipping()}).
 *
 * @param lineId the line's id in the escrow's terms ({@code line-<lineNo>} for a facade order)
 * @param amount the amount, positive, in the escrow's currency
 */
public record LineAmount(String lineId, MonetaryAmount amount) {
    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if the line id is blank or the amount missing or not positive
     */
    public LineAmount {
        InvalidInputException.requireNonNull(lineId, "lineId");
        if (lineId.isBlank()) {
            throw new InvalidInputException("lineId", "\"" + lineId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new InvalidInputException("amount", amount, "must be positive");
        }
    }
}
