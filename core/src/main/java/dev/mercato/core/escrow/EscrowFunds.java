package dev.mercato.core.escrow;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.Arrays;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Where an escrow's money is: captured from the buyer, still held, refunded to the buyer, and
 * released to the seller (split into the seller's net, the platform's commission and fees, the
 * creators' and referrers' revenue shares, and the lines' tax, which goes to tax payable).
 *
 * <p>Invariant: {@code held = captured - refunded - released >= 0}, so {@code released +
 * refunded <= captured}; a refund after release lowers {@code released} (the clawback) as it
 * raises {@code refunded}. Compensation paid to the buyer from the seller's deposit is counted
 * apart. Immutable and thread-safe; kept in minor units, shown as {@link MonetaryAmount}.
 */
public final class EscrowFunds {
    private final CurrencyUnit currency;
    private final long captured;
    private final long refunded;
    private final long sellerNet;
    private final long commission;
    private final long serviceFee;
    private final long paymentFee;
    private final long compensated;
    private final long subsidy;
    private final long[] shares;
    /** Per line of the terms (in their order), what was refunded of it; shorter when the rest is zero. */
    private final long[] lineRefunds;
    /** The lines' tax released to tax payable and not reversed by refunds after release. */
    private final long tax;

    private EscrowFunds(CurrencyUnit currency, long captured, long refunded, long sellerNet, long commission,
            long serviceFee, long paymentFee, long compensated, long subsidy, long[] shares) {
        this(currency, captured, refunded, sellerNet, commission, serviceFee, paymentFee, compensated, subsidy, shares,
                new long[0], 0);
    }

    private EscrowFunds(CurrencyUnit currency, long captured, long refunded, long sellerNet, long commission,
            long serviceFee, long paymentFee, long compensated, long subsidy, long[] shares, long[] lineRefunds,
            long tax) {
        this.currency = currency;
        this.captured = captured;
        this.refunded = refunded;
        this.sellerNet = sellerNet;
        this.commission = commission;
        this.serviceFee = serviceFee;
        this.paymentFee = paymentFee;
        this.compensated = compensated;
        this.subsidy = subsidy;
        this.shares = shares;
        // Documents written before refunds by line have no line refunds: all zero.
        this.lineRefunds = lineRefunds == null ? new long[0] : lineRefunds;
        this.tax = tax;
        long byLine = 0;
        for (long r : this.lineRefunds) {
            if (r < 0) {
                throw new IllegalStateException("escrow funds out of balance: " + this);
            }
            byLine = Exact.add(byLine, r);
        }
        if (byLine > refunded) {
            throw new IllegalStateException("escrow funds out of balance: " + this);
        }
        for (long share : shares) {
            if (share < 0) {
                throw new IllegalStateException("escrow funds out of balance: " + this);
            }
        }
        if (subsidy < 0 || releasedMinor() < 0 || heldMinor() < 0 || refunded < 0 || sellerNet < 0 || commission < 0
                || serviceFee < 0 || paymentFee < 0 || compensated < 0 || tax < 0) {
            throw new IllegalStateException("escrow funds out of balance: " + this);
        }
    }

    /** No money yet, with room for {@code shareCount} revenue shares (those of the terms' deductions). */
    static EscrowFunds none(CurrencyUnit currency, int shareCount) {
        return new EscrowFunds(currency, 0, 0, 0, 0, 0, 0, 0, 0, new long[shareCount]);
    }

    /** {@code shares[i] + sign * parts[from + i]} for every share. */
    private long[] shares(long[] parts, int from, int sign) {
        long[] next = shares.clone();
        for (int i = 0; i < next.length; i++) {
            next[i] = Exact.add(next[i], sign * parts[from + i]);
        }
        return next;
    }

    EscrowFunds capture(long amount) {
        return new EscrowFunds(currency, Exact.add(captured, amount), refunded, sellerNet, commission, serviceFee,
                paymentFee, compensated, subsidy, shares, lineRefunds, tax);
    }

    EscrowFunds refundHeld(long amount) {
        return new EscrowFunds(currency, captured, Exact.add(refunded, amount), sellerNet, commission, serviceFee,
                paymentFee, compensated, subsidy, shares, lineRefunds, tax);
    }

    /** Refunds held money line by line: {@code perLine[i]} of line {@code i}. */
    EscrowFunds refundHeldLines(long[] perLine) {
        return new EscrowFunds(currency, captured, Exact.add(refunded, Exact.sum(perLine)), sellerNet, commission,
                serviceFee, paymentFee, compensated, subsidy, shares, addLines(perLine), tax);
    }

    /**
     * What was refunded of one line of the terms (docs/escrow-and-ledger.md, "Refunds by line").
     *
     * @param index the line's index in {@link EscrowTerms#lines()}
     * @return non-negative; zero for an escrow without lines
     */
    public MonetaryAmount lineRefunded(int index) {
        if (index < 0) {
            throw new dev.mercato.pricing.error.InvalidInputException("index", index, "must not be negative");
        }
        return amount(lineRefundedMinor(index));
    }

    /** What was refunded of line {@code i} of the terms. */
    long lineRefundedMinor(int i) {
        return i < lineRefunds.length ? lineRefunds[i] : 0;
    }

    private long[] addLines(long[] perLine) {
        long[] next = Arrays.copyOf(lineRefunds, Math.max(lineRefunds.length, perLine.length));
        for (int i = 0; i < perLine.length; i++) {
            next[i] = Exact.add(next[i], perLine[i]);
        }
        return next;
    }

    /**
     * Releases {@code parts = [net, commission, service fee, payment fee, subsidy, share 0, share 1, ...,
     * tax]}; the subsidy is inside the net.
     */
    EscrowFunds release(long[] parts) {
        return new EscrowFunds(currency, captured, refunded, Exact.add(sellerNet, parts[0]),
                Exact.add(commission, parts[1]), Exact.add(serviceFee, parts[2]), Exact.add(paymentFee, parts[3]),
                compensated, Exact.add(subsidy, parts[4]), shares(parts, 5, 1), lineRefunds,
                Exact.add(tax, parts[parts.length - 1]));
    }

    /**
     * Claws back a refund of {@code refund} of the buyer's money and {@code subsidyBack} of the
     * subsidy; {@code parts} is laid out like {@link #releasedParts()}.
     */
    EscrowFunds clawBack(long refund, long[] parts, long subsidyBack) {
        return new EscrowFunds(currency, captured, Exact.add(refunded, refund), sellerNet - parts[0],
                commission - parts[1], serviceFee - parts[2], paymentFee - parts[3], compensated, subsidy - subsidyBack,
                shares(parts, 4, -1), lineRefunds, tax - parts[parts.length - 1]);
    }

    /** {@link #clawBack} of a refund by line: {@code perLine[i]} of line {@code i} of the buyer's money. */
    EscrowFunds clawBackLines(long[] perLine, long[] parts, long subsidyBack) {
        EscrowFunds f = clawBack(Exact.sum(perLine), parts, subsidyBack);
        return new EscrowFunds(currency, f.captured, f.refunded, f.sellerNet, f.commission, f.serviceFee, f.paymentFee,
                f.compensated, f.subsidy, f.shares, addLines(perLine), f.tax);
    }

    EscrowFunds compensate(long amount) {
        return new EscrowFunds(currency, captured, refunded, sellerNet, commission, serviceFee, paymentFee,
                Exact.add(compensated, amount), subsidy, shares, lineRefunds, tax);
    }

    long heldMinor() {
        return captured - refunded - releasedMinor();
    }

    /** The buyer's money released: the released parts minus the platform's subsidy inside them. */
    long releasedMinor() {
        return Exact.add(Exact.sum(sellerNet, commission, serviceFee, paymentFee, tax), Exact.sum(shares)) - subsidy;
    }

    long subsidyMinor() {
        return subsidy;
    }

    /** {@code [net, commission, service fee, payment fee, share 0, share 1, ..., tax]} released and not clawed back. */
    long[] releasedParts() {
        long[] parts = new long[5 + shares.length];
        parts[0] = sellerNet;
        parts[1] = commission;
        parts[2] = serviceFee;
        parts[3] = paymentFee;
        System.arraycopy(shares, 0, parts, 4, shares.length);
        parts[4 + shares.length] = tax;
        return parts;
    }

    private MonetaryAmount amount(long minor) {
        return MinorUnits.toAmount(minor, currency);
    }

    /**
     * What the buyer paid into this escrow.
     *
     * @return non-negative
     */
    public MonetaryAmount captured() {
        return amount(captured);
    }

    /**
     * What the platform still holds: captured minus refunded minus released.
     *
     * @return non-negative
     */
    public MonetaryAmount held() {
        return amount(heldMinor());
    }

    /**
     * What went back to the buyer, before or after release.
     *
     * @return non-negative
     */
    public MonetaryAmount refunded() {
        return amount(refunded);
    }

    /**
     * The buyer's money released and not clawed back: seller net plus commission plus fees plus
     * revenue shares, minus the platform subsidy paid with it.
     *
     * @return non-negative
     */
    public MonetaryAmount released() {
        return amount(releasedMinor());
    }

    /**
     * The seller's share of what was released, net of commission, fees and revenue shares, subsidy included.
     *
     * @return non-negative
     */
    public MonetaryAmount sellerNet() {
        return amount(sellerNet);
    }

    /**
     * The commission kept from what was released.
     *
     * @return non-negative
     */
    public MonetaryAmount commission() {
        return amount(commission);
    }

    /**
     * The service and payment fees kept from what was released.
     *
     * @return non-negative
     */
    public MonetaryAmount fees() {
        return amount(serviceFee + paymentFee);
    }

    /**
     * The service fee kept from what was released (not given back by refunds after release).
     *
     * @return non-negative
     */
    public MonetaryAmount serviceFee() {
        return amount(serviceFee);
    }

    /**
     * The payment fee kept from what was released (not given back by refunds after release).
     *
     * @return non-negative
     */
    public MonetaryAmount paymentFee() {
        return amount(paymentFee);
    }

    /**
     * One creator's or referrer's revenue share credited from what was released and not clawed
     * back.
     *
     * @param index the share's index in the terms' {@link Deductions#shares()}
     * @return non-negative
     * @throws dev.mercato.pricing.error.InvalidInputException if there is no such share
     */
    public MonetaryAmount share(int index) {
        if (index < 0 || index >= shares.length) {
            throw new dev.mercato.pricing.error.InvalidInputException("index", index, "is not a share of these funds ("
                    + shares.length + " shares)");
        }
        return amount(shares[index]);
    }

    /**
     * The creators' and referrers' revenue shares credited from what was released (not clawed
     * back), all parties together; per party, see {@link Deductions#shares()} and the ledger's
     * {@link dev.mercato.core.ledger.Account.CreatorPayable} accounts.
     *
     * @return non-negative
     */
    public MonetaryAmount shares() {
        return amount(Exact.sum(shares));
    }

    /**
     * The lines' tax released to the tax-payable account and not reversed by refunds after
     * release ({@link dev.mercato.core.ledger.Account.TaxPayable}); never part of the seller's net.
     *
     * @return non-negative; zero for an escrow whose lines carry no tax
     */
    public MonetaryAmount tax() {
        return amount(tax);
    }

    /**
     * The platform subsidy paid to the seller with what was released (not clawed back).
     *
     * @return non-negative
     */
    public MonetaryAmount platformSubsidy() {
        return amount(subsidy);
    }

    /**
     * Compensation paid to the buyer from the seller's deposit (for example 10x for a counterfeit).
     *
     * @return non-negative
     */
    public MonetaryAmount compensated() {
        return amount(compensated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EscrowFunds f && f.currency.equals(currency) && f.captured == captured
                && f.refunded == refunded && f.sellerNet == sellerNet && f.commission == commission
                && f.serviceFee == serviceFee && f.paymentFee == paymentFee && f.compensated == compensated
                && f.subsidy == subsidy && f.tax == tax && Arrays.equals(f.shares, shares)
                && sameLines(f.lineRefunds, lineRefunds);
    }

    /** Equal line refunds: trailing zeros do not count. */
    private static boolean sameLines(long[] a, long[] b) {
        int n = Math.max(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if ((i < a.length ? a[i] : 0) != (i < b.length ? b[i] : 0)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(currency, captured, refunded, sellerNet, commission, serviceFee, paymentFee,
                compensated, subsidy, tax) + Arrays.hashCode(shares);
    }

    @Override
    public String toString() {
        return "EscrowFunds[" + currency.getCurrencyCode() + " captured=" + captured + " refunded=" + refunded
                + " released=" + sellerNet + "+" + commission + "+" + serviceFee + "+" + paymentFee
                + " shares=" + Arrays.toString(shares) + " lineRefunds=" + Arrays.toString(lineRefunds)
                + " subsidy=" + subsidy + " tax=" + tax + " compensated=" + compensated + " (minor units)]";
    }
}
