package dev.mercato.core.simulation;

import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.storage.ConcurrencyConflictException;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import java.util.function.Function;

/**
 * A storage that fails on purpose: the next commits conflict (as if another instance wrote the
 * same rows first) or fail outright (the database went away mid-commit). In both cases nothing
 * the work staged is committed, as the {@link Storage} contract says of any failed commit.
 */
final class FaultyStorage implements Storage {
    /** A commit that failed; the work it carried was rolled back. */
    static final class CommitFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailed() {
            super("injected: the commit failed and was rolled back");
        }
    }

    private final Storage delegate;
    private int conflictsArmed;
    private int failuresArmed;
    private int skipBeforeFailure;
    long conflictsInjected;
    long failuresInjected;

    FaultyStorage(Storage delegate) {
        this.delegate = delegate;
    }

    /** The next {@code n} commits conflict. */
    void conflictNext(int n) {
        conflictsArmed = n;
    }

    /** The commit after the next {@code skip} commits fails. */
    void failAfter(int skip) {
        failuresArmed = 1;
        skipBeforeFailure = skip;
    }

    void disarm() {
        conflictsArmed = 0;
        failuresArmed = 0;
    }

    @Override
    public <R> R inTransaction(Function<? super UnitOfWork, ? extends R> work, EventPublisher afterCommit) {
        if (conflictsArmed > 0) {
            conflictsArmed--;
            conflictsInjected++;
            throw new ConcurrencyConflictException("injected", "conflict", 1, 2);
        }
        if (failuresArmed > 0) {
            if (skipBeforeFailure > 0) {
                skipBeforeFailure--;
            } else {
                failuresArmed--;
                failuresInjected++;
                return delegate.inTransaction(uow -> {
                    work.apply(uow);
                    throw new CommitFailed();
                }, afterCommit);
            }
        }
        return delegate.inTransaction(work, afterCommit);
    }
}
