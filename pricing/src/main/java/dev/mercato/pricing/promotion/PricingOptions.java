package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.RoundingPolicy;

/**
 * Engine settings. Immutable and thread-safe.
 *
 * @param rounding how each discount is rounded to the minor unit (HALF_UP by default)
 * @param shopCouponsPerShop how many shop coupons may apply per shop (1 by default)
 * @param platformCouponsPerOrder how many platform coupons may apply per order (1 by default)
 * @param searchBound the most combinations tried exhaustively when promotions exclude each other
 *     (256 by default); past it the engine improves one group at a time
 */
public record PricingOptions(RoundingPolicy rounding, int shopCouponsPerShop, int platformCouponsPerOrder,
        int searchBound) {

    /** Exclusivity groups starting with this prefix, followed by a seller id, are shop coupon slots. */
    public static final String SHOP_COUPON_GROUP_PREFIX = "coupon:shop:";

    /** The exclusivity group of platform coupons. */
    public static final String PLATFORM_COUPON_GROUP = "coupon:platform";

    /** The exclusivity group of shipping coupons (one per order). */
    public static final String SHIPPING_COUPON_GROUP = "coupon:shipping";

    private static final PricingOptions DEFAULTS = new PricingOptions(RoundingPolicy.HALF_UP, 1, 1, 256);

    /**
     * Validates the options.
     *
     * @throws InvalidInputException if the rounding is missing or a count is below 1
     */
    public PricingOptions {
        InvalidInputException.requireNonNull(rounding, "rounding");
        if (shopCouponsPerShop < 1) {
            throw new InvalidInputException("shopCouponsPerShop", shopCouponsPerShop, "must be at least 1");
        }
        if (platformCouponsPerOrder < 1) {
            throw new InvalidInputException("platformCouponsPerOrder", platformCouponsPerOrder, "must be at least 1");
        }
        if (searchBound < 1) {
            throw new InvalidInputException("searchBound", searchBound, "must be at least 1");
        }
    }

    /**
     * The defaults: HALF_UP, one shop coupon per shop, one platform coupon per order, bound 256.
     *
     * @return the defaults
     */
    public static PricingOptions defaults() {
        return DEFAULTS;
    }

    /**
     * These options with another rounding policy.
     *
     * @param policy the policy
     * @return new options
     */
    public PricingOptions withRounding(RoundingPolicy policy) {
        return new PricingOptions(policy, shopCouponsPerShop, platformCouponsPerOrder, searchBound);
    }

    /**
     * These options with other coupon limits.
     *
     * @param perShop shop coupons per shop
     * @param perOrder platform coupons per order
     * @return new options
     */
    public PricingOptions withCouponLimits(int perShop, int perOrder) {
        return new PricingOptions(rounding, perShop, perOrder, searchBound);
    }

    /**
     * These options with another search bound.
     *
     * @param bound the most combinations tried exhaustively
     * @return new options
     */
    public PricingOptions withSearchBound(int bound) {
        return new PricingOptions(rounding, shopCouponsPerShop, platformCouponsPerOrder, bound);
    }

    /**
     * How many members of an exclusivity group may apply.
     *
     * @param group the group
     * @return the limit
     */
    public int limitOf(String group) {
        if (group.startsWith(SHOP_COUPON_GROUP_PREFIX)) {
            return shopCouponsPerShop;
        }
        if (group.equals(PLATFORM_COUPON_GROUP)) {
            return platformCouponsPerOrder;
        }
        return 1;
    }
}
