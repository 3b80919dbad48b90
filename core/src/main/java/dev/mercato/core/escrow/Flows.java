package dev.mercato.core.escrow;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.ledger.Account;
import dev.mercato.core.ledger.EntryReference;
import dev.mercato.core.ledger.JournalEntry;
import dev.mercato.core.ledger.RevenueStream;
import dev.mercato.pricing.money.Allocation;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** Who may act, and the journal entries of each money movement. Shared by the state records. */
final class Flows {
    private Flows() {}

    static boolean isBuyer(Actor actor, EscrowTerms terms) {
        return actor instanceof Actor.Buyer b && b.buyerId().equals(terms.buyerId());
    }

    static boolean isSeller(Actor actor, EscrowTerms terms) {
        return actor instanceof Actor.Seller s && s.sellerId().equals(terms.sellerId());
    }

    static boolean isOperator(Actor actor) {
        return actor instanceof Actor.PlatformOperator;
    }

    static boolean isSystem(Actor actor) {
        return actor instanceof Actor.System;
    }

    static Transition notAllowed(Escrow state, Actor actor, String action) {
        return new Transition.Refused(state, RefusalReason.ACTOR_NOT_ALLOWED,
                actor + " may not " + action + " escrow " + state.terms().escrowId());
    }

    static Transition refuse(Escrow state, RefusalReason reason, String detail) {
        return new Transition.Refused(state, reason, detail + " (escrow " + state.terms().escrowId() + ")");
    }

    static Transition accept(Escrow next) {
        return new Transition.Accepted(next, Optional.empty());
    }

    static Transition accept(Escrow next, JournalEntry entry) {
        return new Transition.Accepted(next, Optional.of(entry));
    }

    /** Converts and checks a requested amount; empty means acceptable. */
    static Optional<Transition> checkAmount(Escrow state, MonetaryAmount amount, long available, String of) {
        long units = MinorUnits.toMinor(amount, state.terms().currency());
        if (units <= 0) {
            return Optional.of(refuse(state, RefusalReason.AMOUNT_NOT_POSITIVE, "amount " + amount + " must be positive"));
        }
        if (units > available) {
            return Optional.of(refuse(state, RefusalReason.AMOUNT_EXCEEDS_AVAILABLE, "amount " + amount + " exceeds "
                    + of + " " + MinorUnits.toAmount(available, state.terms().currency())));
        }
        return Optional.empty();
    }

    static String key(Escrow state, String event) {
        return "escrow:" + state.terms().escrowId() + ":" + (state.step() + 1) + ":" + event;
    }

    static JournalEntry.Builder entry(Escrow state, String event, Instant at) {
        return JournalEntry.builder(key(state, event), at, event + " " + state.terms().escrowId())
                .reference(new EntryReference(EntryReference.Kind.ESCROW, state.terms().escrowId(), state.step() + 1, event));
    }

    static Account held(EscrowTerms t) {
        return Account.escrowHeld(t.escrowId());
    }

    /** The buyer's payment arrives in the escrow. */
    static JournalEntry capture(Escrow state, Instant at) {
        EscrowTerms t = state.terms();
        long units = MinorUnits.toMinor(t.amount());
        return entry(state, "capture", at).minor(Account.buyerFundsIn(t.buyerId()), t.currency(), -units)
                .minor(held(t), t.currency(), units).build();
    }

    /**
     * One stage of a two-stage payment arrives in the escrow ({@link PaymentSchedule}): {@code
     * units} from the buyer's funds in to held, under the stage's event name.
     */
    static JournalEntry captureStage(Escrow state, String event, long units, Instant at) {
        EscrowTerms t = state.terms();
        return entry(state, event, at).minor(Account.buyerFundsIn(t.buyerId()), t.currency(), -units)
                .minor(held(t), t.currency(), units).build();
    }

    /**
     * The parts of a forfeited first stage of {@code units}, laid out as {@link #releaseParts}: the
     * deductions of the full gross are prorated by {@code units} over the gross (so the platform
     * keeps its commission and fees at the order's own rates on what the seller keeps) and split
     * across the streams, all through {@link Allocation}; no platform subsidy is paid on a sale that
     * did not happen and no tax is released (the index stays zero).
     */
    static long[] forfeitParts(EscrowTerms t, long units) {
        long gross = Exact.add(MinorUnits.toMinor(t.amount()), MinorUnits.toMinor(t.platformSubsidy()));
        long[] deductions = t.deductions().minor();
        long total = Exact.sum(deductions);
        long share = total == 0 ? 0 : Allocation.allocate(total, new long[] {units, gross - units})[0];
        long[] streams = total == 0 ? new long[deductions.length] : Allocation.allocate(share, deductions);
        long[] parts = new long[3 + deductions.length];
        parts[0] = units - share;
        System.arraycopy(streams, 0, parts, 1, 3);
        System.arraycopy(streams, 3, parts, 5, deductions.length - 3);
        return parts;
    }

    /** Held money goes back to the buyer. */
    static JournalEntry.Builder refundHeld(JournalEntry.Builder b, EscrowTerms t, long units) {
        return b.minor(held(t), t.currency(), -units).minor(Account.refunds(), t.currency(), units);
    }

    /**
     * The funds after {@code units} of the held money went back to the buyer: line by line
     * (prorated over what is left of each line) when the terms carry lines.
     */
    static EscrowFunds refundHeldFunds(EscrowTerms t, EscrowFunds f, long units) {
        return ByLine.applies(t) ? f.refundHeldLines(ByLine.prorate(t, f, units)) : f.refundHeld(units);
    }

    /** The parts of a release of everything held (each line's remainder when the terms carry lines). */
    static long[] releaseAll(EscrowTerms t, EscrowFunds f) {
        return ByLine.applies(t) ? ByLine.releaseParts(t, f) : releaseParts(t, f.heldMinor());
    }

    /**
     * Splits a release of {@code units} of the buyer's money into seller net, commission, service
     * fee, payment fee, the platform subsidy paid with it (index 4, included in the net) and each
     * revenue share of the deductions (from index 5, in the deductions' order), then the tax (the
     * last index; always zero here: only terms with lines carry tax). The
     * subsidy is prorated by the buyer's money released; the deductions of the full gross
     * (amount plus subsidy) are prorated by the gross released as one total, so the seller's net
     * is never negative, then split across the streams: all through {@link Allocation}.
     */
    static long[] releaseParts(EscrowTerms t, long units) {
        long amount = MinorUnits.toMinor(t.amount());
        long subsidy = MinorUnits.toMinor(t.platformSubsidy());
        long subsidyShare = units == amount || subsidy == 0 ? subsidy
                : Allocation.allocate(subsidy, new long[] {units, amount - units})[0];
        long gross = Exact.add(amount, subsidy);
        long releasedGross = Exact.add(units, subsidyShare);
        long[] deductions = t.deductions().minor();
        long total = Exact.sum(deductions);
        long share = releasedGross == gross || total == 0 ? total
                : Allocation.allocate(total, new long[] {releasedGross, gross - releasedGross})[0];
        long[] streams = total == 0 ? new long[deductions.length] : Allocation.allocate(share, deductions);
        long[] parts = new long[3 + deductions.length];
        parts[0] = releasedGross - share;
        System.arraycopy(streams, 0, parts, 1, 3);
        parts[4] = subsidyShare;
        System.arraycopy(streams, 3, parts, 5, deductions.length - 3);
        return parts;
    }

    /**
     * Held money (and the platform's subsidy) goes to the seller's payable balance, the platform's
     * revenue, each creator's or referrer's payable balance and, for the lines' tax, the
     * tax-payable account (never the seller).
     */
    static JournalEntry.Builder release(JournalEntry.Builder b, EscrowTerms t, long[] parts) {
        CurrencyUnit c = t.currency();
        long tax = parts[parts.length - 1];
        b.minor(Account.taxPayable(), c, tax);
        long releasedGross = Exact.sum(parts[0], parts[1], parts[2], parts[3], tax);
        List<CreatorShare> shares = t.deductions().shares();
        for (int i = 0; i < shares.size(); i++) {
            releasedGross = Exact.add(releasedGross, parts[5 + i]);
            b.minor(Account.creatorPayable(shares.get(i).partyId()), c, parts[5 + i]);
        }
        b.minor(held(t), c, -(releasedGross - parts[4])).minor(Account.platformClearing(), c, -parts[4]);
        if (t.selfOperated()) {
            // The platform's own sale: the seller's part is its sales revenue, and it keeps no
            // commission or fees from itself.
            return b.minor(Account.revenue(RevenueStream.SALES), c, Exact.sum(parts[0], parts[1], parts[2], parts[3]));
        }
        return b.minor(Account.sellerPayable(t.sellerId()), c, parts[0])
                .minor(Account.revenue(RevenueStream.COMMISSION), c, parts[1])
                .minor(Account.revenue(RevenueStream.SERVICE_FEE), c, parts[2])
                .minor(Account.revenue(RevenueStream.PAYMENT_FEE), c, parts[3]);
    }

    /**
     * A refund of {@code refund} after release: the platform gives back its prorated commission and
     * fees and takes back its prorated subsidy ({@code subsidyBack}); the seller's share comes from
     * the payable balance, then the deposit, then (uncovered) the payable again, going negative.
     * Each creator's or referrer's share is taken back from that party's payable balance, like
     * the commission, and the tax reversed from the tax-payable account. {@code parts} splits
     * {@code refund + subsidyBack} like the release: net, commission, fees, then the shares from
     * index 4, then the tax (the last index).
     */
    static JournalEntry.Builder clawBack(JournalEntry.Builder b, EscrowTerms t, long refund, long[] parts,
            long subsidyBack, SellerBalances balances) {
        CurrencyUnit c = t.currency();
        long fromPayable = Math.min(parts[0], Math.max(0, MinorUnits.toMinor(balances.payable(), c)));
        long fromDeposit = Math.min(parts[0] - fromPayable, Math.max(0, MinorUnits.toMinor(balances.deposit(), c)));
        List<CreatorShare> shares = t.deductions().shares();
        for (int i = 0; i < shares.size(); i++) {
            b.minor(Account.creatorPayable(shares.get(i).partyId()), c, -parts[4 + i]);
        }
        b.minor(Account.taxPayable(), c, -parts[parts.length - 1]);
        if (t.selfOperated()) {
            return b.minor(Account.refunds(), c, refund).minor(Account.platformClearing(), c, subsidyBack)
                    .minor(Account.revenue(RevenueStream.SALES), c, -Exact.sum(parts[0], parts[1], parts[2], parts[3]));
        }
        return b.minor(Account.refunds(), c, refund)
                .minor(Account.platformClearing(), c, subsidyBack)
                .minor(Account.sellerPayable(t.sellerId()), c, -(parts[0] - fromDeposit))
                .minor(Account.sellerDeposit(t.sellerId()), c, -fromDeposit)
                .minor(Account.revenue(RevenueStream.COMMISSION), c, -parts[1])
                .minor(Account.revenue(RevenueStream.SERVICE_FEE), c, -parts[2])
                .minor(Account.revenue(RevenueStream.PAYMENT_FEE), c, -parts[3]);
    }

    /**
     * The cost of goods not yet taken back of a self-operated escrow's lines: each line's cost in
     * proportion to what is left of it (its payment minus its refunds), so a line refunded in full
     * has none left and refunds in several steps take back exactly what the release posted.
     */
    static long costOfGoods(EscrowTerms t, EscrowFunds f) {
        if (!t.selfOperated() || t.costsOfGoods().isEmpty()) {
            return 0;
        }
        long total = 0;
        for (int i = 0; i < t.lines().size(); i++) {
            long cost = t.costMinor(i);
            long paid = MinorUnits.toMinor(t.lines().get(i).buyerPaid());
            long left = paid - f.lineRefundedMinor(i);
            total = Exact.add(total, cost == 0 || left == paid ? cost
                    : Allocation.allocate(cost, new long[] {left, paid - left})[0]);
        }
        return total;
    }

    /**
     * Posts {@code units} of cost of goods: the platform's stock gives up the goods whose sale
     * became final (positive) or takes back those a refund after release returned (negative).
     */
    static JournalEntry.Builder costOfGoods(JournalEntry.Builder b, EscrowTerms t, long units) {
        return b.minor(Account.costOfGoods(), t.currency(), units).minor(Account.inventory(), t.currency(), -units);
    }

    /** Compensation to the buyer: from the deposit first, the rest owed on the payable balance. */
    static JournalEntry.Builder compensate(JournalEntry.Builder b, EscrowTerms t, long units, SellerBalances balances) {
        CurrencyUnit c = t.currency();
        long fromDeposit = Math.min(units, Math.max(0, MinorUnits.toMinor(balances.deposit(), c)));
        return b.minor(Account.refunds(), c, units).minor(Account.sellerDeposit(t.sellerId()), c, -fromDeposit)
                .minor(Account.sellerPayable(t.sellerId()), c, -(units - fromDeposit));
    }
}
