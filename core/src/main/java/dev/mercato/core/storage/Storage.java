package dev.mercato.core.storage;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.function.Function;

/**
 * Where Mercato keeps its aggregates. All access goes through {@link #inTransaction}: the work
 * runs against a fresh {@link UnitOfWork}, and when it returns normally everything it staged is
 * committed atomically, with each write's expected version checked.
 *
 * <h2>Contract (checked by {@code StorageContract})</h2>
 * <ul>
 *   <li>If the work throws, nothing is committed and the exception propagates.</li>
 *   <li>If another commit changed an aggregate this work writes, the commit fails with {@link
 *       ConcurrencyConflictException}, nothing is committed, and the caller may run the work
 *       again (see {@link #inTransaction(int, Function, EventPublisher)}).</li>
 *   <li>After a successful commit, the recorded events are handed to the publisher in order;
 *       a publisher failure does not undo the commit.</li>
 *   <li>Readers never see a commit half-applied.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface Storage {
    /**
     * Runs work in one unit of work and commits it.
     *
     * @param work the work; may be run once only
     * @param afterCommit receives the recorded events after the commit
     * @param <R> the result type
     * @return what the work returned
     * @throws ConcurrencyConflictException if a written aggregate changed concurrently
     */
    <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work, EventPublisher afterCommit);

    /**
     * Runs work in one unit of work and commits it, dropping recorded events.
     *
     * @param work the work
     * @param <R> the result type
     * @return what the work returned
     * @throws ConcurrencyConflictException if a written aggregate changed concurrently
     */
    default <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work) {
        return inTransaction(work, EventPublisher.none());
    }

    /**
     * Runs work in a unit of work, running it again on a fresh unit of work when the commit
     * conflicts, up to {@code maxAttempts} times in all. The work must therefore read what it
     * needs inside the unit of work and have no side effects outside it.
     *
     * @param maxAttempts at least 1
     * @param work the work
     * @param afterCommit receives the recorded events after the commit
     * @param <R> the result type
     * @return what the committed run returned
     * @throws ConcurrencyConflictException if the last attempt still conflicts
     */
    default <R> R inTransaction(int maxAttempts, Function<? super UnitOfWork, ? extends R> work,
            EventPublisher afterCommit) {
        if (maxAttempts < 1) {
            throw new InvalidInputException("maxAttempts", maxAttempts, "must be at least 1");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction(work, afterCommit);
            } catch (ConcurrencyConflictException conflict) {
                if (attempt >= maxAttempts) {
                    throw conflict;
                }
            }
        }
    }
}
