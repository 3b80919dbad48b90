package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What a seller command did: accepted, with the state entered, or refused with a reason (and the
 * unchanged state). Immutable.
 */
public sealed interface SellerResult {

    /**
     * The seller after the command: the new state, or the unchanged one when refused.
     *
     * @return never {@code null}
     */
    Seller state();

    /**
     * Whether the command was accepted.
     *
     * @return {@code true} for {@link Accepted}
     */
    default boolean isAccepted() {
        return this instanceof Accepted;
    }

    /**
     * The command was accepted.
     *
     * @param state the state entered (for a replay, the seller's current state)
     */
    record Accepted(Seller state) implements SellerResult {
        /** Validates the state. */
        public Accepted {
            InvalidInputException.requireNonNull(state, "state");
        }
    }

    /**
     * The command was refused; nothing changed.
     *
     * @param state the unchanged state
     * @param reason why
     * @param detail a message naming the values involved
     */
    record Refused(Seller state, SellerRefusal reason, String detail) implements SellerResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(state, "state");
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
