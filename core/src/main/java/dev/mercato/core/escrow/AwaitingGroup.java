package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import java.time.Instant;

/**
 * A group-buy payment, held until the group forms; refunded in full if the deadline passes
 * unfilled.
 *
 * @param terms the terms
 * @param funds the captured payment, all held
 * @param step accepted transitions so far
 * @param groupDeadline when the group must have formed
 */
public record AwaitingGroup(EscrowTerms terms, EscrowFunds funds, long step, Instant groupDeadline)
        implements Escrow {

    /**
     * The group filled: the order proceeds as a normal held escrow.
     *
     * @param actor the system or a platform operator
     * @param at now
     * @return {@link Held}, or a refusal
     */
    public Transition groupFormed(Actor actor, Instant at) {
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "form the group of");
        }
        if (at.isAfter(groupDeadline)) {
            return Flows.refuse(this, RefusalReason.TOO_LATE, "group deadline " + groupDeadline + " passed at " + at);
        }
        return Flows.accept(new Held(terms, funds, step + 1));
    }

    /**
     * The deadline passed and the group did not fill: the payment goes back in full.
     *
     * @param actor the system (timer) or a platform operator
     * @param at now, not before the deadline
     * @return {@link Refunded} with the refund entry, or a refusal
     */
    public Transition groupFailed(Actor actor, Instant at) {
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "fail the group of");
        }
        if (at.isBefore(groupDeadline)) {
            return Flows.refuse(this, RefusalReason.TOO_EARLY, "group deadline is " + groupDeadline + ", now " + at);
        }
        long held = funds.heldMinor();
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held), step + 1, at),
                Flows.refundHeld(Flows.entry(this, "group-failed-refund", at), terms, held).build());
    }

    /**
     * The buyer leaves the group before it formed (or the facade takes the place back): the
     * payment goes back in full, at any time before the group forms.
     *
     * @param actor the buyer, the system or a platform operator
     * @param at now
     * @return {@link Refunded} with the refund entry, or a refusal
     */
    public Transition leaveGroup(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "leave the group of");
        }
        long held = funds.heldMinor();
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held), step + 1, at),
                Flows.refundHeld(Flows.entry(this, "group-left-refund", at), terms, held).build());
    }

    /** Declares this state's timer: {@link EscrowService#GROUP_DEADLINE}. */
    @Override
    public java.util.Optional<EscrowTimer> timer() {
        return java.util.Optional.of(new EscrowTimer(EscrowService.GROUP_DEADLINE, groupDeadline));
    }

    @Override
    public Transition onTimer(Actor actor, Instant at) {
        return groupFailed(actor, at);
    }
}
