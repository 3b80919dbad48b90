package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;

/** What a subscription command did. */
public sealed interface SubscriptionResult {

    /**
     * The command took effect.
     *
     * @param subscription the state it left the subscription in
     */
    record Done(Subscription subscription) implements SubscriptionResult {
        /**
         * Validates the result.
         *
         * @throws InvalidInputException if the state is missing
         */
        public Done {
            InvalidInputException.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * The command was refused; nothing changed.
     *
     * @param reason why
     * @param detail a sentence naming the values involved
     */
    record Refused(SubscriptionRefusal reason, String detail) implements SubscriptionResult {
        /**
         * Validates the result.
         *
         * @throws InvalidInputException if a value is missing
         */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * The payment provider has not decided (pending, unknown, unreachable). Nothing changed here;
     * repeat the command with the same key: it replays the same payment transaction, so the
     * member is never charged twice.
     *
     * @param detail what the provider said
     */
    record PaymentUndecided(String detail) implements SubscriptionResult {
        /**
         * Validates the result.
         *
         * @throws InvalidInputException if the detail is missing
         */
        public PaymentUndecided {
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
