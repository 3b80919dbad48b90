package dev.mercato.core.ledger;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** The in-memory journal: one lock guards entries and balances, so each post is atomic. */
final class InMemoryJournal implements Journal {
    private final List<JournalEntry> entries = new ArrayList<>();
    private final Map<String, JournalEntry> byKey = new HashMap<>();
    private final Set<String> reversed = new HashSet<>();
    private final Map<Account, Map<CurrencyUnit, Long>> balances = new LinkedHashMap<>();

    @Override
    public synchronized PostResult post(JournalEntry entry) {
        return postAll(List.of(entry)).get(0);
    }

    @Override
    public synchronized List<PostResult> postAll(List<JournalEntry> batch) {
        InvalidInputException.requireNonNull(batch, "entries");
        Map<String, JournalEntry> pendingKeys = new HashMap<>();
        Set<String> pendingReversed = new HashSet<>();
        List<PostResult> results = new ArrayList<>(batch.size());
        boolean rejected = false;
        for (JournalEntry entry : batch) {
            InvalidInputException.requireNonNull(entry, "entry");
            PostResult result = check(entry, pendingKeys, pendingReversed);
            results.add(result);
            if (result instanceof PostResult.Posted) {
                pendingKeys.put(entry.key(), entry);
                entry.reverses().ifPresent(pendingReversed::add);
            } else if (result instanceof PostResult.Rejected) {
                rejected = true;
            }
        }
        if (!rejected) {
            for (PostResult result : results) {
                if (result instanceof PostResult.Posted posted) {
                    apply(posted.entry());
                }
            }
        }
        return List.copyOf(results);
    }

    /** Adds an entry known to be valid, for read-only views built from another journal. */
    synchronized void postUnchecked(JournalEntry entry) {
        apply(entry);
    }

    private PostResult check(JournalEntry entry, Map<String, JournalEntry> pendingKeys, Set<String> pendingReversed) {
        JournalEntry first = byKey.getOrDefault(entry.key(), pendingKeys.get(entry.key()));
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
            if (!byKey.containsKey(target) && !pendingKeys.containsKey(target)) {
                return new PostResult.Rejected(entry, PostResult.Reason.REVERSED_ENTRY_UNKNOWN,
                        "entry " + entry.key() + " reverses unknown entry " + target);
            }
            if (reversed.contains(target) || pendingReversed.contains(target)) {
                return new PostResult.Rejected(entry, PostResult.Reason.ALREADY_REVERSED,
                        "entry " + target + " was already reversed");
            }
        }
        return new PostResult.Posted(entry);
    }

    private void apply(JournalEntry entry) {
        // Checked arithmetic first, so an overflow leaves the journal untouched.
        Map<Account, Map<CurrencyUnit, Long>> updated = new HashMap<>();
        for (Posting p : entry.postings()) {
            long current = updated.computeIfAbsent(p.account(), a -> new HashMap<>())
                    .getOrDefault(p.currency(), balanceMinor(p.account(), p.currency()));
            updated.get(p.account()).put(p.currency(), Exact.add(current, p.minor()));
        }
        updated.forEach((account, perCurrency) -> balances.computeIfAbsent(account, a -> new LinkedHashMap<>())
                .putAll(perCurrency));
        entries.add(entry);
        byKey.put(entry.key(), entry);
        entry.reverses().ifPresent(reversed::add);
    }

    private long balanceMinor(Account account, CurrencyUnit currency) {
        Map<CurrencyUnit, Long> perCurrency = balances.get(account);
        return perCurrency == null ? 0 : perCurrency.getOrDefault(currency, 0L);
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
        Map<Account, Map<CurrencyUnit, MonetaryAmount>> snapshot = new LinkedHashMap<>();
        balances.forEach((account, perCurrency) -> {
            Map<CurrencyUnit, MonetaryAmount> amounts = new LinkedHashMap<>();
            perCurrency.forEach((currency, minor) -> {
                if (minor != 0) {
                    amounts.put(currency, MinorUnits.toAmount(minor, currency));
                }
            });
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
