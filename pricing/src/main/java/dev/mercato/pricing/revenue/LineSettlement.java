package dev.mercato.pricing.revenue;

import dev.mercato.pricing.commission.Commission;
import dev.mercato.pricing.commission.SaleLine;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.Bearer;
import dev.mercato.pricing.fee.ShareCharge;
import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.MinorUnits;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * The settlement breakdown of one line: what the seller earns, what the platform charges, and
 * why.
 *
 * <p>Invariant: {@code sellerNet + commission + seller-borne fees + shares = sellerGross},
 * exactly. {@code sellerNet} is negative when fixed charges exceed a tiny line (the seller then
 * owes the platform). Platform-borne fees are shown but do not reduce the seller net.
 *
 * <p>Store this record with the order: it holds the weights a later refund is reversed with.
 * Immutable and thread-safe.
 *
 * @param line the line as sold
 * @param sellerGross {@code paid + platformSubsidy + shipping}
 * @param sellerDiscount seller-funded discounts (not paid to the seller)
 * @param platformSubsidy platform-funded discounts (paid to the seller by the platform)
 * @param commission the commission, its base and matching rule
 * @param fees the line's part of each order-level fee
 * @param shares the creators' and referrers' shares
 * @param sellerNet what the seller is paid for the line
 */
public record LineSettlement(SaleLine line, MonetaryAmount sellerGross, MonetaryAmount sellerDiscount,
        MonetaryAmount platformSubsidy, Commission commission, List<LineFee> fees, List<ShareCharge> shares,
        MonetaryAmount sellerNet) {

    /** Validates the components. */
    public LineSettlement {
        InvalidInputException.requireNonNull(line, "line");
        InvalidInputException.requireNonNull(sellerGross, "sellerGross");
        InvalidInputException.requireNonNull(sellerDiscount, "sellerDiscount");
        InvalidInputException.requireNonNull(platformSubsidy, "platformSubsidy");
        InvalidInputException.requireNonNull(commission, "commission");
        fees = List.copyOf(InvalidInputException.requireNonNull(fees, "fees"));
        shares = List.copyOf(InvalidInputException.requireNonNull(shares, "shares"));
        InvalidInputException.requireNonNull(sellerNet, "sellerNet");
    }

    /**
     * The base the commission was charged on.
     *
     * @return the commission base
     */
    public MonetaryAmount commissionBase() {
        return commission.base();
    }

    /**
     * What the buyer paid for the line, shipping included: the most its refunds can total.
     *
     * @return {@code paid + shipping}
     */
    public MonetaryAmount buyerPaid() {
        return line.buyerPaid();
    }

    /**
     * The fees that reduce the seller net.
     *
     * @return the sum of seller-borne fees
     */
    public MonetaryAmount sellerFees() {
        return sumFees(Bearer.SELLER);
    }

    /**
     * The fees the platform absorbs.
     *
     * @return the sum of platform-borne fees
     */
    public MonetaryAmount platformFees() {
        return sumFees(Bearer.PLATFORM);
    }

    /**
     * All revenue shares of the line.
     *
     * @return their sum
     */
    public MonetaryAmount sharesTotal() {
        long sum = 0;
        for (ShareCharge s : shares) {
            sum = Exact.add(sum, MinorUnits.toMinor(s.amount()));
        }
        return MinorUnits.toAmount(sum, line.currency());
    }

    /**
     * Starts tracking refunds of this line.
     *
     * @return nothing refunded yet
     */
    public RefundProgress.Open refunds() {
        return new RefundProgress.Open(this, MinorUnits.toAmount(0, line.currency()));
    }

    private MonetaryAmount sumFees(Bearer bearer) {
        long sum = 0;
        for (LineFee f : fees) {
            if (f.bearer() == bearer) {
                sum = Exact.add(sum, MinorUnits.toMinor(f.amount()));
            }
        }
        return MinorUnits.toAmount(sum, line.currency());
    }
}
