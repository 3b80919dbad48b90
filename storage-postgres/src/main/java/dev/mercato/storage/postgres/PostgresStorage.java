package dev.mercato.storage.postgres;

import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.storage.Storage;
import dev.mercato.pricing.error.InvalidInputException;
import javax.sql.DataSource;

/**
 * The {@link Storage} on PostgreSQL, for hosts with several instances on one database.
 *
 * <ul>
 *   <li>Aggregates are rows of {@code mercato_document}: the {@linkplain
 *       dev.mercato.core.storage.AggregateType#codec() codec}'s JSON document with its schema
 *       version and an optimistic version; writes are buffered and applied at commit with {@code
 *       UPDATE ... WHERE version = ?}, so a lost race is a {@link
 *       dev.mercato.core.storage.ConcurrencyConflictException} and nothing is committed.</li>
 *   <li>Idempotency results sit under a primary key on (scope, key): one commit wins.</li>
 *   <li>Timers are claimed with {@code FOR UPDATE SKIP LOCKED} and a lease; a completion commits
 *       only while its claim holds the timer, so each timer fires once across instances.</li>
 *   <li>Domain events are written to {@code mercato_outbox} in the same transaction, relayed by
 *       {@link #outboxRelay}; they are also handed to the in-process publisher after the commit.</li>
 * </ul>
 * Every unit of work takes one connection from the data source for its duration, at the pool's
 * isolation level (PostgreSQL's default, READ COMMITTED, suffices). Thread-safe.
 */
public interface PostgresStorage extends Storage {
    /**
     * A storage over the host's data source. The schema must be migrated first ({@link
     * MercatoSchema#migrate}).
     *
     * @param dataSource the host's pool; its connections must not be in auto-commit-only mode
     * @return the storage
     */
    static PostgresStorage create(DataSource dataSource) {
        return new PgStorage(InvalidInputException.requireNonNull(dataSource, "dataSource"));
    }

    /**
     * The journal in this database: entries and postings in append-only tables, balances kept
     * additively in the same transaction. Its {@link TransactionalJournal#post(
     * dev.mercato.core.storage.UnitOfWork, dev.mercato.core.ledger.JournalEntry)} joins a unit of
     * work of this storage.
     *
     * @return the journal
     */
    TransactionalJournal journal();

    /**
     * A relay of this database's outbox to a consumer.
     *
     * @param consumer receives each message at least once
     * @return the relay
     */
    OutboxRelay outboxRelay(OutboxRelay.Consumer consumer);
}
