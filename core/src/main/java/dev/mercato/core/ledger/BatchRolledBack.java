package dev.mercato.core.ledger;

import java.util.List;

/**
 * Thrown inside a unit of work to drop a batch of entries one of which was rejected (see {@link
 * TransactionalJournal#postAll}); it carries every entry's result.
 */
final class BatchRolledBack extends RuntimeException {
    /** How often a batch is run again when its commit loses a race. */
    static final int ATTEMPTS = 100;
    private static final long serialVersionUID = 1L;
    private final transient List<PostResult> results;

    BatchRolledBack(List<PostResult> results) {
        super(null, null, false, false);
        this.results = results;
    }

    List<PostResult> results() {
        return results;
    }
}
