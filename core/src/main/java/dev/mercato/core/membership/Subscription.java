package dev.mercato.core.membership;

import java.time.Instant;
import java.util.Optional;

/**
 * The lifecycle of one paid-plan subscription. Each state is a record; a transition is a method
 * on the state it leaves and returns the state it enters, so an illegal transition does not
 * compile. {@link Lapsed} and {@link Cancelled} are terminal: a member who comes back starts a
 * new subscription.
 *
 * <pre>
 * Trial --charged--> Active --renewed--> Active
 *   |                  |  \--charge failed--> RenewalRetrying --charged--> Active
 *   |                  |                        |  \--last attempt failed--> Lapsed
 *   \--failed------------------------------------/
 * Trial, Active, RenewalRetrying --cancel--> Cancelled
 * </pre>
 *
 * <p>States are immutable and thread-safe; they hold no clock: every transition takes its instant.
 */
public sealed interface Subscription permits Trial, Active, RenewalRetrying, Lapsed, Cancelled {

    /**
     * What every state shares.
     *
     * @return the terms
     */
    SubscriptionTerms terms();

    /**
     * Whether the member enjoys the plan's benefits at an instant.
     *
     * @param at the instant
     * @return {@code true} during a trial, a paid period, renewal retries and, after a
     *     no-refund cancellation, until the paid period ends
     */
    boolean entitledAt(Instant at);

    /**
     * When the subscription next needs the renewal runner: trial end, period end or next retry.
     *
     * @return the instant, empty for terminal states
     */
    Optional<Instant> nextChargeAt();

    /**
     * Whether no transition leaves this state.
     *
     * @return {@code true} for {@link Lapsed} and {@link Cancelled}
     */
    default boolean isTerminal() {
        return nextChargeAt().isEmpty();
    }
}
