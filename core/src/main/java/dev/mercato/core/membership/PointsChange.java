package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;

/** What a points command did: the account after and the entry recorded, or why it was refused. */
public sealed interface PointsChange {

    /**
     * The change was made.
     *
     * @param account the account after the change
     * @param entry the entry recorded
     */
    record Applied(MemberAccount account, PointsEntry entry) implements PointsChange {
        /**
         * Validates the change.
         *
         * @throws InvalidInputException if a value is missing
         */
        public Applied {
            InvalidInputException.requireNonNull(account, "account");
            InvalidInputException.requireNonNull(entry, "entry");
        }
    }

    /**
     * The command was refused; nothing changed.
     *
     * @param reason why
     * @param detail a sentence naming the values involved
     */
    record Refused(PointsRefusal reason, String detail) implements PointsChange {
        /**
         * Validates the refusal.
         *
         * @throws InvalidInputException if a value is missing
         */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
