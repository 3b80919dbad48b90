package dev.mercato.core.membership;

/**
 * What using a plan's monthly shipping coupon did. Immutable and thread-safe.
 *
 * @param used whether the order holds one of this month's coupons (also {@code true} for a replay)
 * @param leftThisMonth the coupons left this month after this use
 */
public record ShippingCouponUse(boolean used, int leftThisMonth) {}
