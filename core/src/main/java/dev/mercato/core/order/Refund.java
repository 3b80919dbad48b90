package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Money given back to the buyer for part of an order.
 *
 * @param caseId the after-sale case that led to it, or empty for a refund before shipment
 * @param lines what each line gave back
 * @param total the sum of the line amounts (plus shipping for a refund before shipment)
 * @param refundedAt when it was decided
 */
public record Refund(Optional<String> caseId, List<LineRefund> lines, MonetaryAmount total, Instant refundedAt) {
    /** Validates the fields. */
    public Refund {
        InvalidInputException.requireNonNull(caseId, "caseId");
        lines = List.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
        InvalidInputException.requireNonNull(total, "total");
        InvalidInputException.requireNonNull(refundedAt, "refundedAt");
    }

    /**
     * What one line gave back.
     *
     * @param lineNo the order line
     * @param units units settled by this refund (returned or compensated), not negative
     * @param amount the amount, not negative
     */
    public record LineRefund(int lineNo, long units, MonetaryAmount amount) {
        /** Validates the fields. */
        public LineRefund {
            InvalidInputException.requireNonNull(amount, "amount");
            if (units < 0 || amount.isNegative()) {
                throw new InvalidInputException("lineRefund", units + " / " + amount, "must not be negative");
            }
        }
    }
}
