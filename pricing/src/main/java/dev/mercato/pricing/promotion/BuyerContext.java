package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Set;

/**
 * What the engine knows about the buyer. Immutable and thread-safe.
 *
 * @param tiers the membership tier codes the buyer holds, e.g. {@code GOLD}, {@code PLUS}
 * @param benefits membership benefit codes, e.g. {@code free-shipping}; rules may require one
 * @param newUser whether the buyer has never ordered before
 * @param couponsHeld ids of the coupons the buyer holds and offers to use
 * @param flags other facts, e.g. {@link #GROUP_FORMED} when the buyer's group-buy group is full
 */
public record BuyerContext(Set<String> tiers, Set<String> benefits, boolean newUser, Set<String> couponsHeld,
        Set<String> flags) {

    /** The flag group-buy prices wait for by default. */
    public static final String GROUP_FORMED = "group-formed";

    private static final BuyerContext ANONYMOUS = new BuyerContext(Set.of(), Set.of(), false, Set.of(), Set.of());

    /**
     * Copies the sets.
     *
     * @throws InvalidInputException if a set is {@code null}
     */
    public BuyerContext {
        tiers = Set.copyOf(InvalidInputException.requireNonNull(tiers, "buyer.tiers"));
        benefits = Set.copyOf(InvalidInputException.requireNonNull(benefits, "buyer.benefits"));
        couponsHeld = Set.copyOf(InvalidInputException.requireNonNull(couponsHeld, "buyer.couponsHeld"));
        flags = Set.copyOf(InvalidInputException.requireNonNull(flags, "buyer.flags"));
    }

    /**
     * A returning buyer with no tiers, coupons or flags.
     *
     * @return the context
     */
    public static BuyerContext anonymous() {
        return ANONYMOUS;
    }

    /**
     * This buyer with the given tiers.
     *
     * @param tierCodes the tier codes
     * @return a new context
     */
    public BuyerContext withTiers(String... tierCodes) {
        return new BuyerContext(Set.of(tierCodes), benefits, newUser, couponsHeld, flags);
    }

    /**
     * This buyer with the given benefits.
     *
     * @param benefitCodes the benefit codes
     * @return a new context
     */
    public BuyerContext withBenefits(String... benefitCodes) {
        return new BuyerContext(tiers, Set.of(benefitCodes), newUser, couponsHeld, flags);
    }

    /**
     * This buyer as a new user or not.
     *
     * @param isNew whether the buyer is new
     * @return a new context
     */
    public BuyerContext withNewUser(boolean isNew) {
        return new BuyerContext(tiers, benefits, isNew, couponsHeld, flags);
    }

    /**
     * This buyer holding the given coupons.
     *
     * @param couponIds the coupon ids
     * @return a new context
     */
    public BuyerContext withCoupons(String... couponIds) {
        return new BuyerContext(tiers, benefits, newUser, Set.of(couponIds), flags);
    }

    /**
     * This buyer with the given flags.
     *
     * @param flagNames the flags
     * @return a new context
     */
    public BuyerContext withFlags(String... flagNames) {
        return new BuyerContext(tiers, benefits, newUser, couponsHeld, Set.of(flagNames));
    }

    /**
     * Whether the buyer holds any of the tiers.
     *
     * @param wanted tier codes
     * @return {@code true} if at least one is held
     */
    public boolean hasAnyTier(Set<String> wanted) {
        for (String t : wanted) {
            if (tiers.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
