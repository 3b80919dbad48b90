package dev.mercato.storage.postgres;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.pricing.error.InvalidInputException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs each unit of work on its own connection and transaction; commits its buffered writes at the end. */
final class PgStorage implements PostgresStorage {
    private static final Logger LOG = LoggerFactory.getLogger(PgStorage.class);

    private final DataSource dataSource;
    private final PgJournal journal;

    PgStorage(DataSource dataSource) {
        this.dataSource = dataSource;
        this.journal = new PgJournal(this);
    }

    @Override
    public <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work, EventPublisher afterCommit) {
        InvalidInputException.requireNonNull(work, "work");
        InvalidInputException.requireNonNull(afterCommit, "afterCommit");
        PgUnitOfWork unit;
        R result;
        try (Connection connection = dataSource.getConnection()) {
            // At the pool's isolation level (PostgreSQL's default READ COMMITTED suffices: every
            // write checks its version in its own statement), without a round trip to set it.
            connection.setAutoCommit(false);
            unit = new PgUnitOfWork(connection);
            boolean committed = false;
            try {
                result = work.apply(unit);
                unit.close();
                unit.flush();
                connection.commit();
                committed = true;
            } finally {
                unit.close();
                if (!committed) {
                    rollbackQuietly(connection);
                }
            }
        } catch (SQLException e) {
            throw Sql.translate("run a unit of work", e);
        }
        for (DomainEvent event : unit.events()) {
            try {
                afterCommit.publish(event);
            } catch (RuntimeException e) {
                LOG.warn("event publisher failed for committed event {}; the outbox still holds it", event, e);
            }
        }
        return result;
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warn("rollback failed; the connection is closed and the transaction ends with it", e);
        }
    }

    /** Runs work on a fresh transaction of its own, for the journal's reads and the relay. */
    <R> R withConnection(String action, SqlWork<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                R result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw Sql.translate(action, e);
        }
    }

    /** Work against a connection. */
    @FunctionalInterface
    interface SqlWork<R> {
        R run(Connection connection) throws SQLException;
    }

    @Override
    public TransactionalJournal journal() {
        return journal;
    }

    @Override
    public OutboxRelay outboxRelay(OutboxRelay.Consumer consumer) {
        return new PgOutboxRelay(this, InvalidInputException.requireNonNull(consumer, "consumer"));
    }

    /** For messages: a conflict carries no cause of its own. */
    static ConcurrencyConflictException conflict(String type, String key, long expected, long actual) {
        return new ConcurrencyConflictException(type, key, expected, actual);
    }
}
