package dev.mercato.core.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Optional;
import java.util.OptionalLong;
import javax.money.MonetaryAmount;

/**
 * The limits the host sets on one promotion (usually a coupon), which the facade books across
 * checkouts. A limit left empty is not tracked. Immutable and thread-safe.
 *
 * <p>The engine honours uses left for coupons and shipping coupons (a coupon with no use left is
 * rejected: "cap reached: uses left is 0") and budget left for coupons (the discount is cut to
 * the budget left). A budget on another kind is checked when the checkout is booked: a checkout
 * that would overdraw it is refused.
 *
 * @param promotionId the promotion's id, not blank
 * @param usesPerBuyer how many checkouts of one buyer may use it, at least 1, if limited
 * @param totalUses how many checkouts of all buyers may use it, at least 1, if limited
 * @param budget the most it may take off across all checkouts, not negative, if limited
 */
public record PromotionLimit(String promotionId, OptionalLong usesPerBuyer, OptionalLong totalUses,
        Optional<MonetaryAmount> budget) {

    /**
     * Validates the fields.
     *
     * @throws InvalidInputException if a field is missing or out of range
     */
    public PromotionLimit {
        InvalidInputException.requireNonNull(promotionId, "promotionId");
        if (promotionId.isBlank()) {
            throw new InvalidInputException("promotionId", "\"" + promotionId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(usesPerBuyer, "usesPerBuyer");
        InvalidInputException.requireNonNull(totalUses, "totalUses");
        InvalidInputException.requireNonNull(budget, "budget");
        if (usesPerBuyer.isPresent() && usesPerBuyer.getAsLong() < 1) {
            throw new InvalidInputException("usesPerBuyer", usesPerBuyer.getAsLong(), "must be at least 1");
        }
        if (totalUses.isPresent() && totalUses.getAsLong() < 1) {
            throw new InvalidInputException("totalUses", totalUses.getAsLong(), "must be at least 1");
        }
        if (budget.isPresent() && budget.get().isNegative()) {
            throw new InvalidInputException("budget", budget.get(), "must not be negative");
        }
    }

    /**
     * A promotion with no limit yet; add them with the {@code with} methods.
     *
     * @param promotionId the promotion
     * @return the limit
     */
    public static PromotionLimit of(String promotionId) {
        return new PromotionLimit(promotionId, OptionalLong.empty(), OptionalLong.empty(), Optional.empty());
    }

    /**
     * This limit with uses per buyer.
     *
     * @param uses at least 1
     * @return a new limit
     */
    public PromotionLimit withUsesPerBuyer(long uses) {
        return new PromotionLimit(promotionId, OptionalLong.of(uses), totalUses, budget);
    }

    /**
     * This limit with total uses.
     *
     * @param uses at least 1
     * @return a new limit
     */
    public PromotionLimit withTotalUses(long uses) {
        return new PromotionLimit(promotionId, usesPerBuyer, OptionalLong.of(uses), budget);
    }

    /**
     * This limit with a budget.
     *
     * @param amount not negative
     * @return a new limit
     */
    public PromotionLimit withBudget(MonetaryAmount amount) {
        return new PromotionLimit(promotionId, usesPerBuyer, totalUses,
                Optional.of(InvalidInputException.requireNonNull(amount, "budget")));
    }
}
