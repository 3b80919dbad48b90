package dev.mercato.core.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Timers stored with the aggregates, changed within a {@link UnitOfWork}: scheduling the unpaid
 * close of an order commits with the order itself. A sweeper asks for the due ones and handles
 * each in its own unit of work, cancelling the timer there.
 *
 * <p>With several instances on one storage, a sweeper {@linkplain #claim claims} due timers
 * instead: the claim leases them (committed with the claiming unit of work), other claims skip
 * them until the lease expires, and the unit of work that fires one calls {@link #complete}, which
 * commits only while the claim still holds the timer. A claimant that dies leaves its timers to
 * be claimed again once the lease expires; each timer's effect commits once.
 */
public interface DueTimers {
    /**
     * Stages a timer, replacing any timer with the same key.
     *
     * @param key the timer key
     * @param dueAt when it becomes due
     */
    void schedule(TimerKey key, Instant dueAt);

    /**
     * Stages the removal of a timer; nothing happens when there is none.
     *
     * @param key the timer key
     */
    void cancel(TimerKey key);

    /**
     * Reads a timer, including this unit of work's staged changes.
     *
     * @param key the timer key
     * @return the timer, or empty
     */
    Optional<DueTimer> find(TimerKey key);

    /**
     * The committed timers due at {@code now} (due time not after it), earliest first, ties in
     * key order.
     *
     * @param now the current instant
     * @param limit the most timers to return, at least 1
     * @return at most {@code limit} timers
     */
    List<DueTimer> due(Instant now, int limit);

    /**
     * The committed timers of some kinds due at {@code now}, earliest first, ties in key order: a
     * runner asks only for the kinds it has handlers for, so due timers of other kinds never
     * starve it. Adapters should answer from an index on (kind, due time); this default scans.
     *
     * @param now the current instant
     * @param kinds the timer kinds wanted, not empty
     * @param limit the most timers to return, at least 1
     * @return at most {@code limit} timers, all of those kinds
     */
    default List<DueTimer> due(Instant now, java.util.Set<String> kinds, int limit) {
        if (kinds == null || kinds.isEmpty()) {
            throw new dev.mercato.pricing.error.InvalidInputException("kinds", kinds, "must name at least one kind");
        }
        if (limit < 1) {
            throw new dev.mercato.pricing.error.InvalidInputException("limit", limit, "must be at least 1");
        }
        return due(now, Integer.MAX_VALUE).stream().filter(t -> kinds.contains(t.key().kind())).limit(limit).toList();
    }

    /**
     * Leases up to {@code limit} committed timers of the given kinds that are due at {@code now}
     * and not leased (or whose lease expired), earliest first, ties in key order. The leases are
     * staged: they take effect when this unit of work commits, and a commit that finds one of the
     * timers changed or leased by another claim in between fails with {@link
     * ConcurrencyConflictException} (an adapter that locks rows may skip such timers instead).
     *
     * @param now the current instant
     * @param kinds the timer kinds to claim, not empty
     * @param limit the most timers to claim, at least 1
     * @param lease how long the claim holds the timers, positive
     * @return the claims, at most {@code limit}
     */
    List<TimerClaim> claim(Instant now, Set<String> kinds, int limit, Duration lease);

    /**
     * Stages the removal of a claimed timer after firing it. The commit fails with {@link
     * ConcurrencyConflictException} unless the claim still holds the timer: it was not
     * rescheduled, cancelled or claimed again since.
     *
     * @param claim the claim returned by {@link #claim}
     */
    void complete(TimerClaim claim);
}
