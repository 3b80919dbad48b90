package dev.mercato.core.escrow;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.Objects;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * Where an escrow's money is: captured from the buyer, still held, refunded to the buyer, and
 * released to the seller (split into the seller's net and the platform's commission and fees).
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

    private EscrowFunds(CurrencyUnit currency, long captured, long refunded, long sellerNet, long commission,
            long serviceFee, long paymentFee, long compensated, long subsidy) {
        this.currency = currency;
        this.captured = captured;
        this.refunded = refunded;
        this.sellerNet = sellerNet;
        this.commission = commission;
        this.serviceFee = serviceFee;
        this.paymentFee = paymentFee;
        this.compensated = compensated;
        this.subsidy = subsidy;
        if (subsidy < 0 || releasedMinor() < 0 || heldMinor() < 0 || refunded < 0 || sellerNet < 0 || commission < 0
                || serviceFee < 0 || paymentFee < 0 || compensated < 0) {
            throw new IllegalStateException("escrow funds out of balance: " + this);
        }
    }

    static EscrowFunds none(CurrencyUnit currency) {
        return new EscrowFunds(currency, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    EscrowFunds capture(long amount) {
        return new EscrowFunds(currency, Exact.add(captured, amount), refunded, sellerNet, commission, serviceFee,
                paymentFee, compensated, subsidy);
    }

    EscrowFunds refundHeld(long amount) {
        return new EscrowFunds(currency, captured, Exact.add(refunded, amount), sellerNet, commission, serviceFee,
                paymentFee, compensated, subsidy);
    }

    /** Releases {@code parts = [net, commission, service fee, payment fee, subsidy]}; the subsidy is inside the net. */
    EscrowFunds release(long[] parts) {
        return new EscrowFunds(currency, captured, refunded, Exact.add(sellerNet, parts[0]),
                Exact.add(commission, parts[1]), Exact.add(serviceFee, parts[2]), Exact.add(paymentFee, parts[3]),
                compensated, Exact.add(subsidy, parts[4]));
    }

    /** Claws back a refund of {@code refund} of the buyer's money and {@code subsidyBack} of the subsidy. */
    EscrowFunds clawBack(long refund, long[] parts, long subsidyBack) {
        return new EscrowFunds(currency, captured, Exact.add(refunded, refund), sellerNet - parts[0],
                commission - parts[1], serviceFee - parts[2], paymentFee - parts[3], compensated, subsidy - subsidyBack);
    }

    EscrowFunds compensate(long amount) {
        return new EscrowFunds(currency, captured, refunded, sellerNet, commission, serviceFee, paymentFee,
                Exact.add(compensated, amount), subsidy);
    }

    long heldMinor() {
        return captured - refunded - releasedMinor();
    }

    /** The buyer's money released: the released parts minus the platform's subsidy inside them. */
    long releasedMinor() {
        return Exact.sum(sellerNet, commission, serviceFee, paymentFee) - subsidy;
    }

    long subsidyMinor() {
        return subsidy;
    }

    long[] releasedParts() {
        return new long[] {sellerNet, commission, serviceFee, paymentFee};
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
     * The buyer's money released and not clawed back: seller net plus commission plus fees, minus
     * the platform subsidy paid with it.
     *
     * @return non-negative
     */
    public MonetaryAmount released() {
        return amount(releasedMinor());
    }

    /**
     * The seller's share of what was released, net of commission and fees, subsidy included.
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
                && f.subsidy == subsidy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(currency, captured, refunded, sellerNet, commission, serviceFee, paymentFee, compensated,
                subsidy);
    }

    @Override
    public String toString() {
        return "EscrowFunds[" + currency.getCurrencyCode() + " captured=" + captured + " refunded=" + refunded
                + " released=" + sellerNet + "+" + commission + "+" + serviceFee + "+" + paymentFee
                + " subsidy=" + subsidy + " compensated=" + compensated + " (minor units)]";
    }
}
