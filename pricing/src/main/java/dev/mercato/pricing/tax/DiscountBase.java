package dev.mercato.pricing.tax;

/**
 * How discounts reduce the taxable base of a line. The line amount the pricing engine gives
 * ({@code LineResult.finalAmount()}) is already after every discount, prorated.
 */
public enum DiscountBase {
    /** Every discount reduces the base: the base is the line's final amount (the default). */
    ALL_DISCOUNTS,
    /**
     * Only seller-funded discounts reduce the base: the platform-funded part of the line's
     * discounts is added back, as for a third-party coupon under many sales-tax rules (the seller
     * is paid that part by the platform, and owes tax on it).
     */
    SELLER_FUNDED_ONLY
}
