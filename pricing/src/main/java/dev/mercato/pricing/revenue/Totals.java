package dev.mercato.pricing.revenue;

import dev.mercato.pricing.error.InvalidInputException;
import javax.money.MonetaryAmount;

/**
 * Sums of line settlements for an order, a seller, or everything settled together. Each field
 * is the exact sum of the same field over the lines, so the line invariant holds for totals too:
 * {@code sellerNet + commission + sellerFees + shares = sellerGross}.
 *
 * @param key the order id, the seller id, or {@code "*"} for everything
 * @param lines how many lines were summed
 * @param buyerPaid what buyers paid, shipping included
 * @param sellerGross the seller gross
 * @param sellerDiscount seller-funded discounts
 * @param platformSubsidy platform-funded subsidies
 * @param commissionBase the commission bases
 * @param commission the commissions
 * @param sellerFees the fees borne by sellers
 * @param platformFees the fees absorbed by the platform
 * @param shares the creators' and referrers' shares
 * @param sellerNet what sellers are paid
 */
public record Totals(String key, int lines, MonetaryAmount buyerPaid, MonetaryAmount sellerGross,
        MonetaryAmount sellerDiscount, MonetaryAmount platformSubsidy, MonetaryAmount commissionBase,
        MonetaryAmount commission, MonetaryAmount sellerFees, MonetaryAmount platformFees, MonetaryAmount shares,
        MonetaryAmount sellerNet) {
    /** Validates the components. */
    public Totals {
        InvalidInputException.requireNonNull(key, "key");
        InvalidInputException.requireNonNull(buyerPaid, "buyerPaid");
        InvalidInputException.requireNonNull(sellerGross, "sellerGross");
        InvalidInputException.requireNonNull(sellerDiscount, "sellerDiscount");
        InvalidInputException.requireNonNull(platformSubsidy, "platformSubsidy");
        InvalidInputException.requireNonNull(commissionBase, "commissionBase");
        InvalidInputException.requireNonNull(commission, "commission");
        InvalidInputException.requireNonNull(sellerFees, "sellerFees");
        InvalidInputException.requireNonNull(platformFees, "platformFees");
        InvalidInputException.requireNonNull(shares, "shares");
        InvalidInputException.requireNonNull(sellerNet, "sellerNet");
    }
}
