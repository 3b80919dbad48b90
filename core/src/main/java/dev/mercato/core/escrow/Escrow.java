package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * One guaranteed transaction, in one of its states:
 *
 * <pre>
 * AwaitingPayment --pay--> Held (or AwaitingGroup for a group-buy --formed--> Held)
 * AwaitingPayment --close (unpaid past deadline) / cancel--> Closed
 * AwaitingGroup --deadline passes unfilled--> Refunded
 * Held --ship--> Shipped --confirm / auto-confirm--> Released
 * Held, Shipped --refund in full--> Refunded; --refund part--> same state, less held
 * Held, Shipped --dispute--> Disputed (timer frozen) --release / refund / split--> Released or Refunded
 * Disputed --ends unresolved--> Held or Shipped (timer resumes with the time that was left)
 * Released --refund after release (clawback) / compensation--> Released
 * </pre>
 *
 * <p>Every state is an immutable record; transitions are methods on the state they leave.
 * {@link Refunded} and {@link Closed} are terminal: they have none. {@link #step()} counts the
 * accepted transitions and makes each journal entry's key unique and replayable.
 */
public sealed interface Escrow permits AwaitingPayment, AwaitingGroup, Held, Shipped, Disputed, Released, Refunded,
        Closed {

    /**
     * What the escrow was opened with.
     *
     * @return never {@code null}
     */
    EscrowTerms terms();

    /**
     * Where the escrow's money is.
     *
     * @return never {@code null}
     */
    EscrowFunds funds();

    /**
     * How many transitions were accepted before this state was entered (0 for a new escrow).
     *
     * @return non-negative
     */
    long step();

    /**
     * The escrow's id.
     *
     * @return the id from the terms
     */
    default String id() {
        return terms().escrowId();
    }

    /**
     * The due timer this state runs, if any (docs/escrow-and-ledger.md, "Escrow states").
     *
     * @return the timer; empty by default
     */
    default java.util.Optional<EscrowTimer> timer() {
        return java.util.Optional.empty();
    }

    /**
     * What this state does when its timer fires.
     *
     * @param actor the system
     * @param at now
     * @return the transition; a refusal for a state that runs no timer
     */
    default Transition onTimer(dev.mercato.core.actor.Actor actor, Instant at) {
        return new Transition.Refused(this, RefusalReason.NOT_IN_THIS_STATE, "escrow " + id() + " is "
                + getClass().getSimpleName() + " and runs no timer");
    }

    /**
     * Whether no transition leaves this state.
     *
     * @return {@code true} for {@link Refunded} and {@link Closed}
     */
    default boolean isTerminal() {
        return this instanceof Refunded || this instanceof Closed;
    }

    /**
     * Opens an escrow waiting for the buyer's payment, due {@code terms.payWithin()} after
     * {@code at}.
     *
     * @param terms the terms
     * @param at when the order was placed
     * @return the new escrow
     */
    static AwaitingPayment open(EscrowTerms terms, Instant at) {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(at, "at");
        return new AwaitingPayment(terms, EscrowFunds.none(terms.currency(), terms.deductions().shares().size()), 0, at.plus(terms.payWithin()));
    }
}
