package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import java.time.Instant;

/**
 * Opened, not paid yet. Closes automatically when unpaid at {@code payBy}.
 *
 * @param terms the terms
 * @param funds nothing captured yet
 * @param step accepted transitions so far
 * @param payBy when the escrow closes if still unpaid
 */
public record AwaitingPayment(EscrowTerms terms, EscrowFunds funds, long step, Instant payBy) implements Escrow {

    /**
     * The buyer's payment was captured: the escrow holds the money, or for a group-buy waits for
     * the group. A payment after {@code payBy} is still accepted while the escrow is open, because
     * the money has moved; once {@link Closed}, no payment can be recorded.
     *
     * @param actor the buyer of this escrow, or the system confirming the payment
     * @param at when the payment was captured
     * @return {@link Held} or {@link AwaitingGroup} with the capture entry, or a refusal
     */
    public Transition pay(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSystem(actor)) {
            return Flows.notAllowed(this, actor, "pay");
        }
        EscrowFunds captured = funds.capture(dev.mercato.pricing.money.MinorUnits.toMinor(terms.amount()));
        Escrow next = terms.groupDeadline().<Escrow>map(d -> new AwaitingGroup(terms, captured, step + 1, d))
                .orElseGet(() -> new Held(terms, captured, step + 1));
        return Flows.accept(next, Flows.capture(this, at));
    }

    /**
     * Closes the escrow because it was not paid in time: not a millisecond before {@code payBy}.
     *
     * @param actor the system (timer) or a platform operator
     * @param at now
     * @return {@link Closed}, or a refusal
     */
    public Transition closeUnpaid(Actor actor, Instant at) {
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "close");
        }
        if (at.isBefore(payBy)) {
            return Flows.refuse(this, RefusalReason.TOO_EARLY, "unpaid close is due at " + payBy + ", now " + at);
        }
        return Flows.accept(new Closed(terms, funds, step + 1, at));
    }

    /**
     * The buyer cancels before paying.
     *
     * @param actor the buyer of this escrow
     * @param at now
     * @return {@link Closed}, or a refusal
     */
    public Transition cancel(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms)) {
            return Flows.notAllowed(this, actor, "cancel");
        }
        return Flows.accept(new Closed(terms, funds, step + 1, at));
    }

    /** Declares this state's timer: {@link EscrowService#UNPAID_CLOSE}. */
    @Override
    public java.util.Optional<EscrowTimer> timer() {
        return java.util.Optional.of(new EscrowTimer(EscrowService.UNPAID_CLOSE, payBy));
    }

    @Override
    public Transition onTimer(Actor actor, Instant at) {
        return closeUnpaid(actor, at);
    }
}
