package dev.mercato.payments;

import java.time.Instant;
import java.util.Objects;

/**
 * One verified fact from a provider notification: the outcome of an operation at a point in
 * time. Providers may deliver the same event several times and in any order; the caller
 * de-duplicates by {@link #eventId()} and folds outcomes with
 * {@link PaymentOutcome#latest(PaymentOutcome, PaymentOutcome)}.
 *
 * <p>Immutable.
 *
 * @param eventId the provider's id of this event, the same on every redelivery, never {@code null} or blank
 * @param operation the kind of operation the transaction id was used for, never {@code null}
 * @param outcome the outcome reported, never {@code null}
 * @param occurredAt when the provider recorded the outcome, by the provider's clock, never {@code null}
 */
public record PaymentEvent(String eventId, Operation operation, PaymentOutcome outcome, Instant occurredAt) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     * @throws IllegalStateException if the event id is blank
     */
    public PaymentEvent {
        Requests.requireNonBlank(eventId, "eventId");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /**
     * The operation the event is about.
     *
     * @return the outcome's transaction id
     */
    public TransactionId transactionId() {
        return outcome.transactionId();
    }
}
