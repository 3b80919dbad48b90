package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.money.RoundingPolicy;

/**
 * Who pays for a discount. Platform-funded discounts (platform coupons, subsidies) leave the
 * seller paid the pre-discount amount; seller-funded discounts (shop coupons, shop promotions)
 * reduce what the seller receives. A co-funded promotion names the platform's share; the
 * seller funds the rest. Immutable and thread-safe.
 *
 * @param platformShare the share of each discount the platform pays, 0% to 100%
 */
public record Funding(Rate platformShare) {

    /** The platform pays the whole discount. */
    public static final Funding PLATFORM = new Funding(Rate.ONE_HUNDRED_PERCENT);

    /** The seller pays the whole discount. */
    public static final Funding SELLER = new Funding(Rate.ZERO);

    /**
     * Validates the share.
     *
     * @throws InvalidInputException if it is {@code null}
     */
    public Funding {
        InvalidInputException.requireNonNull(platformShare, "platformShare");
    }

    /**
     * A co-funded split.
     *
     * @param platformShare the platform's share
     * @return the funding
     */
    public static Funding coFunded(Rate platformShare) {
        return new Funding(platformShare);
    }

    /**
     * The platform's part of a discount in minor units, rounded half-up; the seller funds the
     * remainder, so the two parts always add up to the discount.
     *
     * @param discountMinor the discount in minor units
     * @return the platform's part
     */
    public long platformPart(long discountMinor) {
        if (platformShare.isZero()) {
            return 0;
        }
        if (platformShare.equals(Rate.ONE_HUNDRED_PERCENT)) {
            return discountMinor;
        }
        return platformShare.applyToMinor(discountMinor, RoundingPolicy.HALF_UP);
    }
}
