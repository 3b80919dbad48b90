package dev.mercato.core.ledger;

import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Codecs;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Upcaster;
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

/**
 * The journal in {@link Storage}: entries and balances as versioned aggregates, with no row that
 * every post writes. A post reads and writes only its own accounts' balance aggregates (each under
 * its version) and inserts its entry, so posts to disjoint accounts never conflict, and two posts
 * sharing an account conflict on that account only.
 *
 * <p>Order without a global sequence: each balance aggregate keeps the sequence of the last entry
 * that posted to it, and an entry's sequence is one more than the largest of its accounts'
 * (a logical clock per account). Of two entries sharing an account, the one committed later
 * therefore has the larger sequence. {@link #entries()} lists entries by their instant ({@link
 * JournalEntry#at()}), then by sequence, then by key: a total order, stable across calls and
 * instances, equal to the commit order for entries of one instant that share an account.
 * Statements order their lines by instant, ties in that order.
 */
final class StorageJournal implements TransactionalJournal {
    private static final String ALL = "all";

    /**
     * An entry and its sequence.
     *
     * @param sequence one more than the largest sequence its accounts held when it was posted (entries
     *     stored before the sequences were per account carry their old global number)
     * @param entry the entry
     */
    record StoredEntry(long sequence, JournalEntry entry) {}

    /**
     * One account's balance in one currency.
     *
     * @param account the account
     * @param currency the currency
     * @param minor the balance in minor units
     * @param sequence the sequence of the last entry that posted to it (0 for balances stored
     *     before sequences were kept per account)
     */
    record StoredBalance(Account account, CurrencyUnit currency, long minor, long sequence) {}

    /** Entries by instant, then sequence, then key: the order of {@link #entries()}. */
    static final Comparator<StoredEntry> ORDER = Comparator.<StoredEntry, Instant>comparing(e -> e.entry().at())
            .thenComparingLong(StoredEntry::sequence).thenComparing(e -> e.entry().key());

    static final AggregateType<String, StoredEntry> ENTRIES = AggregateType
            .of("ledger-entry", String.class, StoredEntry.class, Function.identity())
            .withIndex(ALL, e -> ALL)
            .withIndex("reverses", e -> e.entry().reverses().orElse(""));

    /** Version 2 added the per-account sequence; a version-1 balance reads with sequence 0. */
    static final AggregateType<String, StoredBalance> BALANCES = AggregateType
            .of("ledger-balance", String.class, StoredBalance.class, Function.identity())
            .withCodec(Codecs.json(StoredBalance.class, 2, new Upcaster(1, doc -> {
                doc.put("sequence", 0L);
                return doc;
            })))
            .withIndex(ALL, b -> ALL);

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
        Repository<String, StoredBalance> balances = uow.repository(BALANCES);
        Map<String, Optional<Versioned<StoredBalance>>> read = new LinkedHashMap<>();
        Map<String, Long> sums = new LinkedHashMap<>();
        long sequence = 1;
        for (Posting p : entry.postings()) {
            String key = balanceKey(p.account(), p.currency());
            Optional<Versioned<StoredBalance>> current = read.computeIfAbsent(key, balances::find);
            if (!sums.containsKey(key)) {
                sums.put(key, current.map(v -> v.value().minor()).orElse(0L));
                if (current.isPresent()) {
                    sequence = Math.max(sequence, Exact.add(current.get().value().sequence(), 1));
                }
            }
            sums.put(key, Exact.add(sums.get(key), p.minor()));
        }
        long entrySequence = sequence;
        for (Posting p : entry.postings()) {
            String key = balanceKey(p.account(), p.currency());
            Long minor = sums.remove(key);
            if (minor != null) {
                balances.save(key, new StoredBalance(p.account(), p.currency(), minor, entrySequence), read.get(key));
            }
        }
        entries.insert(entry.key(), new StoredEntry(entrySequence, entry));
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
        return all.stream().map(Versioned::value).sorted(ORDER)
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
    public MonetaryAmount balance(UnitOfWork uow, Account account, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(uow, "uow");
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        long minor = uow.repository(BALANCES).find(balanceKey(account, currency)).map(v -> v.value().minor()).orElse(0L);
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
