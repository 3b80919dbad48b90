package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What one paid order earned and what its refunds took back, so that clawback is proportional
 * to the refunded share and never exceeds what the order earned. Immutable and thread-safe.
 *
 * @param orderId the order
 * @param paidMinor what the buyer paid, minor units, not negative
 * @param earned the points the order earned, not negative
 * @param refundedMinor what has been refunded so far, between 0 and {@code paidMinor}
 * @param clawed the points settled by clawback so far (taken or forgiven), between 0 and {@code earned}
 */
public record OrderEarning(String orderId, long paidMinor, long earned, long refundedMinor, long clawed) {

    /**
     * Validates the record.
     *
     * @throws InvalidInputException if a value is missing or out of range
     */
    public OrderEarning {
        InvalidInputException.requireNonNull(orderId, "orderId");
        if (paidMinor < 0 || earned < 0) {
            throw new InvalidInputException("earning", paidMinor + "/" + earned, "must not be negative");
        }
        if (refundedMinor < 0 || refundedMinor > paidMinor) {
            throw new InvalidInputException("refundedMinor", refundedMinor, "must be between 0 and " + paidMinor);
        }
        if (clawed < 0 || clawed > earned) {
            throw new InvalidInputException("clawed", clawed, "must be between 0 and " + earned);
        }
    }
}
