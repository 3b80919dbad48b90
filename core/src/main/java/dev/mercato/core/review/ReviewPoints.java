package dev.mercato.core.review;

import dev.mercato.core.membership.MembershipService;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * Rewards a buyer for writing a review. Called once per review, when it is first submitted, and
 * never given the stars: a reward conditional on a positive rating would buy good reviews.
 * Implementations are idempotent by review id and thread-safe.
 */
@FunctionalInterface
public interface ReviewPoints {

    /**
     * Rewards one review.
     *
     * @param buyerId the reviewer
     * @param reviewId the review, the reward's idempotency key
     */
    void reward(String buyerId, String reviewId);

    /**
     * No reward.
     *
     * @return a reward that does nothing
     */
    static ReviewPoints none() {
        return (buyerId, reviewId) -> { };
    }

    /**
     * The membership programme's activity bonus (within its daily limit; a buyer who is not a
     * member gets nothing).
     *
     * @param memberships the membership service
     * @param bonusEventCode the bonus event, e.g. {@code "review"}
     * @return the reward
     */
    static ReviewPoints membershipBonus(MembershipService memberships, String bonusEventCode) {
        InvalidInputException.requireNonNull(memberships, "memberships");
        InvalidInputException.requireNonNull(bonusEventCode, "bonusEventCode");
        return (buyerId, reviewId) -> memberships.grantBonus(buyerId, bonusEventCode, "review:" + reviewId);
    }
}
