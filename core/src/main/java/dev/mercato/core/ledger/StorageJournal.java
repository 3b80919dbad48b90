package dev.mercato.core.ledger;

import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** The journal in {@link Storage}: entries, balances and a posting sequence as versioned aggregates. */
final class StorageJournal implements TransactionalJournal {
    private static final String ALL = "all";

    record StoredEntry(long sequence, JournalEntry entry) {}

    record StoredBalance(Account account, CurrencyUnit currency, long minor) {}

    static final AggregateType<String, StoredEntry> ENTRIES = AggregateType
            .of("ledger-entry", String.class, StoredEntry.class, Function.identity())
            .withIndex(ALL, e -> ALL)
            .withIndex("reverses", e -> e.entry().reverses().orElse(""));

    static final AggregateType<String, StoredBalance> BALANCES = AggregateType
            .of("ledger-balance", String.class, StoredBalance.class, Function.identity())
            .withIndex(ALL, b -> ALL);

    static final AggregateType<String, Long> SEQUENCE = AggregateType
            .of("ledger-sequence", String.class, Long.class, Function.identity());

    private final Storage storage;

    StorageJournal(Storage storage) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public PostResult post(UnitOfWork uow, JournalEntry entry) {
        InvalidInputException.requireNonNull(entry, "entry");
        Repository<String, StoredEntry> entries = uow.repository(ENTRIES);
        Optional<Versioned<StoredEntry>> first = entries.find(entry.key());
        if (first.isPresent()) {
            JournalEntry posted = first.get().value().entry();
            if (posted.sameMovementAs(entry)) {
                return new PostResult.Replayed(posted);
            }
            return new PostResult.Rejected(entry, PostResult.Reason.KEY_REUSED_WITH_DIFFERENT_CONTENT,
                    "key " + entry.key() + " was posted before as " + posted.postings() + ", now offered as "
                            + entry.postings());
        }
        if (entry.reverses().isPresent()) {
            String target = entry.reverses().get();
            if (entries.find(target).isEmpty()) {
                return new PostResult.Rejected(entry, PostResult.Reason.REVERSED_ENTRY_UNKNOWN,
                        "entry " + entry.key() + " reverses unknown entry " + target);
            }
            if (!entries.findBy("reverses", target).isEmpty()) {
                return new PostResult.Rejected(entry, PostResult.Reason.ALREADY_REVERSED,
                        "entry " + target + " was already reversed");
            }
        }
        Map<String, StoredBalance> updated = new LinkedHashMap<>();
        Repository<String, StoredBalance> balances = uow.repository(BALANCES);
        Map<String, Optional<Versioned<StoredBalance>>> read = new LinkedHashMap<>();
        for (Posting p : entry.postings()) {
            String key = balanceKey(p.account(), p.currency());
            Optional<Versioned<StoredBalance>> current = read.computeIfAbsent(key, balances::find);
            long before = updated.containsKey(key) ? updated.get(key).minor()
                    : current.map(v -> v.value().minor()).orElse(0L);
            updated.put(key, new StoredBalance(p.account(), p.currency(), Exact.add(before, p.minor())));
        }
        updated.forEach((key, balance) -> balances.save(key, balance, read.get(key)));
        Repository<String, Long> sequence = uow.repository(SEQUENCE);
        Optional<Versioned<Long>> last = sequence.find(ALL);
        long next = last.map(v -> v.value() + 1).orElse(1L);
        sequence.save(ALL, next, last);
        entries.insert(entry.key(), new StoredEntry(next, entry));
        return new PostResult.Posted(entry);
    }

    private static String balanceKey(Account account, CurrencyUnit currency) {
        return account.code() + "|" + currency.getCurrencyCode();
    }

    @Override
    public Optional<JournalEntry> entry(String key) {
        return storage.inTransaction(uow -> uow.repository(ENTRIES).find(key)).map(v -> v.value().entry());
    }

    @Override
    public List<JournalEntry> entries() {
        List<Versioned<StoredEntry>> all = storage.inTransaction(uow -> uow.repository(ENTRIES).findBy(ALL, ALL));
        return all.stream().map(Versioned::value).sorted(Comparator.comparingLong(StoredEntry::sequence))
                .map(StoredEntry::entry).toList();
    }

    @Override
    public MonetaryAmount balance(Account account, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        long minor = storage.inTransaction(uow -> uow.repository(BALANCES).find(balanceKey(account, currency)))
                .map(v -> v.value().minor()).orElse(0L);
        return MinorUnits.toAmount(minor, currency);
    }

    @Override
    public Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances() {
        List<Versioned<StoredBalance>> all = storage.inTransaction(uow -> uow.repository(BALANCES).findBy(ALL, ALL));
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> snapshot = new LinkedHashMap<>();
        for (Versioned<StoredBalance> v : all) {
            StoredBalance b = v.value();
            if (b.minor() != 0) {
                snapshot.computeIfAbsent(b.account(), a -> new LinkedHashMap<>())
                        .put(b.currency(), MinorUnits.toAmount(b.minor(), b.currency()));
            }
        }
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> copy = new LinkedHashMap<>();
        snapshot.forEach((a, m) -> copy.put(a, Map.copyOf(m)));
        return Map.copyOf(copy);
    }

    @Override
    public AccountStatement statement(Account account, CurrencyUnit currency, Instant from, Instant to) {
        InMemoryJournal view = new InMemoryJournal(0);
        for (JournalEntry entry : entries()) {
            if (entry.postings().stream().anyMatch(p -> p.account().equals(account))) {
                view.postUnchecked(entry);
            }
        }
        return view.statement(account, currency, from, to);
    }
}
