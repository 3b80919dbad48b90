package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Shipped; the money is held until the buyer confirms receipt or the auto-confirm timer fires.
 *
 * @param terms the terms
 * @param funds the money; {@code held} is positive
 * @param step accepted transitions so far
 * @param shipment the shipment and its timer
 */
public record Shipped(EscrowTerms terms, EscrowFunds funds, long step, Shipment shipment) implements Escrow {

    /**
     * The buyer confirms receipt: everything held is released to the seller, net of commission
     * and fees.
     *
     * @param actor the buyer of this escrow (a seller cannot confirm receipt)
     * @param at now
     * @return {@link Released} with the release entry, or a refusal
     */
    public Transition confirmReceipt(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms)) {
            return Flows.notAllowed(this, actor, "confirm receipt of");
        }
        return release("confirm-receipt", at);
    }

    /**
     * The timer confirms receipt: exactly at {@code shipment.autoConfirmAt()}, not a millisecond
     * earlier.
     *
     * @param actor the system
     * @param at now
     * @return {@link Released} with the release entry, or a refusal
     */
    public Transition autoConfirm(Actor actor, Instant at) {
        if (!Flows.isSystem(actor)) {
            return Flows.notAllowed(this, actor, "auto-confirm");
        }
        if (at.isBefore(shipment.autoConfirmAt())) {
            return Flows.refuse(this, RefusalReason.TOO_EARLY,
                    "auto-confirm is due at " + shipment.autoConfirmAt() + ", now " + at);
        }
        return release("auto-confirm", at);
    }

    private Transition release(String event, Instant at) {
        long[] parts = Flows.releaseAll(terms, funds);
        return Flows.accept(new Released(terms, funds.release(parts), step + 1, at),
                Flows.costOfGoods(Flows.release(Flows.entry(this, event, at), terms, parts), terms,
                        Flows.costOfGoods(terms, funds)).build());
    }

    /**
     * Carrier tracking reports the goods delivered after a manual shipment: the timer restarts
     * {@code terms.autoConfirmAfter()} from the delivery (plus the extension if the buyer used it),
     * but never moves earlier than it already is.
     *
     * @param actor the system (tracking) or a platform operator
     * @param deliveredAt when the goods were delivered
     * @return {@link Shipped} with the later timer, or {@link RefusalReason#ALREADY_DONE} when the
     *     timer already runs from this delivery or later
     */
    public Transition deliver(Actor actor, Instant deliveredAt) {
        InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "record the delivery of");
        }
        Instant due = deliveredAt.plus(terms.autoConfirmAfter());
        if (shipment.extended()) {
            due = due.plus(terms.extension());
        }
        if (!due.isAfter(shipment.autoConfirmAt())) {
            return Flows.refuse(this, RefusalReason.ALREADY_DONE,
                    "auto-confirm is already due at " + shipment.autoConfirmAt());
        }
        return Flows.accept(new Shipped(terms, funds, step + 1, new Shipment(shipment.trackingNumber(),
                shipment.shippedAt(), due, shipment.extended())));
    }

    /**
     * The buyer extends the auto-confirm timer by {@code terms.extension()}, once, before it fires.
     *
     * @param actor the buyer of this escrow
     * @param at now
     * @return {@link Shipped} with the later timer, or a refusal
     */
    public Transition extendAutoConfirm(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms)) {
            return Flows.notAllowed(this, actor, "extend the timer of");
        }
        if (shipment.extended()) {
            return Flows.refuse(this, RefusalReason.ALREADY_EXTENDED, "the timer was extended already");
        }
        if (!at.isBefore(shipment.autoConfirmAt())) {
            return Flows.refuse(this, RefusalReason.TOO_LATE, "auto-confirm was due at " + shipment.autoConfirmAt());
        }
        return Flows.accept(new Shipped(terms, funds, step + 1, new Shipment(shipment.trackingNumber(),
                shipment.shippedAt(), shipment.autoConfirmAt().plus(terms.extension()), true)));
    }

    /**
     * Refunds after the goods came back (or a part of it, for a partial return). Refunding all
     * that is held ends in {@link Refunded}.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param amount positive, at most what is held
     * @param at now
     * @return {@link Shipped} or {@link Refunded} with the refund entry, or a refusal
     */
    public Transition refundAfterReturn(Actor actor, MonetaryAmount amount, Instant at) {
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund");
        }
        Optional<Transition> refused = Flows.checkAmount(this, amount, funds.heldMinor(), "held");
        if (refused.isPresent()) {
            return refused.get();
        }
        long units = MinorUnits.toMinor(amount);
        EscrowFunds after = Flows.refundHeldFunds(terms, funds, units);
        Escrow next = after.heldMinor() == 0 ? new Refunded(terms, after, step + 1, at)
                : new Shipped(terms, after, step + 1, shipment);
        return Flows.accept(next, Flows.refundHeld(Flows.entry(this, "refund-after-return", at), terms, units).build());
    }

    /**
     * Refunds named lines (and shipping) after the goods came back: each line's own charges are
     * reversed, never another line's. Refunding all that is held ends in {@link Refunded}.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param refund the lines and shipping refunded
     * @param at now
     * @return {@link Shipped} or {@link Refunded} with the refund entry, or a refusal
     */
    public Transition refundLines(Actor actor, EscrowCommand.RefundLines refund, Instant at) {
        InvalidInputException.requireNonNull(refund, "refund");
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund");
        }
        ByLine.Plan plan = ByLine.plan(terms, funds, refund);
        if (plan.refused()) {
            return Flows.refuse(this, plan.reason(), plan.refusal());
        }
        EscrowFunds after = funds.refundHeldLines(plan.perLine());
        Escrow next = after.heldMinor() == 0 ? new Refunded(terms, after, step + 1, at)
                : new Shipped(terms, after, step + 1, shipment);
        return Flows.accept(next, Flows.refundHeld(Flows.entry(this, "line-refund-after-return", at), terms,
                dev.mercato.pricing.money.Exact.sum(plan.perLine())).build());
    }

    /**
     * The buyer or the seller opens a dispute; the timer freezes with the time that is left.
     *
     * @param actor the buyer or seller of this escrow
     * @param at now, before the timer fires
     * @return {@link Disputed}, or a refusal
     */
    public Transition openDispute(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSeller(actor, terms)) {
            return Flows.notAllowed(this, actor, "dispute");
        }
        if (!at.isBefore(shipment.autoConfirmAt())) {
            return Flows.refuse(this, RefusalReason.TOO_LATE, "auto-confirm was due at " + shipment.autoConfirmAt());
        }
        Duration left = Duration.between(at, shipment.autoConfirmAt());
        return Flows.accept(new Disputed(terms, funds, step + 1, at,
                Optional.of(new Disputed.FrozenTimer(shipment, left))));
    }

    /** Declares this state's timer: {@link EscrowService#AUTO_CONFIRM}. */
    @Override
    public java.util.Optional<EscrowTimer> timer() {
        return java.util.Optional.of(new EscrowTimer(EscrowService.AUTO_CONFIRM, shipment.autoConfirmAt()));
    }

    @Override
    public Transition onTimer(Actor actor, Instant at) {
        return autoConfirm(actor, at);
    }
}
