package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * Released to the seller's payable balance, net of commission and fees. After-sale is still
 * possible: a refund after release claws back from the seller's balance, then the deposit; the
 * operator can award the buyer compensation from the deposit.
 *
 * @param terms the terms
 * @param funds the money; nothing is held
 * @param step accepted transitions so far
 * @param releasedAt when it was released
 */
public record Released(EscrowTerms terms, EscrowFunds funds, long step, Instant releasedAt) implements Escrow {

    /**
     * Refunds the buyer after release. The platform returns its commission and fees and takes back
     * its subsidy in proportion (through {@link Allocation}); the seller's share is clawed back from the payable balance
     * first, then from the security deposit; what neither covers leaves the payable balance
     * negative.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param amount positive, at most what was released and not yet clawed back
     * @param seller the seller's balances now (read from the journal)
     * @param at now
     * @return {@link Released} with the clawback entry, or a refusal
     */
    public Transition refundAfterRelease(Actor actor, MonetaryAmount amount, SellerBalances seller, Instant at) {
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund");
        }
        Optional<Transition> refused = Flows.checkAmount(this, amount, funds.releasedMinor(), "released");
        if (refused.isPresent()) {
            return refused.get();
        }
        long refund = MinorUnits.toMinor(amount);
        if (ByLine.applies(terms)) {
            return clawBackLines(ByLine.prorate(terms, funds, refund), seller, "refund-after-release", at);
        }
        long released = funds.releasedMinor();
        long subsidy = funds.subsidyMinor();
        long subsidyBack = refund == released || subsidy == 0 ? subsidy
                : Allocation.allocate(subsidy, new long[] {refund, released - refund})[0];
        long[] parts = Allocation.allocate(refund + subsidyBack, funds.releasedParts());
        return Flows.accept(new Released(terms, funds.clawBack(refund, parts, subsidyBack), step + 1, releasedAt),
                Flows.clawBack(Flows.entry(this, "refund-after-release", at), terms, refund, parts, subsidyBack, seller)
                        .build());
    }

    /**
     * Refunds named lines (and shipping) after release: the platform returns exactly those lines'
     * commission, fees and shares and takes back their subsidy (each line's {@link
     * dev.mercato.pricing.revenue.RefundProgress}); the seller's part comes from the payable
     * balance, then the deposit, as {@link #refundAfterRelease}.
     *
     * @param actor the seller of this escrow or a platform operator
     * @param refund the lines and shipping refunded
     * @param seller the seller's balances now (read from the journal)
     * @param at now
     * @return {@link Released} with the clawback entry, or a refusal
     */
    public Transition refundLinesAfterRelease(Actor actor, EscrowCommand.RefundLines refund, SellerBalances seller,
            Instant at) {
        dev.mercato.pricing.error.InvalidInputException.requireNonNull(refund, "refund");
        if (!Flows.isSeller(actor, terms) && !Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "refund");
        }
        ByLine.Plan plan = ByLine.plan(terms, funds, refund);
        if (plan.refused()) {
            return Flows.refuse(this, plan.reason(), plan.refusal());
        }
        return clawBackLines(plan.perLine(), seller, "line-refund-after-release", at);
    }

    private Transition clawBackLines(long[] perLine, SellerBalances seller, String event, Instant at) {
        ByLine.Reversal r = ByLine.reverse(terms, funds, perLine);
        EscrowFunds after = funds.clawBackLines(perLine, r.parts(), r.subsidyBack());
        return Flows.accept(new Released(terms, after, step + 1, releasedAt), Flows.costOfGoods(
                Flows.clawBack(Flows.entry(this, event, at), terms, r.refund(), r.parts(), r.subsidyBack(), seller),
                terms, -(Flows.costOfGoods(terms, funds) - Flows.costOfGoods(terms, after))).build());
    }

    /**
     * Pays the buyer compensation from the seller's security deposit (for example ten times the
     * price for a counterfeit); what the deposit does not cover is owed on the payable balance.
     *
     * @param actor a platform operator
     * @param amount positive
     * @param seller the seller's balances now
     * @param at now
     * @return {@link Released} with the compensation entry, or a refusal
     */
    public Transition compensateBuyer(Actor actor, MonetaryAmount amount, SellerBalances seller, Instant at) {
        if (!Flows.isOperator(actor)) {
            return Flows.notAllowed(this, actor, "compensate the buyer of");
        }
        Optional<Transition> refused = Flows.checkAmount(this, amount, Long.MAX_VALUE, "the limit");
        if (refused.isPresent()) {
            return refused.get();
        }
        long units = MinorUnits.toMinor(amount);
        return Flows.accept(new Released(terms, funds.compensate(units), step + 1, releasedAt),
                Flows.compensate(Flows.entry(this, "compensation", at), terms, units, seller).build());
    }
}
