package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;

/**
 * The first stage of a two-stage {@link PaymentSchedule} is held; the balance is due. Paying the
 * balance in its window makes the escrow {@link Held} for the whole amount, and the order goes on
 * as any other. An unpaid balance at the due date applies the schedule's {@link
 * PaymentSchedule.ForfeitRule}, once, by the state's timer: the seller keeps the deposit net of
 * commission ({@link Closed}, the deposit released) or it goes back to the buyer ({@link Refunded}).
 *
 * <p>Nothing was shipped in this state; every refund here returns the first stage only, and its
 * journal entry names that stage ({@code deposit-...} or {@code advance-...}).
 *
 * @param terms the terms
 * @param funds the first stage captured and held
 * @param step accepted transitions so far
 * @param schedule the two stages, never {@link PaymentSchedule.InFull}
 */
public record AwaitingBalance(EscrowTerms terms, EscrowFunds funds, long step, PaymentSchedule schedule)
        implements Escrow {

    /**
     * When the balance may be paid from: the pre-sale window's opening, or at once for an advance.
     *
     * @return the instant, or {@link Instant#MIN} when the balance may be paid at any time
     */
    public Instant balanceOpensAt() {
        return schedule instanceof PaymentSchedule.DepositAndBalance d ? d.balanceOpensAt() : Instant.MIN;
    }

    /**
     * When an unpaid balance forfeits the first stage.
     *
     * @return the due date of the schedule
     */
    public Instant balanceDueBy() {
        return schedule instanceof PaymentSchedule.DepositAndBalance d ? d.balanceDueBy()
                : ((PaymentSchedule.AdvanceAndBalance) schedule).balanceDueBy();
    }

    /**
     * What an unpaid balance does to the first stage: the pre-sale rule, or a refund of an advance.
     *
     * @return the rule
     */
    public PaymentSchedule.ForfeitRule forfeitRule() {
        return schedule instanceof PaymentSchedule.DepositAndBalance d ? d.forfeit()
                : PaymentSchedule.ForfeitRule.REFUND;
    }

    /**
     * The balance still to pay.
     *
     * @return the amount minus what is captured
     */
    public javax.money.MonetaryAmount balanceDue() {
        return MinorUnits.toAmount(schedule.balance(terms), terms.currency());
    }

    /** The first stage's name in journal entries: {@code deposit} or {@code advance}. */
    static String firstStageName(PaymentSchedule schedule) {
        return schedule instanceof PaymentSchedule.AdvanceAndBalance ? "advance" : "deposit";
    }

    /**
     * The balance was captured: the escrow holds the whole amount. Not before the window opens; a
     * capture after the due date is still recorded while the escrow waits, because the money moved.
     *
     * @param actor the buyer of this escrow, or the system confirming the payment
     * @param at when it was captured
     * @return {@link Held} with the balance's capture entry, or a refusal
     */
    public Transition payBalance(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSystem(actor)) {
            return Flows.notAllowed(this, actor, "pay the balance of");
        }
        if (at.isBefore(balanceOpensAt())) {
            return Flows.refuse(this, RefusalReason.TOO_EARLY, "the balance window opens at " + balanceOpensAt()
                    + ", now " + at);
        }
        long balance = schedule.balance(terms);
        return Flows.accept(new Held(terms, funds.capture(balance), step + 1),
                Flows.captureStage(this, "balance-capture", balance, at));
    }

    /**
     * The balance was not paid by its due date: the forfeit rule applies, not a moment before.
     *
     * @param actor the system (timer) or a platform operator
     * @param at now
     * @return {@link Closed} with the deposit released to the seller net of commission, or {@link
     *     Refunded} with the first stage returned; a refusal when too early or not allowed
     */
    public Transition forfeit(Actor actor, Instant at) {
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "forfeit the first stage of");
        }
        if (at.isBefore(balanceDueBy())) {
            return Flows.refuse(this, RefusalReason.TOO_EARLY, "the balance is due by " + balanceDueBy() + ", now " + at);
        }
        String stage = firstStageName(schedule);
        if (forfeitRule() == PaymentSchedule.ForfeitRule.REFUND) {
            return refund(stage + "-forfeit-refund", at);
        }
        long[] parts = Flows.forfeitParts(terms, funds.heldMinor());
        return Flows.accept(new Closed(terms, funds.release(parts), step + 1, at),
                Flows.release(Flows.entry(this, stage + "-forfeit-kept", at), terms, parts).build());
    }

    /**
     * The first stage goes back to the buyer before the balance was paid (a platform decision, for
     * example the seller cannot deliver the pre-sale goods): whatever the forfeit rule.
     *
     * @param actor a platform operator or the system
     * @param at now
     * @return {@link Refunded} with the refund entry of the first stage, or a refusal
     */
    public Transition refundFirstStage(Actor actor, Instant at) {
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund the first stage of");
        }
        return refund(firstStageName(schedule) + "-refund", at);
    }

    private Transition refund(String event, Instant at) {
        long held = funds.heldMinor();
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held), step + 1, at),
                Flows.refundHeld(Flows.entry(this, event, at), terms, held).build());
    }

    /** Declares this state's timer: {@link EscrowService#BALANCE_DUE}. */
    @Override
    public java.util.Optional<EscrowTimer> timer() {
        return java.util.Optional.of(new EscrowTimer(EscrowService.BALANCE_DUE, balanceDueBy()));
    }

    @Override
    public Transition onTimer(Actor actor, Instant at) {
        return forfeit(actor, at);
    }
}
