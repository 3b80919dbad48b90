package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import java.time.Instant;

/**
 * Opened with a two-stage {@link PaymentSchedule}, nothing paid yet. Paying the first stage (the
 * pre-sale deposit or the B2B advance) moves it to {@link AwaitingBalance}; it closes automatically
 * when unpaid at {@code payBy}, like {@link AwaitingPayment}.
 *
 * @param terms the terms
 * @param funds nothing captured yet
 * @param step accepted transitions so far
 * @param payBy when the escrow closes if the first stage is still unpaid
 * @param schedule the two stages, never {@link PaymentSchedule.InFull}
 */
public record AwaitingFirstStage(EscrowTerms terms, EscrowFunds funds, long step, Instant payBy,
        PaymentSchedule schedule) implements Escrow {

    /**
     * Validates the schedule against the terms.
     *
     * @throws dev.mercato.pricing.error.InvalidInputException if the schedule is missing, in full, or
     *     does not fit the amount
     */
    public AwaitingFirstStage {
        dev.mercato.pricing.error.InvalidInputException.requireNonNull(schedule, "schedule");
        if (schedule instanceof PaymentSchedule.InFull) {
            throw new dev.mercato.pricing.error.InvalidInputException("schedule", schedule,
                    "must have two stages (open an escrow paid in full with Escrow.open)");
        }
        schedule.firstStage(terms);
    }

    /**
     * The first stage was captured: the escrow holds it and waits for the balance. As with {@link
     * AwaitingPayment#pay}, a capture after {@code payBy} is still recorded while the escrow is open.
     *
     * @param actor the buyer of this escrow, or the system confirming the payment
     * @param at when it was captured
     * @return {@link AwaitingBalance} with the first stage's capture entry, or a refusal
     */
    public Transition pay(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSystem(actor)) {
            return Flows.notAllowed(this, actor, "pay");
        }
        long first = schedule.firstStage(terms);
        return Flows.accept(new AwaitingBalance(terms, funds.capture(first), step + 1, schedule),
                Flows.captureStage(this, AwaitingBalance.firstStageName(schedule) + "-capture", first, at));
    }

    /**
     * Closes the escrow because the first stage was not paid in time: not before {@code payBy}.
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
     * The buyer cancels before paying anything.
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
