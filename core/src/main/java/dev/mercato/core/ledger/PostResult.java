package dev.mercato.core.ledger;

/**
 * What posting an entry did. A rejected post changed nothing.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface PostResult {

    /**
     * The entry now in the journal (the first one, for a replay).
     *
     * @return the entry; for a rejection, the entry that was offered
     */
    JournalEntry entry();

    /**
     * Whether the journal holds the entry's movement after this call.
     *
     * @return {@code true} for {@link Posted} and {@link Replayed}
     */
    default boolean isAccepted() {
        return !(this instanceof Rejected);
    }

    /**
     * The entry was posted now.
     *
     * @param entry the posted entry
     */
    record Posted(JournalEntry entry) implements PostResult {}

    /**
     * An entry with this key and the same movement was posted before; nothing changed.
     *
     * @param entry the entry posted first
     */
    record Replayed(JournalEntry entry) implements PostResult {}

    /**
     * The entry was refused; nothing changed.
     *
     * @param entry the offered entry
     * @param reason why
     * @param detail a message naming the values involved
     */
    record Rejected(JournalEntry entry, Reason reason, String detail) implements PostResult {}

    /** Why a post was refused. */
    enum Reason {
        /** The key was used before for a different movement. */
        KEY_REUSED_WITH_DIFFERENT_CONTENT,
        /** The entry reverses a key the journal does not hold. */
        REVERSED_ENTRY_UNKNOWN,
        /** The entry reverses an entry that was already reversed. */
        ALREADY_REVERSED
    }
}
