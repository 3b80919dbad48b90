package dev.mercato.storage.postgres;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.Codecs;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.core.storage.DueTimers;
import dev.mercato.core.storage.IdempotencyKey;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.core.storage.IdempotencyStore;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.StoredDocument;
import dev.mercato.core.storage.TimerClaim;
import dev.mercato.core.storage.TimerKey;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Function;

/**
 * One unit of work on one connection: reads go to the database (plus this unit's pending writes),
 * aggregate, idempotency and timer writes are buffered and applied by {@link #flush} just before
 * the commit; timer claims lock their rows at once. Single-threaded.
 */
final class PgUnitOfWork implements UnitOfWork, IdempotencyStore, DueTimers {
    private static final Codec<Object> RESULTS = Codecs.idempotencyResults();
    private static final Codec<Object> EVENTS = Codecs.domainEvents();

    private final Connection connection;
    private final Map<String, Pending<?, ?>> writes = new LinkedHashMap<>();
    private final Map<IdempotencyKey, Remembered> remembered = new LinkedHashMap<>();
    private final Map<TimerKey, Optional<Instant>> timerChanges = new LinkedHashMap<>();
    private final Map<TimerKey, TimerClaim> completions = new LinkedHashMap<>();
    private final List<DomainEvent> events = new ArrayList<>();
    private boolean open = true;

    PgUnitOfWork(Connection connection) {
        this.connection = connection;
    }

    /** The connection of this unit's transaction, for the journal. */
    Connection connection() {
        requireOpen();
        return connection;
    }

    void close() {
        open = false;
    }

    List<DomainEvent> events() {
        return events;
    }

    private void requireOpen() {
        if (!open) {
            throw new InvalidInputException("unitOfWork", "closed", "is used after its transaction ended");
        }
    }

    /** A staged aggregate write: the new value ({@code null} to delete) and the version it was based on. */
    private record Write<V>(V value, long base) {}

    private record Remembered(String fingerprint, Object result) {}

    /** The pending writes of one aggregate type, keyed by key text. */
    private static final class Pending<K, V> {
        final AggregateType<K, V> type;
        final Map<String, Write<V>> byKey = new LinkedHashMap<>();

        Pending(AggregateType<K, V> type) {
            this.type = type;
        }
    }

    @SuppressWarnings("unchecked")
    private <K, V> Pending<K, V> pending(AggregateType<K, V> type) {
        Pending<?, ?> found = writes.computeIfAbsent(type.name(), name -> new Pending<>(type));
        if (found.type != type && !found.type.valueType().equals(type.valueType())) {
            throw new InvalidInputException("type", type.name(), "is already used with another value class");
        }
        return (Pending<K, V>) found;
    }

    @Override
    public <K, V> Repository<K, V> repository(AggregateType<K, V> type) {
        InvalidInputException.requireNonNull(type, "type");
        requireOpen();
        return new PgRepository<>(type, pending(type));
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

    // ---------------------------------------------------------------- idempotency

    @Override
    public <R> Optional<R> find(IdempotencyKey key, String fingerprint, Class<R> resultType) {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(fingerprint, "fingerprint");
        InvalidInputException.requireNonNull(resultType, "resultType");
        requireOpen();
        Remembered found = remembered.get(key);
        if (found == null) {
            found = storedResult(key).orElse(null);
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

    private Optional<Remembered> storedResult(IdempotencyKey key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, result::text FROM mercato_idempotency WHERE scope = ? AND key = ?")) {
            select.setString(1, key.scope());
            select.setString(2, key.key());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Remembered(rows.getString(1), RESULTS.decode(new StoredDocument(1, rows.getString(2)))));
            }
        } catch (SQLException e) {
            throw Sql.translate("read idempotency key " + key, e);
        }
    }

    @Override
    public void remember(IdempotencyKey key, String fingerprint, Object result) {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(fingerprint, "fingerprint");
        InvalidInputException.requireNonNull(result, "result");
        requireOpen();
        if (remembered.containsKey(key) || storedResult(key).isPresent()) {
            throw new ConcurrencyConflictException("idempotency", key.toString(), ConcurrencyConflictException.ABSENT, 1);
        }
        remembered.put(key, new Remembered(fingerprint, result));
    }

    // ---------------------------------------------------------------- timers

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
        if (timerChanges.containsKey(key)) {
            return timerChanges.get(key).map(at -> new DueTimer(key, at));
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT due_second, due_nano FROM mercato_timer WHERE kind = ? AND target = ?")) {
            select.setString(1, key.kind());
            select.setString(2, key.target());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new DueTimer(key, Sql.instant(rows, "due_second", "due_nano"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.translate("read timer " + key, e);
        }
    }

    @Override
    public List<DueTimer> due(Instant now, int limit) {
        InvalidInputException.requireNonNull(now, "now");
        if (limit < 1) {
            throw new InvalidInputException("limit", limit, "must be at least 1");
        }
        requireOpen();
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, target, due_second, due_nano FROM mercato_timer"
                + " WHERE (due_second, due_nano) <= (?, ?) ORDER BY due_second, due_nano, kind COLLATE \"C\", target COLLATE \"C\" LIMIT ?")) {
            Sql.setInstant(select, 1, now);
            select.setInt(3, limit);
            List<DueTimer> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueTimer(new TimerKey(rows.getString(1), rows.getString(2)), Sql.instant(rows, "due_second", "due_nano")));
                }
            }
            return List.copyOf(due);
        } catch (SQLException e) {
            throw Sql.translate("read due timers", e);
        }
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
        try (PreparedStatement select = connection.prepareStatement("SELECT kind, target, due_second, due_nano FROM mercato_timer"
                + " WHERE kind = ANY (?) AND (due_second, due_nano) <= (?, ?)"
                + " ORDER BY due_second, due_nano, kind COLLATE \"C\", target COLLATE \"C\" LIMIT ?")) {
            select.setArray(1, connection.createArrayOf("text", kinds.toArray()));
            Sql.setInstant(select, 2, now);
            select.setInt(4, limit);
            List<DueTimer> due = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    due.add(new DueTimer(new TimerKey(rows.getString(1), rows.getString(2)), Sql.instant(rows, "due_second", "due_nano")));
                }
            }
            return List.copyOf(due);
        } catch (SQLException e) {
            throw Sql.translate("read due timers", e);
        }
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
        Instant until = now.plus(lease);
        String token = UUID.randomUUID().toString();
        List<TimerClaim> claims = new ArrayList<>();
        // Rows locked by another claimant's open transaction are skipped, not waited for; a lease
        // committed by another claimant keeps its rows out until it expires.
        String sql = "SELECT kind, target, due_second, due_nano FROM mercato_timer"
                + " WHERE (due_second, due_nano) <= (?, ?) AND kind = ANY (?)"
                + " AND (lease_until_second IS NULL OR (lease_until_second, lease_until_nano) <= (?, ?))"
                + " ORDER BY due_second, due_nano, kind COLLATE \"C\", target COLLATE \"C\" LIMIT ? FOR UPDATE SKIP LOCKED";
        try (PreparedStatement select = connection.prepareStatement(sql);
                PreparedStatement lock = connection.prepareStatement("UPDATE mercato_timer SET lease_token = ?,"
                        + " lease_until_second = ?, lease_until_nano = ? WHERE kind = ? AND target = ?")) {
            Sql.setInstant(select, 1, now);
            select.setArray(3, connection.createArrayOf("text", kinds.toArray()));
            Sql.setInstant(select, 4, now);
            select.setInt(6, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    TimerKey key = new TimerKey(rows.getString(1), rows.getString(2));
                    if (timerChanges.containsKey(key)) {
                        continue;
                    }
                    claims.add(new TimerClaim(new DueTimer(key, Sql.instant(rows, "due_second", "due_nano")), token, until));
                }
            }
            for (TimerClaim claim : claims) {
                lock.setString(1, token);
                Sql.setInstant(lock, 2, until);
                lock.setString(4, claim.timer().key().kind());
                lock.setString(5, claim.timer().key().target());
                lock.addBatch();
            }
            if (!claims.isEmpty()) {
                lock.executeBatch();
            }
            return List.copyOf(claims);
        } catch (SQLException e) {
            throw Sql.translate("claim timers", e);
        }
    }

    @Override
    public void complete(TimerClaim claim) {
        InvalidInputException.requireNonNull(claim, "claim");
        requireOpen();
        completions.put(claim.timer().key(), claim);
    }

    // ---------------------------------------------------------------- commit

    /** Applies the buffered writes in this transaction; a lost race throws a conflict and the caller rolls back. */
    void flush() throws SQLException {
        for (Pending<?, ?> pending : writes.values()) {
            flush(pending);
        }
        if (!remembered.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mercato_idempotency"
                    + " (scope, key, fingerprint, result_class, result) VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
                for (Map.Entry<IdempotencyKey, Remembered> entry : remembered.entrySet()) {
                    insert.setString(1, entry.getKey().scope());
                    insert.setString(2, entry.getKey().key());
                    insert.setString(3, entry.getValue().fingerprint());
                    insert.setString(4, entry.getValue().result().getClass().getName());
                    insert.setString(5, RESULTS.encode(entry.getValue().result()).json());
                    if (insert.executeUpdate() == 0) {
                        throw new ConcurrencyConflictException("idempotency", entry.getKey().toString(),
                                ConcurrencyConflictException.ABSENT, 1);
                    }
                }
            }
        }
        flushTimers();
        if (!events.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO mercato_outbox (event_class, schema_version, payload) VALUES (?, ?, ?::jsonb)")) {
                for (DomainEvent event : events) {
                    StoredDocument document = EVENTS.encode(event);
                    insert.setString(1, event.getClass().getName());
                    insert.setInt(2, document.schemaVersion());
                    insert.setString(3, document.json());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private void flushTimers() throws SQLException {
        if (!completions.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM mercato_timer WHERE kind = ? AND target = ?"
                    + " AND lease_token = ? AND due_second = ? AND due_nano = ?")) {
                for (TimerClaim claim : completions.values()) {
                    TimerKey key = claim.timer().key();
                    delete.setString(1, key.kind());
                    delete.setString(2, key.target());
                    delete.setString(3, claim.token());
                    Sql.setInstant(delete, 4, claim.timer().dueAt());
                    if (delete.executeUpdate() == 0) {
                        throw new ConcurrencyConflictException("timer", key.kind() + "/" + key.target(), 1,
                                ConcurrencyConflictException.ABSENT);
                    }
                }
            }
        }
        if (timerChanges.isEmpty()) {
            return;
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO mercato_timer (kind, target, due_second, due_nano)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (kind, target) DO UPDATE SET due_second = EXCLUDED.due_second,"
                + " due_nano = EXCLUDED.due_nano, lease_token = NULL, lease_until_second = NULL, lease_until_nano = NULL");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM mercato_timer WHERE kind = ? AND target = ?")) {
            boolean upserts = false;
            boolean deletes = false;
            for (Map.Entry<TimerKey, Optional<Instant>> change : timerChanges.entrySet()) {
                TimerKey key = change.getKey();
                if (change.getValue().isPresent()) {
                    upsert.setString(1, key.kind());
                    upsert.setString(2, key.target());
                    Sql.setInstant(upsert, 3, change.getValue().get());
                    upsert.addBatch();
                    upserts = true;
                } else {
                    delete.setString(1, key.kind());
                    delete.setString(2, key.target());
                    delete.addBatch();
                    deletes = true;
                }
            }
            if (upserts) {
                upsert.executeBatch();
            }
            if (deletes) {
                delete.executeBatch();
            }
        }
    }

    private <K, V> void flush(Pending<K, V> pending) throws SQLException {
        AggregateType<K, V> type = pending.type;
        for (Map.Entry<String, Write<V>> entry : pending.byKey.entrySet()) {
            String key = entry.getKey();
            Write<V> write = entry.getValue();
            int changed;
            if (write.value() == null && write.base() == ConcurrencyConflictException.ABSENT) {
                long actual = version(type, key);
                if (actual != ConcurrencyConflictException.ABSENT) {
                    throw new ConcurrencyConflictException(type.name(), key, ConcurrencyConflictException.ABSENT, actual);
                }
                continue;
            } else if (write.value() == null) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM mercato_document WHERE aggregate_type = ? AND key = ? AND version = ?")) {
                    delete.setString(1, type.name());
                    delete.setString(2, key);
                    delete.setLong(3, write.base());
                    changed = delete.executeUpdate();
                }
            } else if (write.base() == ConcurrencyConflictException.ABSENT) {
                StoredDocument document = type.codec().encode(write.value());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mercato_document"
                        + " (aggregate_type, key, version, schema_version, document) VALUES (?, ?, 1, ?, ?::jsonb) ON CONFLICT DO NOTHING")) {
                    insert.setString(1, type.name());
                    insert.setString(2, key);
                    insert.setInt(3, document.schemaVersion());
                    insert.setString(4, document.json());
                    changed = insert.executeUpdate();
                }
            } else {
                StoredDocument document = type.codec().encode(write.value());
                try (PreparedStatement update = connection.prepareStatement("UPDATE mercato_document SET version = version + 1,"
                        + " schema_version = ?, document = ?::jsonb WHERE aggregate_type = ? AND key = ? AND version = ?")) {
                    update.setInt(1, document.schemaVersion());
                    update.setString(2, document.json());
                    update.setString(3, type.name());
                    update.setString(4, key);
                    update.setLong(5, write.base());
                    changed = update.executeUpdate();
                }
            }
            if (changed == 0) {
                throw new ConcurrencyConflictException(type.name(), key, write.base(), version(type, key));
            }
            if (write.value() != null && !type.indexes().isEmpty()) {
                writeIndexEntries(type, key, write.value(), write.base() != ConcurrencyConflictException.ABSENT);
            }
        }
    }

    private <V> void writeIndexEntries(AggregateType<?, V> type, String key, V value, boolean replace) throws SQLException {
        if (replace) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM mercato_index_entry WHERE aggregate_type = ? AND key = ?")) {
                delete.setString(1, type.name());
                delete.setString(2, key);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO mercato_index_entry (aggregate_type, index_name, entry, key) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (AggregateType.Index<V> index : type.indexes()) {
                String entry = index.entry(value);
                if (!entry.isEmpty()) {
                    insert.setString(1, type.name());
                    insert.setString(2, index.name());
                    insert.setString(3, entry);
                    insert.setString(4, key);
                    insert.addBatch();
                    any = true;
                }
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }

    private long version(AggregateType<?, ?> type, String key) {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT version FROM mercato_document WHERE aggregate_type = ? AND key = ?")) {
            select.setString(1, type.name());
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : ConcurrencyConflictException.ABSENT;
            }
        } catch (SQLException e) {
            throw Sql.translate("read the version of " + type.name() + " " + key, e);
        }
    }

    // ---------------------------------------------------------------- repositories

    /** One aggregate type's view within this unit of work. */
    private final class PgRepository<K, V> implements Repository<K, V> {
        private final AggregateType<K, V> type;
        private final Pending<K, V> pending;

        PgRepository(AggregateType<K, V> type, Pending<K, V> pending) {
            this.type = type;
            this.pending = pending;
        }

        @SuppressWarnings("unchecked")
        private String keyText(K key) {
            InvalidInputException.requireNonNull(key, "key");
            if (!type.keyType().isInstance(key)) {
                throw new InvalidInputException("key", key, "is not a " + type.keyType().getName());
            }
            return ((Function<Object, String>) type.keyText()).apply(key);
        }

        private Optional<Versioned<V>> stored(String key) {
            try (PreparedStatement select = connection.prepareStatement("SELECT version, schema_version, document::text"
                    + " FROM mercato_document WHERE aggregate_type = ? AND key = ?")) {
                select.setString(1, type.name());
                select.setString(2, key);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Versioned<>(type.codec().decode(new StoredDocument(rows.getInt(2), rows.getString(3))),
                            rows.getLong(1)));
                }
            } catch (SQLException e) {
                throw Sql.translate("read " + type.name() + " " + key, e);
            }
        }

        private long visibleVersion(String key) {
            Write<V> write = pending.byKey.get(key);
            if (write != null) {
                return write.value() == null ? ConcurrencyConflictException.ABSENT : write.base() + 1;
            }
            return version(type, key);
        }

        private long base(String key, long seen) {
            Write<V> write = pending.byKey.get(key);
            return write != null ? write.base() : seen;
        }

        @Override
        public Optional<Versioned<V>> find(K key) {
            String text = keyText(key);
            requireOpen();
            Write<V> write = pending.byKey.get(text);
            if (write != null) {
                return write.value() == null ? Optional.empty() : Optional.of(new Versioned<>(write.value(), write.base() + 1));
            }
            return stored(text);
        }

        @Override
        public void insert(K key, V value) {
            String text = keyText(key);
            type.requireValue(value);
            requireOpen();
            long visible = visibleVersion(text);
            if (visible != ConcurrencyConflictException.ABSENT) {
                throw new ConcurrencyConflictException(type.name(), text, ConcurrencyConflictException.ABSENT, visible);
            }
            pending.byKey.put(text, new Write<>(value, base(text, visible)));
        }

        @Override
        public void update(K key, V value, long expectedVersion) {
            String text = keyText(key);
            type.requireValue(value);
            requireOpen();
            stage(text, value, expectedVersion);
        }

        @Override
        public void delete(K key, long expectedVersion) {
            String text = keyText(key);
            requireOpen();
            stage(text, null, expectedVersion);
        }

        private void stage(String key, V valueOrNull, long expectedVersion) {
            long visible = visibleVersion(key);
            if (visible == ConcurrencyConflictException.ABSENT || visible != expectedVersion) {
                throw new ConcurrencyConflictException(type.name(), key, expectedVersion, visible);
            }
            pending.byKey.put(key, new Write<>(valueOrNull, base(key, visible)));
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
            TreeMap<String, Versioned<V>> found = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT d.key, d.version, d.schema_version, d.document::text"
                    + " FROM mercato_index_entry i JOIN mercato_document d ON d.aggregate_type = i.aggregate_type AND d.key = i.key"
                    + " WHERE i.aggregate_type = ? AND i.index_name = ? AND i.entry = ?")) {
                select.setString(1, type.name());
                select.setString(2, indexName);
                select.setString(3, entry);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String key = rows.getString(1);
                        if (!pending.byKey.containsKey(key)) {
                            found.put(key, new Versioned<>(type.codec().decode(new StoredDocument(rows.getInt(3), rows.getString(4))),
                                    rows.getLong(2)));
                        }
                    }
                }
            } catch (SQLException e) {
                throw Sql.translate("find " + type.name() + " by " + indexName, e);
            }
            pending.byKey.forEach((key, write) -> {
                if (write.value() != null && index.entry(write.value()).equals(entry)) {
                    found.put(key, new Versioned<>(write.value(), write.base() + 1));
                }
            });
            return List.copyOf(found.values());
        }
    }
}
