package dev.mercato.core.ledger;

import dev.mercato.core.storage.UnitOfWork;
import java.util.ArrayList;
import java.util.List;

/**
 * A journal kept in {@link dev.mercato.core.storage.Storage}, so that an entry can be posted in
 * the same unit of work as the state change it records: both commit, or neither does.
 *
 * <p>Entries, per-account balances and a posting sequence are aggregates with optimistic
 * versions; concurrent posts conflict and are retried by the storage's retrying transaction.
 * Thread-safe.
 */
public interface TransactionalJournal extends Journal {

    /**
     * Posts an entry within a caller's unit of work; it is committed (or dropped) with it.
     *
     * @param uow the unit of work, of this journal's storage
     * @param entry a balanced entry
     * @return what happened; for a rejection nothing was staged
     */
    PostResult post(UnitOfWork uow, JournalEntry entry);

    /**
     * The balance of one account in one currency as a caller's unit of work reads it: a post in the
     * same unit of work after this read commits only if no other commit changed the balance in
     * between (a check-then-post, such as "the charge is covered by the balance", cannot race).
     *
     * @param uow the unit of work, of this journal's storage
     * @param account the account
     * @param currency the currency
     * @return the balance, zero if the account has no postings
     */
    javax.money.MonetaryAmount balance(UnitOfWork uow, Account account, javax.money.CurrencyUnit currency);

    /**
     * Posts one entry in a unit of work of its own.
     *
     * @param entry a balanced entry
     * @return what happened
     */
    @Override
    default PostResult post(JournalEntry entry) {
        return postAll(List.of(entry)).get(0);
    }

    /**
     * Posts entries in one unit of work of their own (retried on conflict): all of them, or, when
     * one is rejected, none, with every entry's result returned.
     *
     * @param entries balanced entries
     * @return one result per entry, in order
     */
    @Override
    default List<PostResult> postAll(List<JournalEntry> entries) {
        dev.mercato.pricing.error.InvalidInputException.requireNonNull(entries, "entries");
        try {
            return storage().inTransaction(BatchRolledBack.ATTEMPTS, uow -> {
                List<PostResult> results = new ArrayList<>();
                for (JournalEntry entry : entries) {
                    results.add(post(uow, entry));
                }
                if (results.stream().anyMatch(r -> !r.isAccepted())) {
                    throw new BatchRolledBack(List.copyOf(results));
                }
                return List.copyOf(results);
            }, dev.mercato.core.event.EventPublisher.none());
        } catch (BatchRolledBack rolledBack) {
            return rolledBack.results();
        }
    }

    /**
     * The storage this journal lives in.
     *
     * @return never {@code null}
     */
    dev.mercato.core.storage.Storage storage();
}
