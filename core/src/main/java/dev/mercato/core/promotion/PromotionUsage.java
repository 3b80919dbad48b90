package dev.mercato.core.promotion;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * What all checkouts have booked on one promotion: uses, and the amount taken off counted against
 * its budget (in minor units of the budget's currency; 0 when the promotion has no budget). Stored per promotion with an optimistic version, so two checkouts
 * booking the same promotion at once cannot both commit. Immutable and thread-safe.
 *
 * @param promotionId the promotion
 * @param uses checkouts that used it and were not released, not negative
 * @param spentMinor amount those checkouts took off, counted against the budget, in minor units, not
 *     negative
 */
public record PromotionUsage(String promotionId, long uses, long spentMinor) {
    /** Validates the fields. */
    public PromotionUsage {
        InvalidInputException.requireNonNull(promotionId, "promotionId");
        if (uses < 0) {
            throw new InvalidInputException("uses", uses, "must not be negative");
        }
        if (spentMinor < 0) {
            throw new InvalidInputException("spentMinor", spentMinor, "must not be negative");
        }
    }

    PromotionUsage plus(long moreUses, long moreSpent) {
        return new PromotionUsage(promotionId, Math.addExact(uses, moreUses), Math.addExact(spentMinor, moreSpent));
    }
}
