package dev.mercato.pricing.promotion.rule;

/** How often a coupon's value is taken within one order. */
public enum CouponApplication {
    /** Once off the lines in scope together, prorated over them (the default). */
    ONCE_PER_ORDER,
    /** Once off each line in scope. */
    ONCE_PER_LINE
}
