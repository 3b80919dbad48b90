package dev.mercato.storage.postgres;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * One domain event from the outbox, as the relay hands it to a consumer.
 *
 * @param id the outbox id: unique, increasing in commit-recording order; a consumer that may see
 *     a message twice deduplicates by it
 * @param eventClass the event's class name, the type tag a broker topic can route on
 * @param payload the event's JSON document, as stored
 * @param event the decoded event
 * @param recordedAt when the transaction that recorded it wrote it, by the database clock
 */
public record OutboxMessage(long id, String eventClass, String payload, DomainEvent event, Instant recordedAt) {
    /** Validates the fields. */
    public OutboxMessage {
        InvalidInputException.requireNonNull(eventClass, "eventClass");
        InvalidInputException.requireNonNull(payload, "payload");
        InvalidInputException.requireNonNull(event, "event");
        InvalidInputException.requireNonNull(recordedAt, "recordedAt");
    }
}
