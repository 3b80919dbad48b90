package dev.mercato.pricing.promotion;

/**
 * The fixed order in which promotions apply. Each lane measures its thresholds on the running
 * amounts left by the earlier lanes; within a lane promotions apply by descending priority,
 * then by id. The coupon lane is split in two so that shop coupons always apply before the
 * platform coupon.
 */
public enum Lane {
    /** Price levels: list, member, new-user, flash, group-buy, quantity break; the lowest wins. */
    PRICE_LEVEL,
    /** Item promotions: percent off, amount off, buy X get Y, bundles, pre-sale deposits. */
    ITEM,
    /** Shop-level promotions, measured per seller: spend-X-save-Y, threshold percent, gifts. */
    SHOP,
    /** Platform-level promotions, measured across sellers and prorated over their lines. */
    PLATFORM,
    /** Coupons issued by a shop and funded by it. */
    SHOP_COUPON,
    /** Coupons issued and funded by the platform. */
    PLATFORM_COUPON,
    /** Shipping discounts: free shipping over a threshold, shipping coupons. */
    SHIPPING
}
