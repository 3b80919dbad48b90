package dev.mercato.core.event;

import java.time.Instant;

/**
 * Something that happened to an aggregate and was committed: an order placed, paid, shipped.
 * Events are immutable records; they are handed to an {@link EventPublisher} only after the
 * unit of work that recorded them committed, never for a rolled-back or conflicting one.
 */
public interface DomainEvent {
    /**
     * When it happened, read from the injected clock.
     *
     * @return the instant, never {@code null}
     */
    Instant occurredAt();
}
