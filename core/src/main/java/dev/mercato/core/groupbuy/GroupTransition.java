package dev.mercato.core.groupbuy;

import dev.mercato.pricing.error.InvalidInputException;

/** The result of a transition of a {@link GroupBuy}: the state it entered, or a refusal. */
public sealed interface GroupTransition {

    /**
     * Accepted.
     *
     * @param state the state entered (the same state for a replay that changes nothing)
     */
    record Moved(GroupBuy state) implements GroupTransition {
        /** Validates the field. */
        public Moved {
            InvalidInputException.requireNonNull(state, "state");
        }
    }

    /**
     * Refused; nothing changed.
     *
     * @param reason why
     * @param detail a message naming the values involved
     */
    record Refused(GroupRefusal reason, String detail) implements GroupTransition {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
