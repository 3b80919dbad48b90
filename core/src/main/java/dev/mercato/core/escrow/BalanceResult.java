package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What paying an order's balance did ({@code Commerce.payBalance}).
 */
public sealed interface BalanceResult {

    /**
     * The balance was captured: the escrow holds the whole amount and the order may ship.
     *
     * @param escrow the escrow, {@link dev.mercato.core.escrow.Held}
     */
    record Paid(Escrow escrow) implements BalanceResult {
        /** Validates the field. */
        public Paid {
            InvalidInputException.requireNonNull(escrow, "escrow");
        }
    }

    /**
     * The provider has not decided (pending, or the answer was lost): the escrow still awaits the
     * balance and reconciliation ({@code Commerce.runDueTimers}) or a notification completes it;
     * paying again replays the same transaction.
     *
     * @param escrow the escrow, still awaiting its balance
     * @param detail what the provider said
     */
    record Pending(Escrow escrow, String detail) implements BalanceResult {
        /** Validates the fields. */
        public Pending {
            InvalidInputException.requireNonNull(escrow, "escrow");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * Nothing was captured: the provider declined, or the balance cannot be paid now.
     *
     * @param reason why
     * @param detail a readable explanation
     */
    record Refused(Reason reason, String detail) implements BalanceResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /** Why a balance was not paid. */
    enum Reason {
        /** The order was not checked out in stages, or its money is not held yet. */
        NOT_STAGED,
        /** The balance was paid already. */
        ALREADY_PAID,
        /** The balance window has not opened yet. */
        TOO_EARLY,
        /** The balance window closed: the forfeit rule applies (or applied). */
        TOO_LATE,
        /** The provider declined the payment. */
        DECLINED
    }
}
