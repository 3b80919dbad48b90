package dev.mercato.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.event.EventPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link Storage} implementation runs: extend it, implement {@link
 * #newStorage()}, and name the subclass {@code *ContractTest}.
 */
public abstract class StorageContract {

    /** A small aggregate used by the suite. */
    public record Account(String id, String owner, long balance) {}

    /** An event used by the suite. */
    public record Noted(String what, Instant occurredAt) implements DomainEvent {}

    /** The aggregate type of the suite, with an index by owner. */
    public static final AggregateType<String, Account> ACCOUNT = AggregateType.of("contract-account",
            String.class, Account.class, key -> key).withIndex("owner", Account::owner);

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Storage storage;

    /** For subclasses. */
    protected StorageContract() {}

    /**
     * Creates an empty storage for one test.
     *
     * @return a fresh, empty storage
     */
    protected abstract Storage newStorage();

    @BeforeEach
    void createStorage() {
        storage = newStorage();
    }

    private Optional<Versioned<Account>> read(String id) {
        return storage.inTransaction(uow -> uow.repository(ACCOUNT).find(id));
    }

    private void insert(Account account) {
        storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert(account.id(), account);
            return null;
        });
    }

    @Test
    void anInsertedAggregateIsReadBackAtVersionOne() {
        insert(new Account("a", "ann", 10));
        assertEquals(Optional.of(new Versioned<>(new Account("a", "ann", 10), 1)), read("a"));
        assertEquals(Optional.empty(), read("missing"));
    }

    @Test
    void anUpdateWithTheVersionReadAddsOneToTheVersion() {
        insert(new Account("a", "ann", 10));
        storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).update("a", new Account("a", "ann", 20), 1);
            return null;
        });
        assertEquals(new Versioned<>(new Account("a", "ann", 20), 2), read("a").orElseThrow());
    }

    @Test
    void anUpdateWithAStaleVersionIsATypedConflict() {
        insert(new Account("a", "ann", 10));
        ConcurrencyConflictException conflict = assertThrows(ConcurrencyConflictException.class,
                () -> storage.inTransaction(uow -> {
                    uow.repository(ACCOUNT).update("a", new Account("a", "ann", 99), 7);
                    return null;
                }));
        assertEquals(ACCOUNT.name(), conflict.aggregateType());
        assertEquals("a", conflict.key());
        assertEquals(7, conflict.expectedVersion());
        assertEquals(1, conflict.actualVersion());
        assertEquals(10, read("a").orElseThrow().value().balance());
    }

    @Test
    void aCommitThatLostARaceFailsAndAppliesNoneOfItsWrites() {
        insert(new Account("a", "ann", 10));
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            Versioned<Account> seen = accounts.find("a").orElseThrow();
            accounts.insert("b", new Account("b", "bob", 1));
            accounts.update("a", new Account("a", "ann", 11), seen.version());
            // Another writer commits between this unit's read and its commit.
            storage.inTransaction(other -> {
                other.repository(ACCOUNT).update("a", new Account("a", "ann", 50), 1);
                return null;
            });
            return null;
        }));
        assertEquals(new Versioned<>(new Account("a", "ann", 50), 2), read("a").orElseThrow());
        assertEquals(Optional.empty(), read("b"));
    }

    @Test
    void insertingAnExistingKeyIsAConflict() {
        insert(new Account("a", "ann", 10));
        assertThrows(ConcurrencyConflictException.class, () -> insert(new Account("a", "bob", 5)));
        assertEquals("ann", read("a").orElseThrow().value().owner());
    }

    @Test
    void twoUnitsInsertingTheSameKeyLetOnlyTheFirstCommit() {
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("a", new Account("a", "late", 1));
            insert(new Account("a", "early", 2));
            return null;
        }));
        assertEquals(new Versioned<>(new Account("a", "early", 2), 1), read("a").orElseThrow());
    }

    @Test
    void workThatThrowsCommitsNothingAndPublishesNothing() {
        List<DomainEvent> published = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("a", new Account("a", "ann", 1));
            uow.timers().schedule(new TimerKey("close", "a"), T0);
            uow.idempotency().remember(new IdempotencyKey("pay", "k1"), "f", "result");
            uow.publishAfterCommit(new Noted("inserted", T0));
            throw boom;
        }, published::add));
        assertTrue(thrown == boom);
        assertEquals(Optional.empty(), read("a"));
        assertEquals(List.of(), published);
        assertEquals(List.of(), storage.inTransaction(uow -> uow.timers().due(T0, 10)));
        assertEquals(Optional.empty(), storage.inTransaction(
                uow -> uow.idempotency().find(new IdempotencyKey("pay", "k1"), "f", String.class)));
    }

    @Test
    void aUnitOfWorkReadsItsOwnPendingWrites() {
        insert(new Account("a", "ann", 10));
        storage.inTransaction(uow -> {
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            accounts.insert("b", new Account("b", "bob", 1));
            assertEquals(new Versioned<>(new Account("b", "bob", 1), 1), accounts.find("b").orElseThrow());
            accounts.update("a", new Account("a", "ann", 11), 1);
            Versioned<Account> pending = accounts.find("a").orElseThrow();
            assertEquals(11, pending.value().balance());
            accounts.update("a", new Account("a", "ann", 12), pending.version());
            accounts.delete("b", 1);
            assertEquals(Optional.empty(), accounts.find("b"));
            return null;
        });
        assertEquals(new Versioned<>(new Account("a", "ann", 12), 2), read("a").orElseThrow());
        assertEquals(Optional.empty(), read("b"));
    }

    @Test
    void aDeletedAggregateIsGoneAndADeleteWithAStaleVersionConflicts() {
        insert(new Account("a", "ann", 10));
        insert(new Account("b", "bob", 10));
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).delete("a", 2);
            return null;
        }));
        storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).delete("a", 1);
            return null;
        });
        assertEquals(Optional.empty(), read("a"));
        assertTrue(read("b").isPresent());
        insert(new Account("a", "again", 1));
        assertEquals("again", read("a").orElseThrow().value().owner());
    }

    @Test
    void anIndexFindsCommittedAndPendingValuesAndFollowsUpdates() {
        insert(new Account("a2", "ann", 1));
        insert(new Account("a1", "ann", 2));
        insert(new Account("b1", "bob", 3));
        storage.inTransaction(uow -> {
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            accounts.insert("a3", new Account("a3", "ann", 4));
            accounts.update("b1", new Account("b1", "ann", 5), 1);
            accounts.update("a2", new Account("a2", "bob", 6), 1);
            assertEquals(List.of("a1", "a3", "b1"), ids(accounts.findBy("owner", "ann")));
            assertEquals(List.of("a2"), ids(accounts.findBy("owner", "bob")));
            return null;
        });
        storage.inTransaction(uow -> {
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            assertEquals(List.of("a1", "a3", "b1"), ids(accounts.findBy("owner", "ann")));
            assertEquals(List.of("a2"), ids(accounts.findBy("owner", "bob")));
            assertEquals(List.of(), accounts.findBy("owner", "nobody"));
            accounts.delete("a1", 1);
            return null;
        });
        assertEquals(List.of("a3", "b1"),
                ids(storage.inTransaction(uow -> uow.repository(ACCOUNT).findBy("owner", "ann"))));
    }

    private static List<String> ids(List<Versioned<Account>> found) {
        return found.stream().map(v -> v.value().id()).toList();
    }

    @Test
    void eventsArePublishedAfterTheCommitInTheOrderRecorded() {
        List<String> seen = new ArrayList<>();
        EventPublisher publisher = event -> {
            // The commit is visible by the time an event arrives.
            seen.add(((Noted) event).what() + ":" + read("a").map(v -> v.value().balance()).orElse(-1L));
        };
        storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("a", new Account("a", "ann", 7));
            uow.publishAfterCommit(new Noted("first", T0));
            uow.publishAfterCommit(new Noted("second", T0));
            assertEquals(List.of(), seen);
            return null;
        }, publisher);
        assertEquals(List.of("first:7", "second:7"), seen);
    }

    @Test
    void aFailingPublisherDoesNotUndoTheCommit() {
        String result = storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("a", new Account("a", "ann", 7));
            uow.publishAfterCommit(new Noted("first", T0));
            return "done";
        }, event -> {
            throw new IllegalStateException("listener down");
        });
        assertEquals("done", result);
        assertTrue(read("a").isPresent());
    }

    @Test
    void eventsOfAConflictingCommitAreDropped() {
        insert(new Account("a", "ann", 10));
        List<DomainEvent> published = new ArrayList<>();
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).update("a", new Account("a", "ann", 11), 1);
            uow.publishAfterCommit(new Noted("lost", T0));
            insertOrUpdate("a", 99);
            return null;
        }, published::add));
        assertEquals(List.of(), published);
    }

    private void insertOrUpdate(String id, long balance) {
        storage.inTransaction(uow -> {
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            Optional<Versioned<Account>> current = accounts.find(id);
            accounts.save(id, new Account(id, "ann", balance), current);
            return null;
        });
    }

    @Test
    void theRetryingFormRunsTheWorkAgainAfterAConflict() {
        insert(new Account("a", "ann", 10));
        int[] runs = {0};
        long result = storage.inTransaction(3, uow -> {
            runs[0]++;
            Repository<String, Account> accounts = uow.repository(ACCOUNT);
            Versioned<Account> seen = accounts.find("a").orElseThrow();
            if (runs[0] == 1) {
                insertOrUpdate("a", 100);
            }
            accounts.update("a", new Account("a", "ann", seen.value().balance() + 1), seen.version());
            return seen.value().balance() + 1;
        }, EventPublisher.none());
        assertEquals(2, runs[0]);
        assertEquals(101, result);
        assertEquals(new Versioned<>(new Account("a", "ann", 101), 3), read("a").orElseThrow());
    }

    @Test
    void concurrentIncrementsWithRetryLoseNoUpdate() throws Exception {
        insert(new Account("a", "ann", 0));
        int threads = 4;
        int incrementsPerThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < incrementsPerThread; i++) {
                        storage.inTransaction(1_000, uow -> {
                            Repository<String, Account> accounts = uow.repository(ACCOUNT);
                            Versioned<Account> seen = accounts.find("a").orElseThrow();
                            accounts.update("a", new Account("a", "ann", seen.value().balance() + 1), seen.version());
                            return null;
                        }, EventPublisher.none());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Versioned<Account> end = read("a").orElseThrow();
        assertEquals(threads * incrementsPerThread, end.value().balance());
        assertEquals(1 + threads * incrementsPerThread, end.version());
    }

    @Test
    void anIdempotentReplayReturnsTheFirstResult() {
        IdempotencyKey key = new IdempotencyKey("checkout", "k-1");
        String first = storage.inTransaction(uow -> uow.idempotency().find(key, "cart=1", String.class).orElseGet(() -> {
            uow.idempotency().remember(key, "cart=1", "order-1");
            return "order-1";
        }));
        String replay = storage.inTransaction(uow -> uow.idempotency().find(key, "cart=1", String.class).orElse("new"));
        assertEquals("order-1", first);
        assertEquals("order-1", replay);
    }

    @Test
    void theSameIdempotencyKeyWithOtherContentIsRejected() {
        IdempotencyKey key = new IdempotencyKey("checkout", "k-1");
        storage.inTransaction(uow -> {
            uow.idempotency().remember(key, "cart=1", "order-1");
            return null;
        });
        IdempotencyKeyReusedException reused = assertThrows(IdempotencyKeyReusedException.class,
                () -> storage.inTransaction(uow -> uow.idempotency().find(key, "cart=2", String.class)));
        assertEquals("cart=1", reused.firstFingerprint());
        assertEquals("cart=2", reused.newFingerprint());
        assertEquals("checkout/k-1", reused.key());
    }

    @Test
    void twoUnitsRememberingOneKeyLetOnlyTheFirstCommit() {
        IdempotencyKey key = new IdempotencyKey("checkout", "k-1");
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.idempotency().remember(key, "cart=1", "late");
            storage.inTransaction(other -> {
                other.idempotency().remember(key, "cart=1", "early");
                return null;
            });
            return null;
        }));
        assertEquals(Optional.of("early"),
                storage.inTransaction(uow -> uow.idempotency().find(key, "cart=1", String.class)));
    }

    @Test
    void dueTimersComeEarliestFirstUpToTheLimit() {
        storage.inTransaction(uow -> {
            uow.timers().schedule(new TimerKey("close", "c"), T0.plusSeconds(30));
            uow.timers().schedule(new TimerKey("close", "a"), T0.plusSeconds(10));
            uow.timers().schedule(new TimerKey("close", "b"), T0.plusSeconds(20));
            uow.timers().schedule(new TimerKey("close", "later"), T0.plusSeconds(1_000));
            return null;
        });
        List<DueTimer> due = storage.inTransaction(uow -> uow.timers().due(T0.plusSeconds(30), 2));
        assertEquals(List.of(new DueTimer(new TimerKey("close", "a"), T0.plusSeconds(10)),
                new DueTimer(new TimerKey("close", "b"), T0.plusSeconds(20))), due);
        assertEquals(3, storage.inTransaction(uow -> uow.timers().due(T0.plusSeconds(30), 10)).size());
        assertEquals(List.of(), storage.inTransaction(uow -> uow.timers().due(T0.plusSeconds(9), 10)));
    }

    @Test
    void aCancelledTimerIsNotDueAndARescheduledOneMoves() {
        TimerKey a = new TimerKey("close", "a");
        TimerKey b = new TimerKey("close", "b");
        storage.inTransaction(uow -> {
            uow.timers().schedule(a, T0);
            uow.timers().schedule(b, T0);
            return null;
        });
        storage.inTransaction(uow -> {
            uow.timers().cancel(a);
            uow.timers().schedule(b, T0.plusSeconds(60));
            assertEquals(Optional.empty(), uow.timers().find(a));
            assertEquals(Optional.of(new DueTimer(b, T0.plusSeconds(60))), uow.timers().find(b));
            return null;
        });
        assertEquals(List.of(), storage.inTransaction(uow -> uow.timers().due(T0.plusSeconds(59), 10)));
        assertEquals(List.of(new DueTimer(b, T0.plusSeconds(60))),
                storage.inTransaction(uow -> uow.timers().due(T0.plusSeconds(60), 10)));
    }

    private List<TimerClaim> claim(Instant now, Set<String> kinds, int limit) {
        return storage.inTransaction(uow -> uow.timers().claim(now, kinds, limit, Duration.ofMinutes(5)));
    }

    @Test
    void aClaimLeasesDueTimersOfItsKindsEarliestFirstAndOtherClaimsSkipThem() {
        storage.inTransaction(uow -> {
            uow.timers().schedule(new TimerKey("close", "b"), T0.plusSeconds(20));
            uow.timers().schedule(new TimerKey("close", "a"), T0.plusSeconds(10));
            uow.timers().schedule(new TimerKey("confirm", "c"), T0);
            uow.timers().schedule(new TimerKey("close", "later"), T0.plusSeconds(1_000));
            return null;
        });
        Instant now = T0.plusSeconds(30);
        List<TimerClaim> first = claim(now, Set.of("close"), 1);
        assertEquals(List.of(new DueTimer(new TimerKey("close", "a"), T0.plusSeconds(10))),
                first.stream().map(TimerClaim::timer).toList());
        assertEquals(now.plus(Duration.ofMinutes(5)), first.get(0).leaseUntil());
        List<TimerClaim> second = claim(now, Set.of("close", "confirm"), 10);
        assertEquals(List.of("c", "b"), second.stream().map(c -> c.timer().key().target()).toList());
        assertEquals(List.of(), claim(now.plusSeconds(60), Set.of("close", "confirm"), 10));
    }

    @Test
    void anExpiredLeaseIsClaimedAgainAndOnlyTheCurrentClaimCanComplete() {
        TimerKey key = new TimerKey("close", "a");
        storage.inTransaction(uow -> {
            uow.timers().schedule(key, T0);
            return null;
        });
        TimerClaim stale = claim(T0, Set.of("close"), 10).get(0);
        TimerClaim current = claim(T0.plus(Duration.ofMinutes(6)), Set.of("close"), 10).get(0);
        assertFalse(stale.token().equals(current.token()));
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("fired-twice", new Account("fired-twice", "ann", 1));
            uow.timers().complete(stale);
            return null;
        }));
        assertEquals(Optional.empty(), read("fired-twice"));
        storage.inTransaction(uow -> {
            uow.repository(ACCOUNT).insert("fired", new Account("fired", "ann", 1));
            uow.timers().complete(current);
            return null;
        });
        assertTrue(read("fired").isPresent());
        assertEquals(Optional.empty(), storage.inTransaction(uow -> uow.timers().find(key)));
        assertEquals(List.of(), claim(T0.plus(Duration.ofDays(1)), Set.of("close"), 10));
    }

    @Test
    void aTimerRescheduledAfterItsClaimCannotBeCompletedByThatClaim() {
        TimerKey key = new TimerKey("close", "a");
        storage.inTransaction(uow -> {
            uow.timers().schedule(key, T0);
            return null;
        });
        TimerClaim claimed = claim(T0, Set.of("close"), 10).get(0);
        storage.inTransaction(uow -> {
            uow.timers().schedule(key, T0.plusSeconds(3_600));
            return null;
        });
        assertThrows(ConcurrencyConflictException.class, () -> storage.inTransaction(uow -> {
            uow.timers().complete(claimed);
            return null;
        }));
        assertEquals(Optional.of(new DueTimer(key, T0.plusSeconds(3_600))), storage.inTransaction(uow -> uow.timers().find(key)));
        assertEquals(1, claim(T0.plusSeconds(3_600), Set.of("close"), 10).size());
    }

    @Test
    void aClaimOfWorkThatThrowsLeasesNothing() {
        storage.inTransaction(uow -> {
            uow.timers().schedule(new TimerKey("close", "a"), T0);
            return null;
        });
        assertThrows(IllegalStateException.class, () -> storage.inTransaction(uow -> {
            assertEquals(1, uow.timers().claim(T0, Set.of("close"), 10, Duration.ofMinutes(5)).size());
            throw new IllegalStateException("sweeper crashed");
        }));
        assertEquals(1, claim(T0, Set.of("close"), 10).size());
    }

    @Test
    void concurrentClaimantsNeverHoldTheSameTimer() throws Exception {
        storage.inTransaction(uow -> {
            for (int i = 0; i < 40; i++) {
                uow.timers().schedule(new TimerKey("close", "t" + i), T0.plusSeconds(i));
            }
            return null;
        });
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        try {
                            claim(T0.plusSeconds(100), Set.of("close"), 3).forEach(c -> claimed.add(c.timer().key().target()));
                        } catch (ConcurrencyConflictException lostRace) {
                            // Another claimant leased one of these timers first; claim again.
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(claimed.size(), Set.copyOf(claimed).size(), () -> "claimed twice: " + claimed);
        assertEquals(40, claimed.size());
    }

    @Test
    void readersNeverSeeHalfACommit() throws Exception {
        insert(new Account("x", "ann", 0));
        insert(new Account("y", "ann", 0));
        List<String> torn = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (long i = 1; i <= 300; i++) {
                    long next = i;
                    storage.inTransaction(uow -> {
                        Repository<String, Account> accounts = uow.repository(ACCOUNT);
                        accounts.update("x", new Account("x", "ann", next), next);
                        accounts.update("y", new Account("y", "ann", next), next);
                        return null;
                    });
                }
            });
            Future<?> reader = pool.submit(() -> {
                while (!writer.isDone()) {
                    List<Versioned<Account>> both = storage.inTransaction(uow -> uow.repository(ACCOUNT).findBy("owner", "ann"));
                    if (both.size() != 2 || both.get(0).value().balance() != both.get(1).value().balance()) {
                        torn.add(both.toString());
                    }
                }
            });
            writer.get(30, TimeUnit.SECONDS);
            reader.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertFalse(!torn.isEmpty(), () -> "torn reads: " + torn.subList(0, Math.min(3, torn.size())));
    }
}
