package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Terminal: the member cancelled. Nothing renews.
 *
 * @param terms the subscription terms
 * @param at when the member cancelled
 * @param refund what was refunded, zero when nothing
 * @param benefitsUntil when benefits end: the period end under a no-refund policy, else {@code at}
 */
public record Cancelled(SubscriptionTerms terms, Instant at, MonetaryAmount refund, Instant benefitsUntil)
        implements Subscription {

    /**
     * Validates the state.
     *
     * @throws InvalidInputException if a value is missing or the refund negative
     */
    public Cancelled {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(at, "at");
        InvalidInputException.requireNonNull(refund, "refund");
        if (refund.isNegative()) {
            throw new InvalidInputException("refund", refund, "must not be negative");
        }
        InvalidInputException.requireNonNull(benefitsUntil, "benefitsUntil");
    }

    @Override
    public boolean entitledAt(Instant instant) {
        return instant.isBefore(benefitsUntil);
    }

    @Override
    public Optional<Instant> nextChargeAt() {
        return Optional.empty();
    }
}
