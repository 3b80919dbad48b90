package dev.mercato.core.escrow;

import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.FeeKind;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.revenue.LineFee;
import dev.mercato.pricing.revenue.LineReversal;
import dev.mercato.pricing.revenue.LineSettlement;
import dev.mercato.pricing.revenue.RefundProgress;
import java.util.List;
import javax.money.CurrencyUnit;

/**
 * The arithmetic of an escrow whose terms carry the order's lines (docs/escrow-and-ledger.md,
 * "Refunds by line"). Each line keeps what was refunded of it; a refund of a line reverses that
 * line's own charges through its {@link RefundProgress} (cumulatively, in the weights stored at
 * sale time), and a release releases each line's remainder with exactly the charges not yet
 * reversed. An amount-only refund is spread over the lines by what is left of each. So the
 * charges of one line never move with another's refund.
 */
final class ByLine {
    private ByLine() {}

    /** A refund split per line, or why it cannot be. */
    record Plan(long[] perLine, RefusalReason reason, String refusal) {
        boolean refused() {
            return reason != null;
        }

        static Plan refuse(RefusalReason reason, String why) {
            return new Plan(null, reason, why);
        }
    }

    /**
     * What one refund takes back, laid out for {@link Flows#clawBack}: {@code parts = [net,
     * commission, service fee, payment fee, share 0, ..., tax]} of {@code refund + subsidyBack}.
     */
    record Reversal(long refund, long[] parts, long subsidyBack) {}

    static boolean applies(EscrowTerms t) {
        return !t.lines().isEmpty();
    }

    /** What is left to refund of each line. */
    static long[] remaining(EscrowTerms t, EscrowFunds f) {
        List<LineSettlement> lines = t.lines();
        long[] left = new long[lines.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = MinorUnits.toMinor(lines.get(i).buyerPaid()) - f.lineRefundedMinor(i);
        }
        return left;
    }

    /** An amount-only refund, prorated over what is left of each line; {@code amount <= sum(remaining)}. */
    static long[] prorate(EscrowTerms t, EscrowFunds f, long amount) {
        long[] left = remaining(t, f);
        if (Exact.sum(left) == 0) {
            return new long[left.length];
        }
        return Allocation.allocate(amount, left);
    }

    /**
     * A refund that names its lines, as amounts per line of the terms: each line's goods amount,
     * plus its part of the shipping refunded (spread by the lines' shipping shares); no line
     * gives back more than is left of it.
     */
    static Plan plan(EscrowTerms t, EscrowFunds f, EscrowCommand.RefundLines command) {
        CurrencyUnit currency = t.currency();
        if (!applies(t)) {
            return Plan.refuse(RefusalReason.UNKNOWN_LINE, "escrow " + t.escrowId() + " was opened with an amount"
                    + " alone and knows no lines; refund an amount (prorated) instead");
        }
        long[] perLine = new long[t.lines().size()];
        for (LineAmount line : command.lines()) {
            int i = t.lineIndex(line.lineId());
            if (i < 0) {
                return Plan.refuse(RefusalReason.UNKNOWN_LINE, "escrow " + t.escrowId() + " has no line "
                        + line.lineId());
            }
            perLine[i] = MinorUnits.toMinor(line.amount(), currency);
        }
        long shipping = MinorUnits.toMinor(command.shipping(), currency);
        if (shipping > 0) {
            long[] weights = new long[perLine.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = MinorUnits.toMinor(t.lines().get(i).line().shipping());
            }
            if (Exact.sum(weights) < shipping) {
                return Plan.refuse(RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, "shipping " + command.shipping()
                        + " exceeds the order's shipping " + MinorUnits.format(Exact.sum(weights), currency));
            }
            long[] parts = Allocation.allocate(shipping, weights);
            for (int i = 0; i < perLine.length; i++) {
                perLine[i] = Exact.add(perLine[i], parts[i]);
            }
        }
        long[] left = remaining(t, f);
        for (int i = 0; i < perLine.length; i++) {
            if (perLine[i] > left[i]) {
                return Plan.refuse(RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, "line " + t.lines().get(i).line().lineId()
                        + " of escrow " + t.escrowId() + ": refund " + MinorUnits.format(perLine[i], currency)
                        + " exceeds what is left of it, " + MinorUnits.format(left[i], currency));
            }
        }
        return new Plan(perLine, null, null);
    }

    /** The reversal of refunding {@code perLine[i]} of each line from where it is now. */
    static Reversal reverse(EscrowTerms t, EscrowFunds f, long[] perLine) {
        long[] parts = new long[5 + t.deductions().shares().size()];
        long subsidy = 0;
        long refund = 0;
        for (int i = 0; i < perLine.length; i++) {
            if (perLine[i] == 0) {
                continue;
            }
            LineSettlement sale = t.lines().get(i);
            RefundProgress.Open progress = new RefundProgress.Open(sale,
                    MinorUnits.toAmount(f.lineRefundedMinor(i), t.currency()));
            LineReversal r = progress.refund(MinorUnits.toAmount(perLine[i], t.currency())).reversal();
            refund = Exact.add(refund, perLine[i]);
            subsidy = Exact.add(subsidy, add(t, r, parts));
        }
        return new Reversal(refund, parts, subsidy);
    }

    /**
     * The release of every line's remainder: {@code [net, commission, service fee, payment fee,
     * subsidy, share 0, ..., tax]} as {@link Flows#releaseParts}; the buyer's money it releases is
     * what is left of the lines, which is what is held, and the tax each line has left.
     */
    static long[] releaseParts(EscrowTerms t, EscrowFunds f) {
        long[] parts = new long[5 + t.deductions().shares().size()];
        long subsidy = 0;
        long released = 0;
        for (int i = 0; i < t.lines().size(); i++) {
            LineSettlement sale = t.lines().get(i);
            long paid = MinorUnits.toMinor(sale.buyerPaid());
            long refunded = f.lineRefundedMinor(i);
            if (paid > 0 && refunded == paid) {
                continue;
            }
            LineReversal r = new RefundProgress.Open(sale, MinorUnits.toAmount(refunded, t.currency()))
                    .refundRemainder().reversal();
            released = Exact.add(released, paid - refunded);
            subsidy = Exact.add(subsidy, add(t, r, parts));
        }
        if (released != f.heldMinor()) {
            throw new IllegalStateException("escrow " + t.escrowId() + " holds " + f.heldMinor()
                    + " minor units but its lines have " + released + " left: " + f);
        }
        long[] release = new long[parts.length + 1];
        System.arraycopy(parts, 0, release, 0, 4);
        release[4] = subsidy;
        System.arraycopy(parts, 4, release, 5, parts.length - 4);
        return release;
    }

    /** Adds a line's reversal to {@code parts} ([net, commission, fees, shares, tax]); returns its subsidy. */
    private static long add(EscrowTerms t, LineReversal r, long[] parts) {
        CurrencyUnit c = t.currency();
        long commission = MinorUnits.toMinor(r.commission(), c);
        long tax = MinorUnits.toMinor(r.tax(), c);
        parts[parts.length - 1] = Exact.add(parts[parts.length - 1], tax);
        long charges = Exact.add(commission, tax);
        parts[1] = Exact.add(parts[1], commission);
        for (LineFee fee : r.fees()) {
            if (fee.bearer() != Bearer.SELLER) {
                continue;
            }
            long units = MinorUnits.toMinor(fee.amount(), c);
            charges = Exact.add(charges, units);
            int slot = fee.kind() == FeeKind.PAYMENT_CHANNEL ? 3 : 2;
            parts[slot] = Exact.add(parts[slot], units);
        }
        List<CreatorShare> parties = t.deductions().shares();
        for (ShareCharge share : r.shares()) {
            long units = MinorUnits.toMinor(share.amount(), c);
            if (units == 0) {
                continue;
            }
            int slot = -1;
            for (int p = 0; p < parties.size(); p++) {
                if (parties.get(p).partyId().equals(share.partyId())) {
                    slot = p;
                }
            }
            if (slot < 0) {
                throw new IllegalStateException("share of " + share.partyId() + " is not in the deductions of escrow "
                        + t.escrowId());
            }
            charges = Exact.add(charges, units);
            parts[4 + slot] = Exact.add(parts[4 + slot], units);
        }
        long subsidy = MinorUnits.toMinor(r.platformSubsidy(), c);
        long gross = Exact.add(MinorUnits.toMinor(r.refund(), c), subsidy);
        parts[0] = Exact.add(parts[0], gross - charges);
        return subsidy;
    }
}
