package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.storage.StorageContract;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An instance dies at the worst moments; another instance on the same database finishes the work.
 * A death is an {@link Error} thrown past the storage (nothing after it runs on that instance) or
 * a connection killed by the server.
 */
class CrashRecoveryExamples {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static TestDatabase database;

    private PostgresStorage doomed;
    private PostgresStorage survivor;

    /** The instance stops here: no code of it runs after this. */
    private static final class InstanceDied extends Error {
        private static final long serialVersionUID = 1L;

        InstanceDied() {
            super("instance died");
        }
    }

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void twoInstances() {
        database.clear();
        doomed = PostgresStorage.create(database.newDataSource(2));
        survivor = PostgresStorage.create(database.newDataSource(2));
    }

    @Test
    void anEventCommittedByAnInstanceThatDiedBeforePublishingIsRelayedByAnother() {
        assertThrows(InstanceDied.class, () -> doomed.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).insert("a", new StorageContract.Account("a", "ann", 1));
            uow.publishAfterCommit(new StorageContract.Noted("paid", T0));
            return null;
        }, event -> {
            throw new InstanceDied();
        }));
        List<String> relayed = new ArrayList<>();
        assertEquals(1, survivor.outboxRelay(m -> relayed.add(((StorageContract.Noted) m.event()).what())).relay(10));
        assertEquals(List.of("paid"), relayed);
        assertTrue(survivor.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).find("a")).isPresent());
    }

    @Test
    void aRelayThatDiedAfterTheBrokerAcceptedHandsTheSameMessageOverAgain() {
        survivor.inTransaction(uow -> {
            uow.publishAfterCommit(new StorageContract.Noted("shipped", T0));
            return null;
        });
        List<Long> broker = new ArrayList<>();
        assertThrows(InstanceDied.class, () -> doomed.outboxRelay(message -> {
            broker.add(message.id());
            throw new InstanceDied();
        }).relay(10));
        assertEquals(1, survivor.outboxRelay(message -> broker.add(message.id())).relay(10));
        assertEquals(2, broker.size());
        assertEquals(broker.get(0), broker.get(1), "the redelivery carries the id a consumer deduplicates by");
        assertEquals(0, survivor.outboxRelay(message -> broker.add(message.id())).relay(10));
    }

    @Test
    void aSweeperThatDiedAfterItsClaimLeavesTheTimerToAnotherOnceTheLeaseExpires() {
        TimerKey key = new TimerKey("order.unpaid-close", "o-1");
        survivor.inTransaction(uow -> {
            uow.timers().schedule(key, T0);
            return null;
        });
        List<TimerClaim> taken = doomed.inTransaction(uow -> uow.timers().claim(T0, Set.of(key.kind()), 10, Duration.ofMinutes(1)));
        assertEquals(1, taken.size());
        // The doomed instance dies here, before firing.
        assertEquals(List.of(), survivor.inTransaction(
                uow -> uow.timers().claim(T0.plusSeconds(59), Set.of(key.kind()), 10, Duration.ofMinutes(1))));
        TimerClaim retaken = survivor.inTransaction(
                uow -> uow.timers().claim(T0.plusSeconds(61), Set.of(key.kind()), 10, Duration.ofMinutes(1))).get(0);
        survivor.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).insert("o-1", new StorageContract.Account("o-1", "closed", 0));
            uow.timers().complete(retaken);
            return null;
        });
        assertEquals(Optional.empty(), survivor.inTransaction(uow -> uow.timers().find(key)));
    }

    @Test
    void aConnectionKilledBeforeTheCommitLeavesNothingBehind() throws SQLException {
        survivor.inTransaction(uow -> {
            uow.timers().schedule(new TimerKey("order.unpaid-close", "o-2"), T0);
            return null;
        });
        assertThrows(PostgresStorageException.class, () -> doomed.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).insert("b", new StorageContract.Account("b", "bob", 1));
            uow.timers().claim(T0, Set.of("order.unpaid-close"), 10, Duration.ofMinutes(1));
            uow.idempotency().remember(new dev.mercato.core.storage.IdempotencyKey("pay", "k-1"), "f", "r");
            uow.publishAfterCommit(new StorageContract.Noted("lost", T0));
            terminate(((PgUnitOfWork) uow).connection());
            return null;
        }));
        assertEquals(Optional.empty(), survivor.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).find("b")));
        assertEquals(0, survivor.outboxRelay(message -> { }).relay(10));
        assertEquals(Optional.empty(), survivor.inTransaction(
                uow -> uow.idempotency().find(new dev.mercato.core.storage.IdempotencyKey("pay", "k-1"), "f", String.class)));
        // The dead transaction's claim died with it: the timer is claimable at once.
        assertEquals(1, survivor.inTransaction(
                uow -> uow.timers().claim(T0, Set.of("order.unpaid-close"), 10, Duration.ofMinutes(1))).size());
    }

    /** Ends a connection's backend from another session, as a crashed host or a failover would. */
    private static void terminate(Connection victim) {
        try (Statement statement = victim.createStatement(); ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            int backend = pid.getInt(1);
            try (Connection killer = database.dataSource().getConnection(); Statement kill = killer.createStatement()) {
                kill.execute("SELECT pg_terminate_backend(" + backend + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
