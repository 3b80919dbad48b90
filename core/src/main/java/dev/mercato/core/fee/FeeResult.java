package dev.mercato.core.fee;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * The outcome of a money-moving fee command: booked in the ledger, or refused with a reason and
 * nothing changed. A replay of a booked command's key returns the first {@link Booked}; a refused
 * command is not remembered, so the same key may be sent again once the cause is gone (a top-up
 * made, the next day's budget).
 */
public sealed interface FeeResult {

    /**
     * Booked: one journal entry posted.
     *
     * @param entryKey the journal entry's key
     * @param amount the amount moved, positive
     * @param explanation how it was computed
     */
    record Booked(String entryKey, MonetaryAmount amount, String explanation) implements FeeResult {
        /** Validates the fields. */
        public Booked {
            InvalidInputException.requireNonNull(entryKey, "entryKey");
            InvalidInputException.requireNonNull(amount, "amount");
            InvalidInputException.requireNonNull(explanation, "explanation");
        }
    }

    /**
     * Refused: nothing was posted or stored.
     *
     * @param reason why
     * @param detail the figures, in words
     */
    record Refused(FeeRefusal reason, String detail) implements FeeResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
