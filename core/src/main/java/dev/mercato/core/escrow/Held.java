package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Paid; the platform holds the money; not shipped yet.
 *
 * @param terms the terms
 * @param funds the money; {@code held} is positive
 * @param step accepted transitions so far
 */
public record Held(EscrowTerms terms, EscrowFunds funds, long step) implements Escrow {

    /**
     * The seller ships; the auto-confirm timer starts: {@code terms.autoConfirmAfter()} from
     * {@code at}.
     *
     * @param actor the seller of this escrow
     * @param trackingNumber the carrier's tracking number, not blank
     * @param at when it shipped
     * @return {@link Shipped}, or a refusal
     */
    public Transition ship(Actor actor, String trackingNumber, Instant at) {
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        if (!Flows.isSeller(actor, terms)) {
            return Flows.notAllowed(this, actor, "ship");
        }
        return Flows.accept(new Shipped(terms, funds, step + 1,
                new Shipment(trackingNumber, at, at.plus(terms.autoConfirmAfter()), false)));
    }

    /**
     * Carrier tracking reports the goods delivered: the confirmation clock starts at the delivery,
     * {@code terms.autoConfirmAfter()} from {@code deliveredAt} (not from the shipment, so a parcel
     * that is late or lost never releases the money while it travels).
     *
     * @param actor the system (tracking) or a platform operator
     * @param trackingNumber the delivered parcel's tracking number (several, comma-separated), not blank
     * @param shippedAt when the first parcel left
     * @param deliveredAt when the last parcel was delivered, not before {@code shippedAt}
     * @return {@link Shipped} with the timer at {@code deliveredAt + autoConfirmAfter}, or a refusal
     */
    public Transition deliver(Actor actor, String trackingNumber, Instant shippedAt, Instant deliveredAt) {
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        InvalidInputException.requireNonNull(shippedAt, "shippedAt");
        InvalidInputException.requireNonNull(deliveredAt, "deliveredAt");
        if (deliveredAt.isBefore(shippedAt)) {
            throw new InvalidInputException("deliveredAt", deliveredAt, "is before shippedAt " + shippedAt);
        }
        if (!Flows.isSystem(actor) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "record the delivery of");
        }
        return Flows.accept(new Shipped(terms, funds, step + 1,
                new Shipment(trackingNumber, shippedAt, deliveredAt.plus(terms.autoConfirmAfter()), false)));
    }

    /**
     * Refunds everything held, before shipment.
     *
     * @param actor the buyer or seller of this escrow, or a platform operator
     * @param at now
     * @return {@link Refunded} with the refund entry, or a refusal
     */
    public Transition refundInFull(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund");
        }
        long held = funds.heldMinor();
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held), step + 1, at),
                Flows.refundHeld(Flows.entry(this, "refund", at), terms, held).build());
    }

    /**
     * Refunds part of what is held; the rest stays held. Refunding all of it is a full refund.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param amount positive, at most what is held
     * @param at now
     * @return {@link Held} (or {@link Refunded}) with the refund entry, or a refusal
     */
    public Transition refundPart(Actor actor, MonetaryAmount amount, Instant at) {
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "partially refund");
        }
        Optional<Transition> refused = Flows.checkAmount(this, amount, funds.heldMinor(), "held");
        if (refused.isPresent()) {
            return refused.get();
        }
        long units = dev.mercato.pricing.money.MinorUnits.toMinor(amount);
        EscrowFunds after = Flows.refundHeldFunds(terms, funds, units);
        Escrow next = after.heldMinor() == 0 ? new Refunded(terms, after, step + 1, at) : new Held(terms, after, step + 1);
        return Flows.accept(next, Flows.refundHeld(Flows.entry(this, "partial-refund", at), terms, units).build());
    }

    /**
     * Refunds named lines (and shipping) before shipment: each line's own charges are reversed
     * when it is released or refunded, never another line's. Refunding all that is held ends in
     * {@link Refunded}.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param refund the lines and shipping refunded
     * @param at now
     * @return {@link Held} (or {@link Refunded}) with the refund entry, or a refusal
     */
    public Transition refundLines(Actor actor, EscrowCommand.RefundLines refund, Instant at) {
        InvalidInputException.requireNonNull(refund, "refund");
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "partially refund");
        }
        ByLine.Plan plan = ByLine.plan(terms, funds, refund);
        if (plan.refused()) {
            return Flows.refuse(this, plan.reason(), plan.refusal());
        }
        EscrowFunds after = funds.refundHeldLines(plan.perLine());
        Escrow next = after.heldMinor() == 0 ? new Refunded(terms, after, step + 1, at) : new Held(terms, after, step + 1);
        return Flows.accept(next, Flows.refundHeld(Flows.entry(this, "line-refund", at), terms,
                dev.mercato.pricing.money.Exact.sum(plan.perLine())).build());
    }

    /**
     * The buyer opens a dispute before shipment.
     *
     * @param actor the buyer of this escrow
     * @param at now
     * @return {@link Disputed}, or a refusal
     */
    public Transition openDispute(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms)) {
            return Flows.notAllowed(this, actor, "dispute");
        }
        return Flows.accept(new Disputed(terms, funds, step + 1, at, Optional.empty()));
    }
}
