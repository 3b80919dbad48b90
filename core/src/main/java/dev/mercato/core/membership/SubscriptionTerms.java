package dev.mercato.core.membership;

import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.PlanTerms;

/**
 * What every state of one subscription shares: its id, the member, the plan as it was when the
 * member subscribed, and the payment source renewals are charged to. Immutable and thread-safe.
 *
 * @param subscriptionId the subscription, not blank
 * @param memberId the member, not blank
 * @param plan the plan terms
 * @param source what renewals are charged to
 */
public record SubscriptionTerms(String subscriptionId, String memberId, PlanTerms plan, PaymentSource source) {

    /**
     * Validates the terms.
     *
     * @throws InvalidInputException if a value is missing or an id blank
     */
    public SubscriptionTerms {
        InvalidInputException.requireNonNull(subscriptionId, "subscriptionId");
        InvalidInputException.requireNonNull(memberId, "memberId");
        if (subscriptionId.isBlank() || memberId.isBlank()) {
            throw new InvalidInputException("subscriptionId", subscriptionId + "/" + memberId, "ids must not be blank");
        }
        InvalidInputException.requireNonNull(plan, "plan");
        InvalidInputException.requireNonNull(source, "source");
    }
}
