package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.RefundPolicy;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * A paid period is running.
 *
 * @param terms the subscription terms
 * @param periodNumber the period, 1 for the first paid one
 * @param periodStart when it started
 * @param periodEnd when it ends and the renewal is due
 * @param paymentId the transaction id of the payment for this period (refunds reference it)
 */
public record Active(SubscriptionTerms terms, long periodNumber, Instant periodStart, Instant periodEnd,
        String paymentId) implements Subscription {

    /**
     * Validates the state.
     *
     * @throws InvalidInputException if a value is missing or the period is empty
     */
    public Active {
        InvalidInputException.requireNonNull(terms, "terms");
        if (periodNumber < 1) {
            throw new InvalidInputException("periodNumber", periodNumber, "must be at least 1");
        }
        InvalidInputException.requireNonNull(periodStart, "periodStart");
        InvalidInputException.requireNonNull(periodEnd, "periodEnd");
        if (!periodEnd.isAfter(periodStart)) {
            throw new InvalidInputException("periodEnd", periodEnd, "must be after periodStart " + periodStart);
        }
        InvalidInputException.requireNonNull(paymentId, "paymentId");
    }

    @Override
    public boolean entitledAt(Instant at) {
        return !at.isBefore(periodStart) && at.isBefore(periodEnd);
    }

    @Override
    public Optional<Instant> nextChargeAt() {
        return Optional.of(periodEnd);
    }

    /**
     * The renewal was charged: the next period starts where this one ends.
     *
     * @param newPaymentId the renewal payment's transaction id
     * @return the next period
     */
    public Active renewed(String newPaymentId) {
        return new Active(terms, periodNumber + 1, periodEnd, terms.plan().period().end(periodEnd), newPaymentId);
    }

    /**
     * The renewal charge failed: retry, or lapse when the plan allows a single attempt.
     *
     * @param at when it failed
     * @return the next state
     */
    public Subscription renewalFailed(Instant at) {
        return RenewalRetrying.afterFailure(terms, periodNumber + 1, 1, at);
    }

    /**
     * What cancelling at {@code at} refunds under the plan's policy.
     *
     * @param at when
     * @return the refund, zero under {@link RefundPolicy#NONE}
     */
    public MonetaryAmount refundIfCancelledAt(Instant at) {
        return terms.plan().refundPolicy().refund(terms.plan().price(), periodStart, periodEnd, at);
    }

    /**
     * The member cancels. Under {@link RefundPolicy#NONE} benefits last to the period end;
     * under {@link RefundPolicy#PRO_RATA} the unused share is refunded and benefits end now.
     *
     * @param at when
     * @return the cancelled state, carrying the refund
     */
    public Cancelled cancel(Instant at) {
        boolean keepsPeriod = terms.plan().refundPolicy() == RefundPolicy.NONE;
        return new Cancelled(terms, at, refundIfCancelledAt(at), keepsPeriod ? periodEnd : at);
    }
}
