package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.BuyerContext;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A member's standing as the pricing engine sees it: the tier codes held (loyalty tier and paid
 * plan codes), the benefit codes, the points available to redeem and the membership coupons held
 * (a plan's monthly shipping coupon). Immutable and thread-safe.
 *
 * @param tiers tier codes held
 * @param benefits benefit codes held
 * @param pointsAvailable points the member may redeem, not negative
 * @param coupons coupon ids the membership gives the member now
 */
public record MemberStanding(Set<String> tiers, Set<String> benefits, long pointsAvailable, Set<String> coupons) {

    /**
     * Validates and copies the sets.
     *
     * @throws InvalidInputException if a set is missing or the points negative
     */
    public MemberStanding {
        tiers = Set.copyOf(InvalidInputException.requireNonNull(tiers, "tiers"));
        benefits = Set.copyOf(InvalidInputException.requireNonNull(benefits, "benefits"));
        if (pointsAvailable < 0) {
            throw new InvalidInputException("pointsAvailable", pointsAvailable, "must not be negative");
        }
        coupons = Set.copyOf(InvalidInputException.requireNonNull(coupons, "coupons"));
    }

    /**
     * A standing without membership coupons.
     *
     * @param tiers tier codes held
     * @param benefits benefit codes held
     * @param pointsAvailable points the member may redeem
     */
    public MemberStanding(Set<String> tiers, Set<String> benefits, long pointsAvailable) {
        this(tiers, benefits, pointsAvailable, Set.of());
    }

    /**
     * The buyer context for pricing: {@code base} with this standing's tiers, benefits and coupons added.
     *
     * @param base the context the host built (new-user flag, coupons, flags)
     * @return a new context
     */
    public BuyerContext applyTo(BuyerContext base) {
        InvalidInputException.requireNonNull(base, "base");
        Set<String> allTiers = new HashSet<>(base.tiers());
        allTiers.addAll(tiers);
        Set<String> allBenefits = new HashSet<>(base.benefits());
        allBenefits.addAll(benefits);
        Set<String> allCoupons = new HashSet<>(base.couponsHeld());
        allCoupons.addAll(coupons);
        return new BuyerContext(allTiers, allBenefits, base.newUser(), allCoupons, base.flags());
    }

    /**
     * The points offset promotion for redeeming points on one pricing request.
     *
     * @param id the promotion id
     * @param pointsToRedeem the points the buyer wants to redeem; cut to {@link #pointsAvailable()}
     * @param policy what points are worth
     * @return the promotion, or empty when nothing is redeemed
     */
    public Optional<PointsOffset> pointsOffset(String id, long pointsToRedeem, RedemptionPolicy policy) {
        long points = Math.min(Math.max(pointsToRedeem, 0), pointsAvailable);
        return points == 0 ? Optional.empty() : Optional.of(PointsOffset.of(id, points, policy));
    }
}
