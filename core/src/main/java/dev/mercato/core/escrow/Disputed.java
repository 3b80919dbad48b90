package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Under dispute: the auto-confirm timer is frozen (this state has no auto-confirm) until the
 * platform operator resolves it as a release, a refund or a split, or the dispute ends
 * unresolved and the timer resumes with the time that was left.
 *
 * @param terms the terms
 * @param funds the money; {@code held} is positive
 * @param step accepted transitions so far
 * @param openedAt when the dispute was opened
 * @param frozen the frozen auto-confirm timer, when disputed after shipment
 */
public record Disputed(EscrowTerms terms, EscrowFunds funds, long step, Instant openedAt, Optional<FrozenTimer> frozen)
        implements Escrow {

    /**
     * A timer stopped by a dispute.
     *
     * @param shipment the shipment as it was when the dispute opened
     * @param remaining the time that was left, not negative
     */
    public record FrozenTimer(Shipment shipment, Duration remaining) {
        /** Validates the fields. */
        public FrozenTimer {
            InvalidInputException.requireNonNull(shipment, "shipment");
            InvalidInputException.requireNonNull(remaining, "remaining");
        }
    }

    /**
     * The operator decides for the seller: everything held is released, net of commission and fees.
     *
     * @param actor a platform operator
     * @param at now
     * @return {@link Released} with the release entry, or a refusal
     */
    public Transition resolveByRelease(Actor actor, Instant at) {
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "resolve");
        }
        long[] parts = Flows.releaseAll(terms, funds);
        return Flows.accept(new Released(terms, funds.release(parts), step + 1, at),
                Flows.costOfGoods(Flows.release(Flows.entry(this, "dispute-release", at), terms, parts), terms,
                        Flows.costOfGoods(terms, funds)).build());
    }

    /**
     * The operator decides for the buyer: everything held is refunded.
     *
     * @param actor a platform operator
     * @param at now
     * @return {@link Refunded} with the refund entry, or a refusal
     */
    public Transition resolveByRefund(Actor actor, Instant at) {
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "resolve");
        }
        long held = funds.heldMinor();
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held), step + 1, at),
                Flows.refundHeld(Flows.entry(this, "dispute-refund", at), terms, held).build());
    }

    /**
     * The operator refunds everything held and awards the buyer compensation from the seller's
     * deposit (for example ten times the price for a counterfeit).
     *
     * @param actor a platform operator
     * @param compensation positive
     * @param seller the seller's balances now
     * @param at now
     * @return {@link Refunded} with one entry for refund and compensation, or a refusal
     */
    public Transition resolveByRefundWithCompensation(Actor actor, MonetaryAmount compensation, SellerBalances seller,
            Instant at) {
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "resolve");
        }
        Optional<Transition> refused = Flows.checkAmount(this, compensation, Long.MAX_VALUE, "the limit");
        if (refused.isPresent()) {
            return refused.get();
        }
        long held = funds.heldMinor();
        long units = MinorUnits.toMinor(compensation);
        JournalEntry.Builder b = Flows.refundHeld(Flows.entry(this, "dispute-refund-compensation", at), terms, held);
        return Flows.accept(new Refunded(terms, Flows.refundHeldFunds(terms, funds, held).compensate(units), step + 1, at),
                Flows.compensate(b, terms, units, seller).build());
    }

    /**
     * The operator splits what is held: {@code refundToBuyer} goes back to the buyer, the rest is
     * released to the seller (commission and fees prorated on the released part).
     *
     * @param actor a platform operator
     * @param refundToBuyer positive, at most what is held; all of it is a full refund
     * @param at now
     * @return {@link Released} (or {@link Refunded}) with one entry for both movements, or a refusal
     */
    public Transition resolveBySplit(Actor actor, MonetaryAmount refundToBuyer, Instant at) {
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "resolve");
        }
        Optional<Transition> refused = Flows.checkAmount(this, refundToBuyer, funds.heldMinor(), "held");
        if (refused.isPresent()) {
            return refused.get();
        }
        long refund = MinorUnits.toMinor(refundToBuyer);
        return split(Flows.refundHeldFunds(terms, funds, refund), refund, at);
    }

    /**
     * The operator's split names what goes back to the buyer by line (and shipping): each named
     * line reverses its own commission, fees, shares and subsidy; every line's remainder is
     * released with exactly its charges not yet reversed.
     *
     * @param actor a platform operator
     * @param refund the lines and shipping refunded to the buyer
     * @param at now
     * @return {@link Released} (or {@link Refunded} when nothing is left) with one entry, or a refusal
     */
    public Transition resolveBySplitLines(Actor actor, EscrowCommand.RefundLines refund, Instant at) {
        InvalidInputException.requireNonNull(refund, "refund");
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "resolve");
        }
        ByLine.Plan plan = ByLine.plan(terms, funds, refund);
        if (plan.refused()) {
            return Flows.refuse(this, plan.reason(), plan.refusal());
        }
        return split(funds.refundHeldLines(plan.perLine()), dev.mercato.pricing.money.Exact.sum(plan.perLine()), at);
    }

    private Transition split(EscrowFunds afterRefund, long refund, Instant at) {
        JournalEntry.Builder b = Flows.refundHeld(Flows.entry(this, "dispute-split", at), terms, refund);
        if (afterRefund.heldMinor() == 0) {
            return Flows.accept(new Refunded(terms, afterRefund, step + 1, at), b.build());
        }
        long[] parts = Flows.releaseAll(terms, afterRefund);
        return Flows.accept(new Released(terms, afterRefund.release(parts), step + 1, at),
                Flows.costOfGoods(Flows.release(b, terms, parts), terms, Flows.costOfGoods(terms, afterRefund))
                        .build());
    }

    /**
     * The dispute ends without a release or refund (withdrawn by the buyer or closed by the
     * operator): back to where it was, the auto-confirm timer resuming with the time that was left.
     *
     * @param actor the buyer of this escrow or a platform operator
     * @param at now
     * @return {@link Held} or {@link Shipped} (timer at {@code at + remaining}), or a refusal
     */
    public Transition endWithoutResolution(Actor actor, Instant at) {
        if (!Flows.isBuyer(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "end the dispute of");
        }
        if (frozen.isEmpty()) {
            return Flows.accept(new Held(terms, funds, step + 1));
        }
        Shipment s = frozen.get().shipment();
        return Flows.accept(new Shipped(terms, funds, step + 1, new Shipment(s.trackingNumber(), s.shippedAt(),
                at.plus(frozen.get().remaining()), s.extended())));
    }
}
