package dev.mercato.core.escrow;

import dev.mercato.core.ledger.JournalEntry;
import java.util.Optional;

/**
 * The result of asking an escrow state for a transition: accepted, with the state entered and
 * the journal entry to post atomically with it, or refused with a reason.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Transition {

    /**
     * The state after this transition: the new state, or the unchanged one when refused.
     *
     * @return never {@code null}
     */
    Escrow state();

    /**
     * The transition is allowed.
     *
     * @param state the state entered
     * @param entry the balanced entry to post with it; empty when no money moves (shipping,
     *     opening a dispute, extending the timer)
     */
    record Accepted(Escrow state, Optional<JournalEntry> entry) implements Transition {}

    /**
     * The transition is refused; nothing changes.
     *
     * @param state the unchanged state
     * @param reason why
     * @param detail a message naming the values involved
     */
    record Refused(Escrow state, RefusalReason reason, String detail) implements Transition {}
}
