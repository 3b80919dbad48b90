package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * Terminal: every attempt to charge for a period failed, so the membership ended.
 *
 * @param terms the subscription terms
 * @param at when the last attempt failed
 * @param unpaidPeriod the period that could not be charged
 */
public record Lapsed(SubscriptionTerms terms, Instant at, long unpaidPeriod) implements Subscription {

    /**
     * Validates the state.
     *
     * @throws InvalidInputException if a value is missing
     */
    public Lapsed {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(at, "at");
    }

    @Override
    public boolean entitledAt(Instant instant) {
        return false;
    }

    @Override
    public Optional<Instant> nextChargeAt() {
        return Optional.empty();
    }
}
