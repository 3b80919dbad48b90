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
 * AwaitingFirstStage --pay deposit or advance--> AwaitingBalance --pay balance--> Held
 * AwaitingFirstStage --close unpaid / cancel--> Closed
 * AwaitingBalance --balance unpaid at its due date--> Closed (deposit kept net of commission) or Refunded
 * AwaitingBalance --refund first stage--> Refunded
 * </pre>
 *
 * <p>Every state is an immutable record; transitions are methods on the state they leave.
 * {@link Refunded} and {@link Closed} are terminal: they have none. {@link #step()} counts the
 * accepted transitions and makes each journal entry's key unique and replayable.
 */
public sealed interface Escrow permits AwaitingPayment, AwaitingGroup, AwaitingFirstStage,
        AwaitingBalance, Held, Shipped, Disputed, Released, Refunded,
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

    /**
     * Opens an escrow paid by {@code schedule}: a schedule {@link PaymentSchedule.InFull in full}
     * opens {@link #open as usual}; a two-stage one opens {@link AwaitingFirstStage}, whose first
     * stage is due {@code terms.payWithin()} after {@code at} (docs/escrow-and-ledger.md, "Payments
     * in stages").
     *
     * @param terms the terms, without a group-buy deadline, tax or cash adjustment when in stages
     * @param schedule how the buyer pays
     * @param at when the order was placed
     * @return the new escrow
     * @throws InvalidInputException if a value is missing or the schedule does not fit the terms
     */
    static Escrow openInStages(EscrowTerms terms, PaymentSchedule schedule, Instant at) {
        InvalidInputException.requireNonNull(terms, "terms");
        InvalidInputException.requireNonNull(schedule, "schedule");
        InvalidInputException.requireNonNull(at, "at");
        if (schedule instanceof PaymentSchedule.InFull) {
            return open(terms, at);
        }
        if (terms.groupDeadline().isPresent()) {
            throw new InvalidInputException("terms.groupDeadline", terms.groupDeadline().get(),
                    "a group-buy is paid in full: it cannot be paid in stages");
        }
        if (!terms.tax().isZero() || !terms.cashAdjustment().isZero()) {
            throw new InvalidInputException("terms", terms.tax() + " tax, " + terms.cashAdjustment()
                    + " cash adjustment", "an escrow paid in stages carries neither yet");
        }
        return new AwaitingFirstStage(terms, EscrowFunds.none(terms.currency(), terms.deductions().shares().size()), 0,
                at.plus(terms.payWithin()), schedule);
    }
}
