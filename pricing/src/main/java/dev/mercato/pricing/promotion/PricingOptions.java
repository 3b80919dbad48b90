package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.RoundingPolicy;
import java.util.EnumSet;
import java.util.Set;

/**
 * Engine settings. Immutable and thread-safe.
 *
 * @param rounding how each discount is rounded to the minor unit (HALF_UP by default)
 * @param shopCouponsPerShop how many shop coupons may apply per shop (1 by default)
 * @param platformCouponsPerOrder how many platform coupons may apply per order (1 by default)
 * @param searchBound the most combinations tried exhaustively when promotions exclude each other
 *     (256 by default); past it the engine improves one group at a time
 * @param orderSearchLanes the lanes in which the engine also tries other orders of promotions of
 *     equal priority that touch the cart, keeping the cheapest (by default the shipping lane, where
 *     free shipping and shipping coupons compete for the same charges; in the other lanes the
 *     priority order is the rule author's statement)
 * @param orderBound the most orders tried per block of equal-priority promotions (24 by default,
 *     every order of up to 4); past it only the priority order and its reverse
 * @param benefitsNeverCostMore whether the engine also prices the cart without the buyer's
 *     benefits (membership tiers, new-user status) that some rule or price level depends on, and
 *     keeps the cheapest, so that a benefit never makes a cart dearer ({@code true} by default)
 */
public record PricingOptions(RoundingPolicy rounding, int shopCouponsPerShop, int platformCouponsPerOrder,
        int searchBound, Set<Lane> orderSearchLanes, int orderBound, boolean benefitsNeverCostMore) {

    /** Exclusivity groups starting with this prefix, followed by a seller id, are shop coupon slots. */
    public static final String SHOP_COUPON_GROUP_PREFIX = "coupon:shop:";

    /** The exclusivity group of platform coupons. */
    public static final String PLATFORM_COUPON_GROUP = "coupon:platform";

    /** The exclusivity group of shipping coupons (one per order). */
    public static final String SHIPPING_COUPON_GROUP = "coupon:shipping";

    /** Subsets of the buyer's benefits tried at most: all subsets of up to this many benefits. */
    static final int BENEFIT_SUBSETS_UP_TO = 4;

    private static final PricingOptions DEFAULTS = new PricingOptions(RoundingPolicy.HALF_UP, 1, 1, 256,
            EnumSet.of(Lane.SHIPPING), 24, true);

    /**
     * Validates the options.
     *
     * @throws InvalidInputException if the rounding or the lanes are missing, a count is below 1,
     *     or the lanes include the price-level lane (where order never matters)
     */
    public PricingOptions {
        InvalidInputException.requireNonNull(rounding, "rounding");
        InvalidInputException.requireNonNull(orderSearchLanes, "orderSearchLanes");
        orderSearchLanes = orderSearchLanes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(orderSearchLanes));
        if (orderSearchLanes.contains(Lane.PRICE_LEVEL)) {
            throw new InvalidInputException("orderSearchLanes", orderSearchLanes,
                    "must not include PRICE_LEVEL: the lowest price level wins whatever the order");
        }
        if (orderBound < 1) {
            throw new InvalidInputException("orderBound", orderBound, "must be at least 1");
        }
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
     * The defaults: HALF_UP, one shop coupon per shop, one platform coupon per order, bound 256,
     * order search in the shipping lane up to 24 orders per block, benefits never
     * cost more.
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
        return new PricingOptions(policy, shopCouponsPerShop, platformCouponsPerOrder, searchBound, orderSearchLanes,
                orderBound, benefitsNeverCostMore);
    }

    /**
     * These options with other coupon limits.
     *
     * @param perShop shop coupons per shop
     * @param perOrder platform coupons per order
     * @return new options
     */
    public PricingOptions withCouponLimits(int perShop, int perOrder) {
        return new PricingOptions(rounding, perShop, perOrder, searchBound, orderSearchLanes, orderBound,
                benefitsNeverCostMore);
    }

    /**
     * These options with another search bound.
     *
     * @param bound the most combinations tried exhaustively
     * @return new options
     */
    public PricingOptions withSearchBound(int bound) {
        return new PricingOptions(rounding, shopCouponsPerShop, platformCouponsPerOrder, bound, orderSearchLanes,
                orderBound, benefitsNeverCostMore);
    }

    /**
     * These options with another order search.
     *
     * @param lanes the lanes whose equal-priority promotions are tried in other orders
     * @param bound the most orders tried per block of equal-priority promotions
     * @return new options
     */
    public PricingOptions withOrderSearch(Set<Lane> lanes, int bound) {
        return new PricingOptions(rounding, shopCouponsPerShop, platformCouponsPerOrder, searchBound, lanes, bound,
                benefitsNeverCostMore);
    }

    /**
     * These options with benefits applied as held ({@code false}: a member price applies even
     * when it drops the cart below a threshold that would have saved more) or never costing more
     * ({@code true}, the default).
     *
     * @param neverCostMore whether the engine also prices the cart without the buyer's benefits
     * @return new options
     */
    public PricingOptions withBenefitsNeverCostingMore(boolean neverCostMore) {
        return new PricingOptions(rounding, shopCouponsPerShop, platformCouponsPerOrder, searchBound,
                orderSearchLanes, orderBound, neverCostMore);
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
