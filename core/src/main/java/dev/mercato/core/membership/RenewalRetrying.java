package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Optional;

/**
 * A renewal (or the first charge after a trial) failed and is retried; benefits continue while
 * retrying, as the big platforms do.
 *
 * @param terms the subscription terms
 * @param periodNumber the period the charge pays for
 * @param failedAttempts how many attempts failed so far, at least 1 and below the plan's limit
 * @param nextAttemptAt when the next attempt is due
 */
public record RenewalRetrying(SubscriptionTerms terms, long periodNumber, int failedAttempts, Instant nextAttemptAt)
        implements Subscription {

    /**
     * Validates the state.
     *
     * @throws InvalidInputException if a value is missing or the attempts are out of range
     */
    public RenewalRetrying {
        InvalidInputException.requireNonNull(terms, "terms");
        if (failedAttempts < 1 || failedAttempts >= terms.plan().renewalAttempts()) {
            throw new InvalidInputException("failedAttempts", failedAttempts,
                    "must be between 1 and " + (terms.plan().renewalAttempts() - 1));
        }
        InvalidInputException.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }

    static Subscription afterFailure(SubscriptionTerms terms, long periodNumber, int failedAttempts, Instant at) {
        if (failedAttempts >= terms.plan().renewalAttempts()) {
            return new Lapsed(terms, at, periodNumber);
        }
        return new RenewalRetrying(terms, periodNumber, failedAttempts, at.plus(terms.plan().retryInterval()));
    }

    @Override
    public boolean entitledAt(Instant at) {
        return at.isBefore(nextAttemptAt);
    }

    @Override
    public Optional<Instant> nextChargeAt() {
        return Optional.of(nextAttemptAt);
    }

    /**
     * A retry was charged: a new period starts now.
     *
     * @param at when
     * @param paymentId the payment's transaction id
     * @return the active state
     */
    public Active charged(Instant at, String paymentId) {
        return new Active(terms, periodNumber, at, terms.plan().period().end(at), paymentId);
    }

    /**
     * A retry failed: retry again, or lapse after the last attempt.
     *
     * @param at when
     * @return the next state
     */
    public Subscription attemptFailed(Instant at) {
        return afterFailure(terms, periodNumber, failedAttempts + 1, at);
    }

    /**
     * The member cancels while the charge is retried: nothing is due, nothing is refunded.
     *
     * @param at when
     * @return the cancelled state
     */
    public Cancelled cancel(Instant at) {
        return new Cancelled(terms, at, MinorUnits.toAmount(0, terms.plan().price().getCurrency()), at);
    }
}
