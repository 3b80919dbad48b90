package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * What a member gets back when cancelling a paid plan in the middle of a paid period.
 *
 * <p>{@link #NONE}: nothing is refunded and benefits last until the period ends (Prime-style
 * "cancel renewal"). {@link #PRO_RATA}: the unused share of the fee, by seconds left in the
 * period, is refunded through {@link Allocation} (the refund and the kept part add up exactly
 * to the fee) and benefits end at once. Cancelling a trial never refunds: nothing was paid.
 */
public enum RefundPolicy {
    /** No refund; benefits run to the end of the paid period. */
    NONE,
    /** The unused share of the fee comes back; benefits end at cancellation. */
    PRO_RATA;

    /**
     * The refund for cancelling at {@code at} a period that cost {@code fee}.
     *
     * @param fee what the period cost
     * @param periodStart the period start
     * @param periodEnd the period end, after the start
     * @param at the cancellation instant; clamped into the period
     * @return the refund, in the fee's currency, between zero and the fee
     */
    public MonetaryAmount refund(MonetaryAmount fee, Instant periodStart, Instant periodEnd, Instant at) {
        InvalidInputException.requireNonNull(fee, "fee");
        InvalidInputException.requireNonNull(periodStart, "periodStart");
        InvalidInputException.requireNonNull(periodEnd, "periodEnd");
        InvalidInputException.requireNonNull(at, "at");
        if (!periodEnd.isAfter(periodStart)) {
            throw new InvalidInputException("periodEnd", periodEnd, "must be after the period start " + periodStart);
        }
        if (this == NONE) {
            return MinorUnits.toAmount(0, fee.getCurrency());
        }
        Instant clamped = at.isBefore(periodStart) ? periodStart : at.isAfter(periodEnd) ? periodEnd : at;
        long unused = Duration.between(clamped, periodEnd).getSeconds();
        long used = Duration.between(periodStart, clamped).getSeconds();
        if (unused + used == 0) {
            return MinorUnits.toAmount(0, fee.getCurrency());
        }
        return Allocation.byWeights(fee, unused, used).get(0);
    }
}
