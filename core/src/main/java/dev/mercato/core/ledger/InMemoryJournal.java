package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The in-memory journal. One lock guards entries and balances, so each post and each batch is
 * atomic; it is held only for the checks and the counter updates of a post. Entries arrive
 * validated (balanced and immutable), a balance is a {@code long} per account and currency, and
 * {@link #postAll(List)} takes the lock once for the whole batch: its entries are applied as they
 * pass their checks and undone together if one is rejected or a balance would overflow.
 */
final class InMemoryJournal implements Journal {
    private final List<JournalEntry> entries;
    private final Map<String, JournalEntry> byKey;
    private final Set<String> reversed = new HashSet<>();
    private final Map<Account, Balance> balances;

    /** An empty journal with room for about {@code expectedEntries} entries and accounts (0: the default sizes). */
    InMemoryJournal(int expectedEntries) {
        int tableSize = expectedEntries == 0 ? 16 : (int) Math.min(1 << 30, expectedEntries * 4L / 3 + 1);
        entries = new ArrayList<>(Math.max(10, expectedEntries));
        byKey = new HashMap<>(tableSize);
        balances = new HashMap<>(tableSize);
    }

    /**
     * One account's balances in minor units: the first currency in two fields (almost every
     * account has only one), further currencies in small arrays.
     */
    private static final class Balance {
        private final CurrencyUnit first;
        private long firstMinor;
        private CurrencyUnit[] others;
        private long[] othersMinor;

        Balance(CurrencyUnit first) {
            this.first = first;
        }

        long get(CurrencyUnit currency) {
            if (first.equals(currency)) {
                return firstMinor;
            }
            int i = indexOfOther(currency);
            return i < 0 ? 0 : othersMinor[i];
        }

        /** Adds a signed amount; throws, changing nothing, if the balance would overflow. */
        void add(CurrencyUnit currency, long delta) {
            if (first.equals(currency)) {
                firstMinor = Exact.add(firstMinor, delta);
                return;
            }
            int i = indexOfOther(currency);
            if (i >= 0) {
                othersMinor[i] = Exact.add(othersMinor[i], delta);
                return;
            }
            int n = others == null ? 0 : others.length;
            others = others == null ? new CurrencyUnit[1] : Arrays.copyOf(others, n + 1);
            othersMinor = othersMinor == null ? new long[1] : Arrays.copyOf(othersMinor, n + 1);
            others[n] = currency;
            othersMinor[n] = delta;
        }

        /** Takes back an amount added a moment ago: restores an earlier value, so it cannot overflow. */
        void undo(CurrencyUnit currency, long delta) {
            if (first.equals(currency)) {
                firstMinor = Exact.subtract(firstMinor, delta);
                return;
            }
            int i = indexOfOther(currency);
            othersMinor[i] = Exact.subtract(othersMinor[i], delta);
        }

        void forEachNonZero(java.util.function.ObjLongConsumer<CurrencyUnit> action) {
            if (firstMinor != 0) {
                action.accept(first, firstMinor);
            }
            for (int i = 0; others != null && i < others.length; i++) {
                if (othersMinor[i] != 0) {
                    action.accept(others[i], othersMinor[i]);
                }
            }
        }

        private int indexOfOther(CurrencyUnit currency) {
            for (int i = 0; others != null && i < others.length; i++) {
                if (others[i].equals(currency)) {
                    return i;
                }
            }
            return -1;
        }
    }

    @Override
    public PostResult post(JournalEntry entry) {
        InvalidInputException.requireNonNull(entry, "entry");
        synchronized (this) {
            PostResult result = check(entry);
            if (result instanceof PostResult.Posted) {
                apply(entry);
            }
            return result;
        }
    }

    @Override
    public List<PostResult> postAll(List<JournalEntry> batch) {
        InvalidInputException.requireNonNull(batch, "entries");
        JournalEntry[] offered = batch.toArray(new JournalEntry[0]);
        for (JournalEntry entry : offered) {
            InvalidInputException.requireNonNull(entry, "entry");
        }
        PostResult[] results = new PostResult[offered.length];
        synchronized (this) {
            int applied = 0;
            boolean rejected = false;
            try {
                for (int i = 0; i < offered.length; i++) {
                    // Entries applied earlier in the batch count: a later replay of one is a replay.
                    PostResult result = check(offered[i]);
                    results[i] = result;
                    if (result instanceof PostResult.Posted) {
                        apply(offered[i]);
                        applied++;
                    } else if (result instanceof PostResult.Rejected) {
                        rejected = true;
                    }
                }
            } catch (RuntimeException e) {
                undoLast(applied);
                throw e;
            }
            if (rejected) {
                undoLast(applied);
            }
        }
        return List.of(results);
    }

    /** Adds an entry known to be valid, for read-only views built from another journal. */
    synchronized void postUnchecked(JournalEntry entry) {
        apply(entry);
    }

    private PostResult check(JournalEntry entry) {
        JournalEntry first = byKey.get(entry.key());
        if (first != null) {
            if (first.sameMovementAs(entry)) {
                return new PostResult.Replayed(first);
            }
            return new PostResult.Rejected(entry, PostResult.Reason.KEY_REUSED_WITH_DIFFERENT_CONTENT,
                    "key " + entry.key() + " was posted before as " + first.postings() + ", now offered as "
                            + entry.postings());
        }
        if (entry.reverses().isPresent()) {
            String target = entry.reverses().get();
            if (!byKey.containsKey(target)) {
                return new PostResult.Rejected(entry, PostResult.Reason.REVERSED_ENTRY_UNKNOWN,
                        "entry " + entry.key() + " reverses unknown entry " + target);
            }
            if (reversed.contains(target)) {
                return new PostResult.Rejected(entry, PostResult.Reason.ALREADY_REVERSED,
                        "entry " + target + " was already reversed");
            }
        }
        return new PostResult.Posted(entry);
    }

    /** Applies a checked entry; if a balance would overflow, nothing of the entry is applied and the overflow is thrown. */
    private void apply(JournalEntry entry) {
        PostingList postings = entry.postingList();
        int done = 0;
        try {
            for (int i = 0; i < postings.size(); i++) {
                Account account = postings.account(i);
                Balance balance = balances.get(account);
                if (balance == null) {
                    balance = new Balance(postings.currency(i));
                    balances.put(account, balance);
                }
                balance.add(postings.currency(i), postings.minor(i));
                done++;
            }
        } catch (RuntimeException e) {
            for (int i = done - 1; i >= 0; i--) {
                balances.get(postings.account(i)).undo(postings.currency(i), postings.minor(i));
            }
            throw e;
        }
        entries.add(entry);
        byKey.put(entry.key(), entry);
        entry.reverses().ifPresent(reversed::add);
    }

    /** Undoes the last {@code count} applied entries, newest first: a rejected batch changes nothing. */
    private void undoLast(int count) {
        for (int k = 0; k < count; k++) {
            JournalEntry entry = entries.remove(entries.size() - 1);
            PostingList postings = entry.postingList();
            for (int i = postings.size() - 1; i >= 0; i--) {
                balances.get(postings.account(i)).undo(postings.currency(i), postings.minor(i));
            }
            byKey.remove(entry.key());
            entry.reverses().ifPresent(reversed::remove);
        }
    }

    private long balanceMinor(Account account, CurrencyUnit currency) {
        Balance balance = balances.get(account);
        return balance == null ? 0 : balance.get(currency);
    }

    @Override
    public synchronized Optional<JournalEntry> entry(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    @Override
    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized MonetaryAmount balance(Account account, CurrencyUnit currency) {
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        return MinorUnits.toAmount(balanceMinor(account, currency), currency);
    }

    @Override
    public synchronized Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances() {
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> snapshot = new HashMap<>();
        balances.forEach((account, balance) -> {
            Map<CurrencyUnit, MonetaryAmount> amounts = new HashMap<>();
            balance.forEachNonZero((currency, minor) -> amounts.put(currency, MinorUnits.toAmount(minor, currency)));
            if (!amounts.isEmpty()) {
                snapshot.put(account, Map.copyOf(amounts));
            }
        });
        return Map.copyOf(snapshot);
    }

    @Override
    public synchronized AccountStatement statement(Account account, CurrencyUnit currency, Instant from, Instant to) {
        InvalidInputException.requireNonNull(account, "account");
        InvalidInputException.requireNonNull(currency, "currency");
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", to, "must not be before from (" + from + ")");
        }
        long opening = 0;
        List<JournalEntry> inPeriod = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (entry.at().isBefore(from)) {
                opening = Exact.add(opening, sumFor(entry, account, currency));
            } else if (entry.at().isBefore(to)) {
                inPeriod.add(entry);
            }
        }
        inPeriod.sort(Comparator.comparing(JournalEntry::at));
        List<AccountStatement.Line> lines = new ArrayList<>();
        long running = opening;
        for (JournalEntry entry : inPeriod) {
            for (Posting p : entry.postings()) {
                if (p.account().equals(account) && p.currency().equals(currency)) {
                    running = Exact.add(running, p.minor());
                    lines.add(new AccountStatement.Line(entry.key(), entry.at(), entry.memo(), p.amount(),
                            MinorUnits.toAmount(running, currency)));
                }
            }
        }
        return new AccountStatement(account, from, to, MinorUnits.toAmount(opening, currency), lines,
                MinorUnits.toAmount(running, currency));
    }

    private static long sumFor(JournalEntry entry, Account account, CurrencyUnit currency) {
        long sum = 0;
        for (Posting p : entry.postings()) {
            if (p.account().equals(account) && p.currency().equals(currency)) {
                sum = Exact.add(sum, p.minor());
            }
        }
        return sum;
    }
}
