package dev.mercato.core.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The book of journal entries and the source of truth for balances.
 *
 * <p>Implementations guarantee: an entry is posted entirely or not at all; each key is posted at
 * most once (a replay with the same movement returns {@link PostResult.Replayed}, a different
 * movement under a used key is {@link PostResult.Rejected}); an entry is reversed at most once;
 * stored balances always equal the balances recomputed from the entries. The in-memory
 * implementation is thread-safe.
 */
public interface Journal {

    /**
     * A thread-safe journal held in memory.
     *
     * @return an empty journal
     */
    static Journal inMemory() {
        return new InMemoryJournal(0);
    }

    /**
     * A thread-safe journal held in memory, sized for about {@code expectedEntries} entries and as
     * many accounts. It behaves exactly as {@link #inMemory()}; the hint saves the journal from
     * growing its tables while posting (each growth copies them under the journal's lock), which
     * matters when a settlement run posts hundreds of thousands of entries. More entries than
     * expected are fine.
     *
     * @param expectedEntries how many entries the journal will probably hold, not negative
     * @return an empty journal
     * @throws dev.mercato.pricing.error.InvalidInputException if {@code expectedEntries} is negative
     */
    static Journal inMemory(int expectedEntries) {
        if (expectedEntries < 0) {
            throw new dev.mercato.pricing.error.InvalidInputException("expectedEntries", expectedEntries, "must not be negative");
        }
        return new InMemoryJournal(expectedEntries);
    }

    /**
     * A journal kept in storage, whose entries can be posted in a caller's unit of work, atomically
     * with a state change.
     *
     * @param storage the storage
     * @return the journal over that storage
     */
    static TransactionalJournal inStorage(dev.mercato.core.storage.Storage storage) {
        return new StorageJournal(storage);
    }

    /**
     * Posts an entry, idempotently.
     *
     * @param entry a balanced entry
     * @return what happened; a rejection changed nothing
     */
    PostResult post(JournalEntry entry);

    /**
     * Posts several entries as one unit: all are accepted or none is posted.
     *
     * @param entries balanced entries
     * @return the results, in order; if any is rejected, nothing was posted and the list holds
     *     the results that would have been, including the rejection
     */
    List<PostResult> postAll(List<JournalEntry> entries);

    /**
     * The entry posted under a key.
     *
     * @param key the idempotency key
     * @return the entry, or empty
     */
    Optional<JournalEntry> entry(String key);

    /**
     * Every entry, in posting order. A journal kept in storage ({@link #inStorage}) has no global
     * sequence: it lists entries by instant, then by a sequence kept per account, then by key, which
     * is the posting order for entries of one instant that share an account.
     *
     * @return an immutable snapshot
     */
    List<JournalEntry> entries();

    /**
     * The balance of one account in one currency: the sum of its postings.
     *
     * @param account the account
     * @param currency the currency
     * @return the balance, zero if the account has no postings
     */
    MonetaryAmount balance(Account account, CurrencyUnit currency);

    /**
     * Every non-empty balance, per account and currency.
     *
     * @return an immutable snapshot
     */
    Map<Account, Map<CurrencyUnit, MonetaryAmount>> balances();

    /**
     * The statement of one account in one currency over {@code [from, to)}, by entry time.
     *
     * @param account the account
     * @param currency the currency
     * @param from start, inclusive
     * @param to end, exclusive
     * @return the statement
     */
    AccountStatement statement(Account account, CurrencyUnit currency, Instant from, Instant to);
}
