package dev.mercato.core.settlement;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.revenue.Totals;
import javax.money.MonetaryAmount;

/**
 * The discounts a seller paid on an order (shop coupons, shop promotions): not money the ledger
 * sees, because the buyer simply paid less, so the order records it at checkout and the
 * settlement statement reports it. Platform-funded discounts are platform subsidies, paid to the
 * seller on release, and the statement reads them from the ledger.
 *
 * @param sellerFunded discounts paid by the seller, non-negative
 */
public record DiscountFunding(MonetaryAmount sellerFunded) {

    /**
     * The seller-funded discounts of an order as computed by the revenue calculators.
     *
     * @param orderTotals the order's totals from {@code dev.mercato.pricing.revenue.Settlement#byOrder()}
     * @return its seller-funded discounts
     */
    public static DiscountFunding of(Totals orderTotals) {
        InvalidInputException.requireNonNull(orderTotals, "orderTotals");
        return new DiscountFunding(orderTotals.sellerDiscount());
    }

    /** Validates the amount. */
    public DiscountFunding {
        InvalidInputException.requireNonNull(sellerFunded, "sellerFunded");
        if (sellerFunded.isNegative()) {
            throw new InvalidInputException("sellerFunded", sellerFunded, "must not be negative");
        }
    }
}
