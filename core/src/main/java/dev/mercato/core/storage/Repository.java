package dev.mercato.core.storage;

import java.util.List;
import java.util.Optional;

/**
 * The aggregates of one {@link AggregateType}, seen through a {@link UnitOfWork}. Reads see the
 * committed state plus this unit of work's own pending writes; writes are buffered and applied
 * atomically at commit, where each one's expected version is checked.
 *
 * <p>Not thread-safe: a repository belongs to one unit of work on one thread.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Repository<K, V> {
    /**
     * Reads an aggregate.
     *
     * @param key the key
     * @return the value and version, or empty when absent (or deleted in this unit of work)
     */
    Optional<Versioned<V>> find(K key);

    /**
     * Stages a new aggregate. The commit fails with {@link ConcurrencyConflictException} if the
     * key exists by then.
     *
     * @param key the key
     * @param value the value
     * @throws ConcurrencyConflictException at once if the key is already visible
     */
    void insert(K key, V value);

    /**
     * Stages a new version of an aggregate.
     *
     * @param key the key
     * @param value the new value
     * @param expectedVersion the version the caller read
     * @throws ConcurrencyConflictException at once or at commit when the stored version differs
     */
    void update(K key, V value, long expectedVersion);

    /**
     * Stages the removal of an aggregate.
     *
     * @param key the key
     * @param expectedVersion the version the caller read
     * @throws ConcurrencyConflictException at once or at commit when the stored version differs
     */
    void delete(K key, long expectedVersion);

    /**
     * Finds the aggregates whose index entry equals {@code entry}, in ascending key-text order.
     *
     * @param indexName a declared index of the aggregate type
     * @param entry the entry to match, not empty
     * @return the matches (including this unit of work's pending writes), possibly empty
     */
    List<Versioned<V>> findBy(String indexName, String entry);

    /**
     * Stages a value: an insert when {@code current} is empty, otherwise an update of its
     * version.
     *
     * @param key the key
     * @param value the new value
     * @param current what the caller read
     */
    default void save(K key, V value, Optional<Versioned<V>> current) {
        if (current.isPresent()) {
            update(key, value, current.get().version());
        } else {
            insert(key, value);
        }
    }
}
