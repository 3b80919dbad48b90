package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.StorageContract;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.money.MinorUnits;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two storages on two pools over one database, racing as two application instances would. */
class TwoInstancesExamples {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static TestDatabase database;

    private PostgresStorage first;
    private PostgresStorage second;

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
        first = PostgresStorage.create(database.newDataSource(4));
        second = PostgresStorage.create(database.newDataSource(4));
    }

    @Test
    void everyTimerClaimedByEitherInstanceFiresOnce() throws Exception {
        int timers = 60;
        first.inTransaction(uow -> {
            for (int i = 0; i < timers; i++) {
                uow.timers().schedule(new TimerKey("order.unpaid-close", "o-" + i), T0.plusSeconds(i));
            }
            return null;
        });
        Map<String, AtomicInteger> fired = new ConcurrentHashMap<>();
        List<Callable<Integer>> sweepers = new ArrayList<>();
        for (PostgresStorage instance : List.of(first, second, first, second)) {
            sweepers.add(() -> sweep(instance, fired));
        }
        List<Integer> counts = Race.run(sweepers);
        assertEquals(timers, counts.stream().mapToInt(Integer::intValue).sum());
        assertEquals(timers, fired.size());
        assertTrue(fired.values().stream().allMatch(n -> n.get() == 1), () -> "fired more than once: " + fired);
        assertEquals(timers, first.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).findBy("owner", "fired")).size());
        assertEquals(List.of(), second.inTransaction(uow -> uow.timers().due(T0.plusSeconds(1_000), 10)));
    }

    /** Claims and fires batches until nothing is due; each firing inserts one aggregate per timer. */
    private static int sweep(PostgresStorage storage, Map<String, AtomicInteger> fired) {
        int done = 0;
        while (true) {
            List<TimerClaim> claims = storage.inTransaction(
                    uow -> uow.timers().claim(T0.plusSeconds(100), Set.of("order.unpaid-close"), 5, Duration.ofMinutes(5)));
            if (claims.isEmpty()) {
                return done;
            }
            for (TimerClaim claim : claims) {
                String target = claim.timer().key().target();
                storage.inTransaction(uow -> {
                    uow.repository(StorageContract.ACCOUNT).insert(target, new StorageContract.Account(target, "fired", 1));
                    uow.timers().complete(claim);
                    return null;
                });
                fired.computeIfAbsent(target, t -> new AtomicInteger()).incrementAndGet();
                done++;
            }
        }
    }

    @Test
    void aTimerWhoseLeaseExpiredFiresOnceThoughBothInstancesHoldAClaim() {
        TimerKey key = new TimerKey("escrow.auto-confirm", "e-1");
        first.inTransaction(uow -> {
            uow.timers().schedule(key, T0);
            return null;
        });
        TimerClaim slow = first.inTransaction(uow -> uow.timers().claim(T0, Set.of(key.kind()), 1, Duration.ofSeconds(30))).get(0);
        TimerClaim late = second.inTransaction(
                uow -> uow.timers().claim(T0.plusSeconds(31), Set.of(key.kind()), 1, Duration.ofSeconds(30))).get(0);
        second.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).insert("e-1", new StorageContract.Account("e-1", "released", 1));
            uow.timers().complete(late);
            return null;
        });
        assertThrows(ConcurrencyConflictException.class, () -> first.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).update("e-1", new StorageContract.Account("e-1", "released twice", 2), 1);
            uow.timers().complete(slow);
            return null;
        }));
        assertEquals("released", first.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).find("e-1"))
                .orElseThrow().value().owner());
    }

    @Test
    void concurrentUpdatesFromBothInstancesLoseNoIncrement() throws Exception {
        first.inTransaction(uow -> {
            uow.repository(StorageContract.ACCOUNT).insert("a", new StorageContract.Account("a", "ann", 0));
            return null;
        });
        List<Callable<Void>> writers = new ArrayList<>();
        for (PostgresStorage instance : List.of(first, second, first, second)) {
            writers.add(() -> {
                for (int i = 0; i < 25; i++) {
                    instance.inTransaction(1_000, uow -> {
                        var accounts = uow.repository(StorageContract.ACCOUNT);
                        Versioned<StorageContract.Account> seen = accounts.find("a").orElseThrow();
                        accounts.update("a", new StorageContract.Account("a", "ann", seen.value().balance() + 1), seen.version());
                        return null;
                    }, EventPublisher.none());
                }
                return null;
            });
        }
        Race.run(writers);
        Versioned<StorageContract.Account> end = second.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).find("a")).orElseThrow();
        assertEquals(100, end.value().balance());
        assertEquals(101, end.version());
    }

    @Test
    void oneIdempotencyKeyHasOneEffectAcrossInstances() throws Exception {
        IdempotencyKey key = new IdempotencyKey("payout", "p-1");
        List<Callable<String>> callers = new ArrayList<>();
        for (PostgresStorage instance : List.of(first, second, first, second, first, second)) {
            callers.add(() -> instance.inTransaction(20, uow -> {
                Optional<String> earlier = uow.idempotency().find(key, "amount=100", String.class);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                String result = "paid-by-" + System.identityHashCode(instance) + "-" + Thread.currentThread().getId();
                uow.repository(StorageContract.ACCOUNT).insert(result, new StorageContract.Account(result, "payout", 100));
                uow.idempotency().remember(key, "amount=100", result);
                return result;
            }, EventPublisher.none()));
        }
        List<String> results = Race.run(callers);
        assertEquals(1, Set.copyOf(results).size(), () -> "different results: " + results);
        List<Versioned<StorageContract.Account>> payouts =
                first.inTransaction(uow -> uow.repository(StorageContract.ACCOUNT).findBy("owner", "payout"));
        assertEquals(1, payouts.size());
        assertEquals(results.get(0), payouts.get(0).value().id());
    }

    @Test
    void theLedgerStaysBalancedUnderConcurrentPostsFromBothInstances() throws Exception {
        TransactionalJournal a = first.journal();
        TransactionalJournal b = second.journal();
        List<Callable<Void>> posters = new ArrayList<>();
        int perThread = 30;
        for (int t = 0; t < 4; t++) {
            TransactionalJournal journal = t % 2 == 0 ? a : b;
            int thread = t;
            posters.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    // Every thread posts the same keys too: each key is posted once, replays change nothing.
                    String key = "pay-" + (i % 10 == 0 ? "shared-" + i : thread + "-" + i);
                    journal.post(capture(key, 100 + i, "o-" + (i % 3)));
                }
                return null;
            });
        }
        Race.run(posters);
        List<JournalEntry> entries = a.entries();
        int shared = perThread / 10;
        assertEquals(4 * (perThread - shared) + shared, entries.size());
        long held = 0;
        for (JournalEntry entry : entries) {
            for (Posting p : entry.postings()) {
                if (p.account().equals(Account.escrowHeld("o-0")) || p.account().equals(Account.escrowHeld("o-1"))
                        || p.account().equals(Account.escrowHeld("o-2"))) {
                    held += MinorUnits.toMinor(p.amount());
                }
            }
        }
        long balances = 0;
        for (String order : List.of("o-0", "o-1", "o-2")) {
            balances += MinorUnits.toMinor(b.balance(Account.escrowHeld(order), CNY));
        }
        assertEquals(held, balances);
        assertEquals(-held, MinorUnits.toMinor(a.balance(Account.buyerFundsIn("ann"), CNY)));
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> all = b.balances();
        assertEquals(0, all.values().stream().flatMap(m -> m.values().stream()).mapToLong(MinorUnits::toMinor).sum());
    }

    private static JournalEntry capture(String key, long minor, String order) {
        MonetaryAmount amount = MinorUnits.toAmount(minor, CNY);
        return new JournalEntry(key, T0, "capture", List.of(Posting.credit(Account.buyerFundsIn("ann"), amount),
                Posting.debit(Account.escrowHeld(order), amount)), Optional.empty());
    }

    @Test
    void theSchemaRefusesToEditOrDeleteLedgerRows() throws SQLException {
        first.journal().post(capture("pay-1", 100, "o-1"));
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            assertThrows(SQLException.class, () -> statement.execute("UPDATE mercato_ledger_posting SET minor = 1"));
            assertThrows(SQLException.class, () -> statement.execute("DELETE FROM mercato_ledger_entry"));
            assertThrows(SQLException.class, () -> statement.execute("TRUNCATE mercato_ledger_posting CASCADE"));
        }
        assertEquals(1, first.journal().entries().size());
    }

    @Test
    void theRelayHandsEachEventOnAtLeastOnceAndKeepsABatchItsConsumerRefused() {
        for (int i = 0; i < 5; i++) {
            int n = i;
            first.inTransaction(uow -> {
                uow.publishAfterCommit(new StorageContract.Noted("event-" + n, T0));
                return null;
            });
        }
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        OutboxRelay failing = second.outboxRelay(message -> {
            throw new IllegalStateException("broker down");
        });
        assertThrows(IllegalStateException.class, () -> failing.relay(10));
        OutboxRelay relay = second.outboxRelay(message -> seen.add(((StorageContract.Noted) message.event()).what()));
        assertEquals(3, relay.relay(3));
        assertEquals(2, first.outboxRelay(message -> seen.add(((StorageContract.Noted) message.event()).what())).relay(10));
        assertEquals(0, relay.relay(10));
        assertEquals(List.of("event-0", "event-1", "event-2", "event-3", "event-4"), seen);
    }

    @Test
    void eventsOfARolledBackUnitNeverReachTheOutbox() {
        assertThrows(IllegalStateException.class, () -> first.inTransaction(uow -> {
            uow.publishAfterCommit(new StorageContract.Noted("lost", T0));
            throw new IllegalStateException("boom");
        }));
        assertEquals(0, second.outboxRelay(message -> { }).relay(10));
    }

    @Test
    void migratingAgainAppliesNothing() {
        assertEquals(0, MercatoSchema.migrate(database.dataSource()));
    }
}
