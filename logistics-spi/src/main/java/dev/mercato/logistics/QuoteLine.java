package dev.mercato.logistics;

import javax.money.MonetaryAmount;

/**
 * One itemized charge of a {@link Quote}. Immutable and thread-safe.
 *
 * @param kind what the line charges for, never {@code null}
 * @param amount the charge, zero or positive, never {@code null}
 */
public record QuoteLine(ChargeKind kind, MonetaryAmount amount) {

    /**
     * Validates the line.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null} or the amount is negative
     */
    public QuoteLine {
        InvalidLogisticsInputException.requireNonNull(kind, "kind");
        InvalidLogisticsInputException.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new InvalidLogisticsInputException("amount", amount, "must not be negative");
        }
    }
}
