package dev.mercato.core.ledger;

import dev.mercato.core.storage.UnitOfWork;

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
     * The storage this journal lives in.
     *
     * @return never {@code null}
     */
    dev.mercato.core.storage.Storage storage();
}
