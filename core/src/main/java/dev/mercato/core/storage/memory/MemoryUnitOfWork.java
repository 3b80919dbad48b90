package dev.mercato.core.storage.memory;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.DueTimers;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.core.storage.IdempotencyStore;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Buffers the writes of one unit of work until the storage commits them; single-threaded. */
final class MemoryUnitOfWork implements UnitOfWork, IdempotencyStore, DueTimers {
    private final MemoryStorage storage;
    private final Map<String, Map<Object, MemoryStorage.Write>> writes = new LinkedHashMap<>();
    private final Map<IdempotencyKey, MemoryStorage.Remembered> remembered = new LinkedHashMap<>();
    private final Map<TimerKey, Optional<Instant>> timerChanges = new LinkedHashMap<>();
    private final Map<TimerKey, StagedClaim> claims = new LinkedHashMap<>();
    private final Map<TimerKey, TimerClaim> completions = new LinkedHashMap<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private boolean open = true;

    MemoryUnitOfWork(MemoryStorage storage) {
        this.storage = storage;
    }

    void close() {
        open = false;
    }

    Map<String, Map<Object, MemoryStorage.Write>> writes() {
        return writes;
    }

    Map<IdempotencyKey, MemoryStorage.Remembered> remembered() {
        return remembered;
    }

    Map<TimerKey, Optional<Instant>> timerChanges() {
        return timerChanges;
    }

    /**
     * A lease staged by {@link #claim}: the timer as seen and the token of the expired lease it
     * replaces ({@code null} for none), checked unchanged at commit.
     */
    record StagedClaim(TimerClaim claim, String previousToken) {
        StagedClaim(DueTimer timer, String previousToken) {
            this(new TimerClaim(timer, "unclaimed", timer.dueAt()), previousToken);
        }
    }

    Map<TimerKey, StagedClaim> claims() {
        return claims;
    }

    Map<TimerKey, TimerClaim> completions() {
        return completions;
    }

    List<DomainEvent> events() {
        return events;
    }

    private void requireOpen() {
        if (!open) {
            throw new InvalidInputException("unitOfWork", "closed", "is used after its transaction ended");
        }
    }

    @Override
    public <K, V> Repository<K, V> repository(AggregateType<K, V> type) {
        InvalidInputException.requireNonNull(type, "type");
        requireOpen();
        return new MemoryRepository<>(type, storage.table(type));
    }

    @Override
    public IdempotencyStore idempotency() {
        requireOpen();
        return this;
    }

    @Override
    public DueTimers timers() {
        requireOpen();
        return this;
    }

    @Override
    public void publishAfterCommit(DomainEvent event) {
        InvalidInputException.requireNonNull(event, "event");
        requireOpen();
        events.add(event);
    }

    @Override
    public <R> Optional<R> find(IdempotencyKey key, String fingerprint, Class<R> resultType) {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(fingerprint, "fingerprint");
        InvalidInputException.requireNonNull(resultType, "resultType");
        requireOpen();
        MemoryStorage.Remembered found = remembered.get(key);
        if (found == null) {
            found = storage.remembered(key).orElse(null);
        }
        if (found == null) {
            return Optional.empty();
        }
        if (!found.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key, found.fingerprint(), fingerprint);
        }
        if (!resultType.isInstance(found.result())) {
            throw new InvalidInputException("resultType", resultType.getName(),
                    "does not match the remembered result of " + key + " (" + found.result().getClass().getName() + ")");
        }
        return Optional.of(resultType.cast(found.result()));
    }

    @Override
    public void remember(IdempotencyKey key, String fingerprint, Object result) {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(fingerprint, "fingerprint");
        InvalidInputException.requireNonNull(result, "result");
        requireOpen();
        if (remembered.containsKey(key) || storage.remembered(key).isPresent()) {
            throw new ConcurrencyConflictException("idempotency", key.toString(), ConcurrencyConflictException.ABSENT, 1);
        }
        remembered.put(key, new MemoryStorage.Remembered(fingerprint, result));
    }

    @Override
    public void schedule(TimerKey key, Instant dueAt) {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(dueAt, "dueAt");
        requireOpen();
        timerChanges.put(key, Optional.of(dueAt));
    }

    @Override
    public void cancel(TimerKey key) {
        InvalidInputException.requireNonNull(key, "key");
        requireOpen();
        timerChanges.put(key, Optional.empty());
    }

    @Override
    public Optional<DueTimer> find(TimerKey key) {
        InvalidInputException.requireNonNull(key, "key");
        requireOpen();
        Optional<Instant> due = timerChanges.containsKey(key) ? timerChanges.get(key) : storage.timer(key);
        return due.map(at -> new DueTimer(key, at));
    }

    @Override
    public List<DueTimer> due(Instant now, int limit) {
        InvalidInputException.requireNonNull(now, "now");
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be at least 1");
        }
        requireOpen();
        return storage.due(now, limit);
    }

    @Override
    public List<DueTimer> due(Instant now, Set<String> kinds, int limit) {
        InvalidInputException.requireNonNull(now, "now");
        InvalidInputException.requireNonNull(kinds, "kinds");
        if (kinds.isEmpty()) {
            throw new InvalidInputException("kinds", kinds, "must name at least one kind");
        }
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be at least 1");
        }
        requireOpen();
        return storage.due(now, Set.copyOf(kinds), limit);
    }

    @Override
    public List<TimerClaim> claim(Instant now, Set<String> kinds, int limit, Duration lease) {
        InvalidInputException.requireNonNull(now, "now");
        InvalidInputException.requireNonNull(kinds, "kinds");
        InvalidInputException.requireNonNull(lease, "lease");
        if (kinds.isEmpty()) {
            throw new InvalidInputException("kinds", kinds, "must name at least one timer kind");
        }
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be at least 1");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new InvalidInputException("lease", lease, "must be positive");
        }
        requireOpen();
        List<TimerClaim> claimed = new ArrayList<>();
        for (StagedClaim candidate : storage.claimable(now, Set.copyOf(kinds), limit)) {
            DueTimer timer = candidate.claim().timer();
            if (claims.containsKey(timer.key()) || timerChanges.containsKey(timer.key())) {
                continue;
            }
            TimerClaim claim = new TimerClaim(timer, UUID.randomUUID().toString(), now.plus(lease));
            claims.put(timer.key(), new StagedClaim(claim, candidate.previousToken()));
            claimed.add(claim);
        }
        return List.copyOf(claimed);
    }

    @Override
    public void complete(TimerClaim claim) {
        InvalidInputException.requireNonNull(claim, "claim");
        requireOpen();
        completions.put(claim.timer().key(), claim);
    }

    /** One aggregate type's view within this unit of work. */
    private final class MemoryRepository<K, V> implements Repository<K, V> {
        private final AggregateType<K, V> type;
        private final MemoryStorage.Table table;

        MemoryRepository(AggregateType<K, V> type, MemoryStorage.Table table) {
            this.type = type;
            this.table = table;
        }

        private Map<Object, MemoryStorage.Write> pending() {
            return writes.computeIfAbsent(type.name(), name -> new LinkedHashMap<>());
        }

        private K requireKey(K key) {
            InvalidInputException.requireNonNull(key, "key");
            if (!type.keyType().isInstance(key)) {
                throw new InvalidInputException("key", key, "is not a " + type.keyType().getName());
            }
            return key;
        }

        /** The visible version: a staged write shows as its base plus one, a staged delete as absent. */
        private long visibleVersion(K key) {
            MemoryStorage.Write write = pending().get(key);
            if (write != null) {
                return write.value() == null ? ConcurrencyConflictException.ABSENT : write.base() + 1;
            }
            return storage.read(() -> table.version(key));
        }

        /**
         * The committed version a new write is based on: that of an earlier staged write, else the
         * version the caller saw (read once, so a commit in between is caught at our commit).
         */
        private long base(K key, long seen) {
            MemoryStorage.Write write = pending().get(key);
            return write != null ? write.base() : seen;
        }

        @Override
        public Optional<Versioned<V>> find(K key) {
            requireKey(key);
            requireOpen();
            MemoryStorage.Write write = pending().get(key);
            if (write != null) {
                return write.value() == null ? Optional.empty()
                        : Optional.of(new Versioned<>(type.valueType().cast(write.value()), write.base() + 1));
            }
            return storage.read(() -> table.row(key))
                    .map(row -> new Versioned<>(type.valueType().cast(row.value()), row.version()));
        }

        @Override
        public void insert(K key, V value) {
            requireKey(key);
            type.requireValue(value);
            requireOpen();
            long visible = visibleVersion(key);
            if (visible != ConcurrencyConflictException.ABSENT) {
                throw new ConcurrencyConflictException(type.name(), table.keyText(key), ConcurrencyConflictException.ABSENT, visible);
            }
            pending().put(key, new MemoryStorage.Write(value, base(key, visible)));
        }

        @Override
        public void update(K key, V value, long expectedVersion) {
            requireKey(key);
            type.requireValue(value);
            requireOpen();
            stage(key, value, expectedVersion);
        }

        @Override
        public void delete(K key, long expectedVersion) {
            requireKey(key);
            requireOpen();
            stage(key, null, expectedVersion);
        }

        private void stage(K key, V valueOrNull, long expectedVersion) {
            long visible = visibleVersion(key);
            if (visible == ConcurrencyConflictException.ABSENT || visible != expectedVersion) {
                throw new ConcurrencyConflictException(type.name(), table.keyText(key), expectedVersion, visible);
            }
            pending().put(key, new MemoryStorage.Write(valueOrNull, base(key, visible)));
        }

        @Override
        public List<Versioned<V>> findBy(String indexName, String entry) {
            InvalidInputException.requireNonNull(indexName, "indexName");
            InvalidInputException.requireNonNull(entry, "entry");
            if (entry.isEmpty()) {
                throw new InvalidInputException("entry", "\"\"", "must not be empty");
            }
            requireOpen();
            AggregateType.Index<V> index = type.index(indexName);
            Map<Object, MemoryStorage.Write> pending = pending();
            TreeMap<String, Versioned<V>> found = new TreeMap<>();
            storage.read(() -> {
                for (Object key : table.keysFor(indexName, entry)) {
                    if (!pending.containsKey(key)) {
                        Versioned<Object> row = table.row(key).orElseThrow();
                        found.put(table.keyText(key), new Versioned<>(type.valueType().cast(row.value()), row.version()));
                    }
                }
                return null;
            });
            pending.forEach((key, write) -> {
                if (write.value() != null) {
                    V value = type.valueType().cast(write.value());
                    if (index.entry(value).equals(entry)) {
                        found.put(table.keyText(key), new Versioned<>(value, write.base() + 1));
                    }
                }
            });
            return List.copyOf(found.values());
        }
    }
}
