package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * The cost of the goods on one line of a self-operated order, as known when the order was placed:
 * what the platform's own stock gives up when the line's sale becomes final (docs/escrow-and-ledger.md,
 * "Self-operated goods"). Immutable and thread-safe.
 *
 * @param lineId the line of the escrow's terms, not blank
 * @param cost the cost of all the line's units, not negative
 */
public record LineCost(String lineId, MonetaryAmount cost) {
    /**
     * Validates the cost.
     *
     * @throws InvalidInputException if the id is blank or the cost missing or negative
     */
    public LineCost {
        InvalidInputException.requireNonNull(lineId, "lineId");
        if (lineId.isBlank()) {
            throw new InvalidInputException("lineId", "\"" + lineId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(cost, "cost");
        if (MinorUnits.toMinor(cost) < 0) {
            throw new InvalidInputException("cost", cost, "must not be negative");
        }
    }
}
