package dev.mercato.core.storage.memory;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Thread-safe in-memory storage; all mutable state is guarded by {@link #lock}. */
final class MemoryStorage implements Storage {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryStorage.class);
    static final Comparator<DueTimer> TIMER_ORDER = Comparator.comparing(DueTimer::dueAt)
            .thenComparing(t -> t.key().kind()).thenComparing(t -> t.key().target());

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final Map<IdempotencyKey, Remembered> idempotency = new HashMap<>();
    private final Map<TimerKey, Instant> timerIndex = new HashMap<>();
    private final TreeSet<DueTimer> timers = new TreeSet<>(TIMER_ORDER);
    private final Map<TimerKey, TimerClaim> leases = new HashMap<>();

    @Override
    public <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work, EventPublisher afterCommit) {
        InvalidInputException.requireNonNull(work, "work");
        InvalidInputException.requireNonNull(afterCommit, "afterCommit");
        MemoryUnitOfWork unit = new MemoryUnitOfWork(this);
        R result;
        try {
            result = work.apply(unit);
        } finally {
            unit.close();
        }
        commit(unit);
        for (DomainEvent event : unit.events()) {
            try {
                afterCommit.publish(event);
            } catch (RuntimeException e) {
                LOG.warn("event publisher failed for committed event {}", event, e);
            }
        }
        return result;
    }

    Table table(AggregateType<?, ?> type) {
        Table table = tables.computeIfAbsent(type.name(), name -> new Table(type));
        if (!table.type.valueType().equals(type.valueType()) || !table.type.keyType().equals(type.keyType())) {
            throw new InvalidInputException("type", type.name(), "is already registered with other key or value classes");
        }
        return table;
    }

    <T> T read(Supplier<T> reader) {
        lock.readLock().lock();
        try {
            return reader.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    Optional<Remembered> remembered(IdempotencyKey key) {
        return read(() -> Optional.ofNullable(idempotency.get(key)));
    }

    Optional<Instant> timer(TimerKey key) {
        return read(() -> Optional.ofNullable(timerIndex.get(key)));
    }

    List<DueTimer> due(Instant now, int limit) {
        return due(now, null, limit);
    }

    /** Due timers, of the given kinds only when {@code kinds} is not null. */
    List<DueTimer> due(Instant now, java.util.Set<String> kinds, int limit) {
        return read(() -> {
            List<DueTimer> due = new ArrayList<>();
            for (DueTimer timer : timers) {
                if (timer.dueAt().isAfter(now) || due.size() >= limit) {
                    break;
                }
                if (kinds == null || kinds.contains(timer.key().kind())) {
                    due.add(timer);
                }
            }
            return List.copyOf(due);
        });
    }

    /** The due, unleased timers of some kinds, with the token of the expired lease each had, if any. */
    List<MemoryUnitOfWork.StagedClaim> claimable(Instant now, Set<String> kinds, int limit) {
        return read(() -> {
            List<MemoryUnitOfWork.StagedClaim> found = new ArrayList<>();
            for (DueTimer timer : timers) {
                if (timer.dueAt().isAfter(now) || found.size() >= limit) {
                    break;
                }
                TimerClaim lease = leases.get(timer.key());
                if (kinds.contains(timer.key().kind()) && (lease == null || !lease.leaseUntil().isAfter(now))) {
                    found.add(new MemoryUnitOfWork.StagedClaim(timer, lease == null ? null : lease.token()));
                }
            }
            return List.copyOf(found);
        });
    }

    private void checkTimerClaims(MemoryUnitOfWork unit) {
        for (MemoryUnitOfWork.StagedClaim staged : unit.claims().values()) {
            DueTimer timer = staged.claim().timer();
            TimerClaim lease = leases.get(timer.key());
            String token = lease == null ? null : lease.token();
            if (!timer.dueAt().equals(timerIndex.get(timer.key())) || !Objects.equals(token, staged.previousToken())) {
                throw new ConcurrencyConflictException("timer", timer.key().kind() + "/" + timer.key().target(), 1, 2);
            }
        }
        for (TimerClaim claim : unit.completions().values()) {
            TimerKey key = claim.timer().key();
            MemoryUnitOfWork.StagedClaim own = unit.claims().get(key);
            TimerClaim lease = own != null ? own.claim() : leases.get(key);
            if (lease == null || !lease.token().equals(claim.token()) || !claim.timer().dueAt().equals(timerIndex.get(key))) {
                throw new ConcurrencyConflictException("timer", key.kind() + "/" + key.target(), 1,
                        ConcurrencyConflictException.ABSENT);
            }
        }
    }

    private void removeTimer(TimerKey key) {
        Instant previous = timerIndex.remove(key);
        if (previous != null) {
            timers.remove(new DueTimer(key, previous));
        }
        leases.remove(key);
    }

    private void commit(MemoryUnitOfWork unit) {
        lock.writeLock().lock();
        try {
            for (Map.Entry<String, Map<Object, Write>> pending : unit.writes().entrySet()) {
                Table table = tables.get(pending.getKey());
                for (Map.Entry<Object, Write> write : pending.getValue().entrySet()) {
                    long actual = table.version(write.getKey());
                    if (actual != write.getValue().base()) {
                        throw new ConcurrencyConflictException(table.type.name(), table.keyText(write.getKey()),
                                write.getValue().base(), actual);
                    }
                }
            }
            for (IdempotencyKey key : unit.remembered().keySet()) {
                if (idempotency.containsKey(key)) {
                    throw new ConcurrencyConflictException("idempotency", key.toString(), ConcurrencyConflictException.ABSENT, 1);
                }
            }
            checkTimerClaims(unit);
            for (Map.Entry<String, Map<Object, Write>> pending : unit.writes().entrySet()) {
                Table table = tables.get(pending.getKey());
                pending.getValue().forEach(table::apply);
            }
            unit.completions().keySet().forEach(this::removeTimer);
            unit.claims().forEach((key, staged) -> {
                if (!unit.timerChanges().containsKey(key) && !unit.completions().containsKey(key)) {
                    leases.put(key, staged.claim());
                }
            });
            idempotency.putAll(unit.remembered());
            unit.timerChanges().forEach((key, due) -> {
                removeTimer(key);
                due.ifPresent(at -> {
                    timerIndex.put(key, at);
                    timers.add(new DueTimer(key, at));
                });
            });
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A staged write: the new value ({@code null} to delete) and the version it was based on. */
    record Write(Object value, long base) {}

    /** A remembered idempotent result. */
    record Remembered(String fingerprint, Object result) {}

    /** The committed rows of one aggregate type, with their indexes; guarded by the storage lock. */
    static final class Table {
        final AggregateType<?, ?> type;
        private final Map<Object, Versioned<Object>> rows = new HashMap<>();
        private final Map<String, Map<String, TreeMap<String, Object>>> indexes = new HashMap<>();

        Table(AggregateType<?, ?> type) {
            this.type = type;
            type.indexes().forEach(index -> indexes.put(index.name(), new HashMap<>()));
        }

        @SuppressWarnings("unchecked")
        String keyText(Object key) {
            return ((Function<Object, String>) type.keyText()).apply(key);
        }

        @SuppressWarnings("unchecked")
        String entry(String indexName, Object value) {
            AggregateType.Index<Object> index = (AggregateType.Index<Object>) type.index(indexName);
            return index.entry(value);
        }

        long version(Object key) {
            Versioned<Object> row = rows.get(key);
            return row == null ? ConcurrencyConflictException.ABSENT : row.version();
        }

        Optional<Versioned<Object>> row(Object key) {
            return Optional.ofNullable(rows.get(key));
        }

        List<Object> keysFor(String indexName, String entry) {
            TreeMap<String, Object> keys = indexes.get(indexName).get(entry);
            return keys == null ? List.of() : List.copyOf(keys.values());
        }

        void apply(Object key, Write write) {
            Versioned<Object> old = rows.get(key);
            String keyText = keyText(key);
            if (old != null) {
                for (AggregateType.Index<?> index : type.indexes()) {
                    String entry = entry(index.name(), old.value());
                    Map<String, TreeMap<String, Object>> byEntry = indexes.get(index.name());
                    TreeMap<String, Object> keys = byEntry.get(entry);
                    if (keys != null) {
                        keys.remove(keyText);
                        if (keys.isEmpty()) {
                            byEntry.remove(entry);
                        }
                    }
                }
            }
            if (write.value() == null) {
                rows.remove(key);
                return;
            }
            rows.put(key, new Versioned<>(write.value(), write.base() + 1));
            for (AggregateType.Index<?> index : type.indexes()) {
                String entry = entry(index.name(), write.value());
                if (!entry.isEmpty()) {
                    indexes.get(index.name()).computeIfAbsent(entry, e -> new TreeMap<>()).put(keyText, key);
                }
            }
        }
    }
}
