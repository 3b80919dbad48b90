package dev.mercato.storage.postgres;

import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.AccountStatement;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.PostResult;
import dev.mercato.core.ledger.Posting;
import dev.mercato.core.ledger.TransactionalJournal;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.Codecs;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.StoredDocument;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;

/**
 * The journal in relational tables. A post inserts its entry and postings and adds each
 * account's sum to its balance row with one upsert per account and currency, in the caller's
 * transaction: concurrent posts touch only their own accounts' rows, and no sequence row is
 * shared (the entry order comes from an identity column). Balance rows are upserted in a fixed
 * order, so two posts cannot deadlock on them.
 */
final class PgJournal implements TransactionalJournal {
    private static final Codec<Account> ACCOUNTS = Codecs.json(Account.class);

    private final PgStorage storage;

    PgJournal(PgStorage storage) {
        this.storage = storage;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public PostResult post(UnitOfWork uow, JournalEntry entry) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(entry, "entry");
        if (!(uow instanceof PgUnitOfWork unit)) {
            throw new InvalidInputException("uow", uow.getClass().getName(), "is not a unit of work of this PostgreSQL storage");
        }
        Connection connection = unit.connection();
        try {
            Optional<JournalEntry> first = read(connection, entry.key());
            if (first.isPresent()) {
                JournalEntry posted = first.get();
                if (posted.sameMovementAs(entry)) {
                    return new PostResult.Replayed(posted);
                }
                return new PostResult.Rejected(entry, PostResult.Reason.KEY_REUSED_WITH_DIFFERENT_CONTENT,
                        "key " + entry.key() + " was posted before as " + posted.postings() + ", now offered as "
                                + entry.postings());
            }
            if (entry.reverses().isPresent()) {
                String target = entry.reverses().get();
                if (!exists(connection, "SELECT 1 FROM mercato_ledger_entry WHERE key = ?", target)) {
                    return new PostResult.Rejected(entry, PostResult.Reason.REVERSED_ENTRY_UNKNOWN,
                            "entry " + entry.key() + " reverses unknown entry " + target);
                }
                if (exists(connection, "SELECT 1 FROM mercato_ledger_entry WHERE reverses = ?", target)) {
                    return new PostResult.Rejected(entry, PostResult.Reason.ALREADY_REVERSED,
                            "entry " + target + " was already reversed");
                }
            }
            insert(connection, entry);
            return new PostResult.Posted(entry);
        } catch (SQLException e) {
            throw Sql.translate("post journal entry " + entry.key(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The balance row of one account and currency, and the account's document. */
    private record BalanceKey(String account, String currency) implements Comparable<BalanceKey> {
        @Override
        public int compareTo(BalanceKey other) {
            int byAccount = account.compareTo(other.account);
            return byAccount != 0 ? byAccount : currency.compareTo(other.currency);
        }
    }

    private static void insert(Connection connection, JournalEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mercato_ledger_entry"
                + " (key, at_second, at_nano, memo, reverses, ref_kind, ref_aggregate, ref_step, ref_event)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
            insert.setString(1, entry.key());
            Sql.setInstant(insert, 2, entry.at());
            insert.setString(4, entry.memo());
            insert.setString(5, entry.reverses().orElse(null));
            Optional<EntryReference> ref = entry.reference();
            insert.setString(6, ref.map(r -> r.kind().name()).orElse(null));
            insert.setString(7, ref.map(EntryReference::aggregateId).orElse(null));
            if (ref.isPresent()) {
                insert.setLong(8, ref.get().step());
            } else {
                insert.setNull(8, java.sql.Types.BIGINT);
            }
            insert.setString(9, ref.map(EntryReference::event).orElse(null));
            if (insert.executeUpdate() == 0) {
                // Another transaction posted this key since we looked: retrying replays or rejects.
                throw new ConcurrencyConflictException("ledger-entry", entry.key(), ConcurrencyConflictException.ABSENT, 1);
            }
        }
        TreeMap<BalanceKey, Long> sums = new TreeMap<>();
        Map<String, String> documents = new LinkedHashMap<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO mercato_ledger_posting"
                + " (entry_key, line, account, account_doc, currency, minor, at_second, at_nano) VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?)")) {
            int line = 0;
            for (Posting posting : entry.postings()) {
                String code = posting.account().code();
                String document = documents.computeIfAbsent(code, c -> ACCOUNTS.encode(posting.account()).json());
                long minor = MinorUnits.toMinor(posting.amount());
                String currency = posting.currency().getCurrencyCode();
                insert.setString(1, entry.key());
                insert.setInt(2, line++);
                insert.setString(3, code);
                insert.setString(4, document);
                insert.setString(5, currency);
                insert.setLong(6, minor);
                Sql.setInstant(insert, 7, entry.at());
                insert.addBatch();
                sums.merge(new BalanceKey(code, currency), minor, Exact::add);
            }
            insert.executeBatch();
        }
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO mercato_ledger_balance"
                + " (account, currency, account_doc, balance) VALUES (?, ?, ?::jsonb, ?)"
                + " ON CONFLICT (account, currency) DO UPDATE SET balance = mercato_ledger_balance.balance + EXCLUDED.balance")) {
            for (Map.Entry<BalanceKey, Long> sum : sums.entrySet()) {
                upsert.setString(1, sum.getKey().account());
                upsert.setString(2, sum.getKey().currency());
                upsert.setString(3, documents.get(sum.getKey().account()));
                upsert.setLong(4, sum.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static Account account(String document) {
        return ACCOUNTS.decode(new StoredDocument(1, document));
    }

    private static Optional<JournalEntry> read(Connection connection, String key) throws SQLException {
        List<JournalEntry> found = entries(connection, " WHERE e.key = ?", key);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Entries with their postings, in posting order. */
    private static List<JournalEntry> entries(Connection connection, String where, String parameter) throws SQLException {
        List<JournalEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.key, e.at_second, e.at_nano, e.memo, e.reverses,"
                + " p.account_doc::text, p.currency, p.minor, e.ref_kind, e.ref_aggregate, e.ref_step, e.ref_event"
                + " FROM mercato_ledger_entry e"
                + " JOIN mercato_ledger_posting p ON p.entry_key = e.key" + where + " ORDER BY e.seq, p.line")) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (ResultSet rows = select.executeQuery()) {
                String current = null;
                List<Posting> postings = new ArrayList<>();
                String[] head = new String[3];
                Optional<EntryReference> ref = Optional.empty();
                Instant at = null;
                while (rows.next()) {
                    String key = rows.getString(1);
                    if (!key.equals(current)) {
                        if (current != null) {
                            entries.add(entry(head, at, postings, ref));
                        }
                        current = key;
                        head = new String[] {key, rows.getString(4), rows.getString(5)};
                        ref = rows.getString(9) == null ? Optional.empty() : Optional.of(new EntryReference(
                                EntryReference.Kind.valueOf(rows.getString(9)), rows.getString(10), rows.getLong(11),
                                rows.getString(12)));
                        at = Sql.instant(rows, "at_second", "at_nano");
                        postings = new ArrayList<>();
                    }
                    CurrencyUnit currency = Monetary.getCurrency(rows.getString(7));
                    postings.add(Posting.of(account(rows.getString(6)), MinorUnits.toAmount(rows.getLong(8), currency)));
                }
                if (current != null) {
                    entries.add(entry(head, at, postings, ref));
                }
            }
        }
        return entries;
    }

    private static JournalEntry entry(String[] head, Instant at, List<Posting> postings, Optional<EntryReference> ref) {
        return new JournalEntry(head[0], at, head[1], postings, Optional.ofNullable(head[2]), ref);
    }

    @Override
    public Optional<JournalEntry> entry(String key) {
        InvalidInputException.requireNonNull(key, "key");
        return storage.withConnection("read journal entry " + key, connection -> read(connection, key));
    }

    @Override
    public List<JournalEntry> entries() {
        return List.copyOf(storage.withConnection("read the journal", connection -> entries(connection, "", null)));
    }

    @Override
    public MonetaryAmount balance(Account account, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        long minor = storage.withConnection("read a balance", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT balance FROM mercato_ledger_balance WHERE account = ? AND currency = ?")) {
                select.setString(1, account.code());
                select.setString(2, currency.getCurrencyCode());
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : 0L;
                }
            }
        });
        return MinorUnits.toAmount(minor, currency);
    }

    /** Reads the balance on the unit's connection and locks its row until the unit ends, so a check-then-post cannot race. */
    @Override
    public MonetaryAmount balance(UnitOfWork uow, Account account, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        if (!(uow instanceof PgUnitOfWork unit)) {
            throw new InvalidInputException("uow", uow.getClass().getName(), "is not a unit of work of this PostgreSQL storage");
        }
        try (PreparedStatement select = unit.connection().prepareStatement(
                "SELECT balance FROM mercato_ledger_balance WHERE account = ? AND currency = ? FOR UPDATE")) {
            select.setString(1, account.code());
            select.setString(2, currency.getCurrencyCode());
            try (ResultSet rows = select.executeQuery()) {
                return MinorUnits.toAmount(rows.next() ? rows.getLong(1) : 0L, currency);
            }
        } catch (java.sql.SQLException e) {
            throw Sql.translate("read balance of " + account.code(), e);
        }
    }

    @Override
    public Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances() {
        return storage.withConnection("read the balances", connection -> {
            Map<Account, Map<CurrencyUnit, MonetaryAmount>> snapshot = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT account_doc::text, currency, balance FROM mercato_ledger_balance WHERE balance <> 0");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CurrencyUnit currency = Monetary.getCurrency(rows.getString(2));
                    snapshot.computeIfAbsent(account(rows.getString(1)), a -> new LinkedHashMap<>())
                            .put(currency, MinorUnits.toAmount(rows.getLong(3), currency));
                }
            }
            Map<Account, Map<CurrencyUnit, MonetaryAmount>> copy = new LinkedHashMap<>();
            snapshot.forEach((a, m) -> copy.put(a, Map.copyOf(m)));
            return Map.copyOf(copy);
        });
    }

    @Override
    public AccountStatement statement(Account account, CurrencyUnit currency, Instant from, Instant to) {
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
        }
        return storage.withConnection("read a statement", connection -> {
            long opening;
            try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(sum(minor), 0) FROM mercato_ledger_posting"
                    + " WHERE account = ? AND currency = ? AND (at_second, at_nano) < (?, ?)")) {
                select.setString(1, account.code());
                select.setString(2, currency.getCurrencyCode());
                Sql.setInstant(select, 3, from);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    opening = rows.getBigDecimal(1).longValueExact();
                }
            }
            List<AccountStatement.Line> lines = new ArrayList<>();
            long running = opening;
            try (PreparedStatement select = connection.prepareStatement("SELECT p.entry_key, p.at_second, p.at_nano, e.memo, p.minor"
                    + " FROM mercato_ledger_posting p JOIN mercato_ledger_entry e ON e.key = p.entry_key"
                    + " WHERE p.account = ? AND p.currency = ? AND (p.at_second, p.at_nano) >= (?, ?)"
                    + " AND (p.at_second, p.at_nano) < (?, ?) ORDER BY p.at_second, p.at_nano, e.seq, p.line")) {
                select.setString(1, account.code());
                select.setString(2, currency.getCurrencyCode());
                Sql.setInstant(select, 3, from);
                Sql.setInstant(select, 5, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long minor = rows.getLong(5);
                        running = Exact.add(running, minor);
                        lines.add(new AccountStatement.Line(rows.getString(1), Sql.instant(rows, "at_second", "at_nano"),
                                rows.getString(4), MinorUnits.toAmount(minor, currency), MinorUnits.toAmount(running, currency)));
                    }
                }
            }
            return new AccountStatement(account, from, to, MinorUnits.toAmount(opening, currency), lines,
                    MinorUnits.toAmount(running, currency));
        });
    }
}
