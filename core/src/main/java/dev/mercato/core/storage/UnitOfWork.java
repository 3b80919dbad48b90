package dev.mercato.core.storage;

import dev.mercato.core.event.DomainEvent;

/**
 * One atomic piece of work against {@link Storage}: repository writes, idempotency records, timer
 * changes and domain events are all committed together or not at all. Created by {@link
 * Storage#inTransaction}; valid only inside that call and on its thread.
 */
public interface UnitOfWork {
    /**
     * The repository of an aggregate type within this unit of work.
     *
     * @param type the aggregate type
     * @param <K> the key type
     * @param <V> the value type
     * @return the repository, never {@code null}
     */
    <K, V> Repository<K, V> repository(AggregateType<K, V> type);

    /**
     * The idempotency records within this unit of work.
     *
     * @return the store, never {@code null}
     */
    IdempotencyStore idempotency();

    /**
     * The due timers within this unit of work.
     *
     * @return the timers, never {@code null}
     */
    DueTimers timers();

    /**
     * Records an event to publish once this unit of work has committed. Events of a unit of work
     * that throws or conflicts are dropped.
     *
     * @param event the event
     */
    void publishAfterCommit(DomainEvent event);
}
