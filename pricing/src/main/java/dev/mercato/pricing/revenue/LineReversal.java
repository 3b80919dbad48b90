package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.fee.ShareCharge;
import java.util.List;
import javax.money.MonetaryAmount;

/**
 * What one refund of a line takes back. Every amount is a positive magnitude: the part of the
 * original charge (or payment) reversed by this refund.
 *
 * <p>Invariant: {@code sellerGross = refund + platformSubsidy} and {@code sellerNet + commission
 * + seller-borne fees + shares + tax = sellerGross}, exactly. Over all refunds of a line, each
 * component's reversals add up to at most its original value, and to exactly its original value
 * once the line is fully refunded.
 *
 * @param orderId the order
 * @param lineId the line
 * @param refund what this refund returns to the buyer
 * @param refundedTotal what has been refunded on the line, this refund included
 * @param fullyRefunded whether the line is now fully refunded (and fully reversed)
 * @param sellerGross the seller gross taken back: the refund plus the platform subsidy reversed
 * @param platformSubsidy the platform subsidy returned to the platform
 * @param commission the commission returned to the seller
 * @param fees each fee part returned, in the order of the sale's fees
 * @param shares each share taken back from its creator or referrer, in the order of the sale's shares
 * @param sellerNet what is clawed back from the seller
 * @param tax the line's tax this refund reverses (taken back from tax payable)
 */
public record LineReversal(String orderId, String lineId, MonetaryAmount refund, MonetaryAmount refundedTotal,
        boolean fullyRefunded, MonetaryAmount sellerGross, MonetaryAmount platformSubsidy, MonetaryAmount commission,
        List<LineFee> fees, List<ShareCharge> shares, MonetaryAmount sellerNet, MonetaryAmount tax) {
    /** Validates the components. */
    public LineReversal {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(lineId, "lineId");
        InvalidInputException.requireNonNull(refund, "refund");
        InvalidInputException.requireNonNull(refundedTotal, "refundedTotal");
        InvalidInputException.requireNonNull(sellerGross, "sellerGross");
        InvalidInputException.requireNonNull(platformSubsidy, "platformSubsidy");
        InvalidInputException.requireNonNull(commission, "commission");
        fees = List.copyOf(InvalidInputException.requireNonNull(fees, "fees"));
        shares = List.copyOf(InvalidInputException.requireNonNull(shares, "shares"));
        InvalidInputException.requireNonNull(sellerNet, "sellerNet");
        InvalidInputException.requireNonNull(tax, "tax");
    }

    /**
     * A reversal of a line without tax.
     *
     * @param orderId the order
     * @param lineId the line
     * @param refund what this refund returns to the buyer
     * @param refundedTotal what has been refunded on the line, this refund included
     * @param fullyRefunded whether the line is now fully refunded
     * @param sellerGross the seller gross taken back
     * @param platformSubsidy the platform subsidy returned to the platform
     * @param commission the commission returned to the seller
     * @param fees each fee part returned
     * @param shares each share taken back
     * @param sellerNet what is clawed back from the seller
     */
    public LineReversal(String orderId, String lineId, MonetaryAmount refund, MonetaryAmount refundedTotal,
            boolean fullyRefunded, MonetaryAmount sellerGross, MonetaryAmount platformSubsidy, MonetaryAmount commission,
            List<LineFee> fees, List<ShareCharge> shares, MonetaryAmount sellerNet) {
        this(orderId, lineId, refund, refundedTotal, fullyRefunded, sellerGross, platformSubsidy, commission, fees,
                shares, sellerNet, dev.mercato.pricing.money.MinorUnits.toAmount(0, refund.getCurrency()));
    }
}
