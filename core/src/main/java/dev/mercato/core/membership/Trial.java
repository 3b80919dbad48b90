package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Optional;

/**
 * A free trial: benefits without a charge until {@code endsAt}, when the first fee is charged.
 *
 * @param terms the subscription terms
 * @param startedAt when the trial started
 * @param endsAt when it ends and the first charge is due
 */
public record Trial(SubscriptionTerms terms, Instant startedAt, Instant endsAt) implements Subscription {

    /**
     * Validates the state.
     *
     * @throws InvalidInputException if a value is missing or the trial does not end after it starts
     */
    public Trial {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(startedAt, "startedAt");
        InvalidInputException.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startedAt)) {
            throw new InvalidInputException("endsAt", endsAt, "must be after startedAt " + startedAt);
        }
    }

    @Override
    public boolean entitledAt(Instant at) {
        return !at.isBefore(startedAt) && at.isBefore(endsAt);
    }

    @Override
    public Optional<Instant> nextChargeAt() {
        return Optional.of(endsAt);
    }

    /**
     * The first fee was charged: the first paid period starts at the trial's end.
     *
     * @param paymentId the payment's transaction id
     * @return the active state
     */
    public Active charged(String paymentId) {
        return new Active(terms, 1, endsAt, terms.plan().period().end(endsAt), paymentId);
    }

    /**
     * The first charge failed: retry, or lapse when the plan allows a single attempt.
     *
     * @param at when it failed
     * @return the next state
     */
    public Subscription chargeFailed(Instant at) {
        return RenewalRetrying.afterFailure(terms, 1, 1, at);
    }

    /**
     * The member cancels during the trial: nothing was paid, nothing is refunded, benefits end now.
     *
     * @param at when
     * @return the cancelled state
     */
    public Cancelled cancel(Instant at) {
        return new Cancelled(terms, at, MinorUnits.toAmount(0, terms.plan().price().getCurrency()), at);
    }
}
