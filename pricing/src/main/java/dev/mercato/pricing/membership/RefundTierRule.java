package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;

/**
 * What a refund does to a member's tier when it drops the rolling spend below the level held
 * ({@link TierPolicy#onRefund}). Whatever the rule, a refund never raises a tier and a member
 * still qualified for the level keeps it untouched; re-evaluating the same refund again changes
 * nothing. Immutable and thread-safe.
 */
public sealed interface RefundTierRule
        permits RefundTierRule.KeepUntilReview, RefundTierRule.DowngradeAtOnce, RefundTierRule.GraceThenDowngrade {

    /**
     * The level stays until the qualification period's retention review, which measures the
     * spend net of refunds (the ladder's usual review and grace). The default.
     */
    record KeepUntilReview() implements RefundTierRule {}

    /**
     * The member drops at once to the level the remaining spend qualifies for; the qualification
     * period keeps its review date.
     */
    record DowngradeAtOnce() implements RefundTierRule {}

    /**
     * The member keeps the level for {@code grace} after the refund; reaching the threshold again
     * within it ends the grace, otherwise at its end the member drops to the level the spend then
     * qualifies for. A further refund during the grace does not extend it.
     *
     * @param grace how long the level is kept, positive
     */
    record GraceThenDowngrade(Duration grace) implements RefundTierRule {
        /**
         * Validates the grace period.
         *
         * @throws InvalidInputException if it is missing, zero or negative
         */
        public GraceThenDowngrade {
            InvalidInputException.requireNonNull(grace, "grace");
            if (grace.isZero() || grace.isNegative()) {
                throw new InvalidInputException("grace", grace, "must be positive (use downgradeAtOnce() for none)");
            }
        }
    }

    /**
     * Keep the level until the retention review.
     *
     * @return the rule
     */
    static RefundTierRule keepUntilReview() {
        return new KeepUntilReview();
    }

    /**
     * Drop to the qualified level at once.
     *
     * @return the rule
     */
    static RefundTierRule downgradeAtOnce() {
        return new DowngradeAtOnce();
    }

    /**
     * Keep the level for a grace period, then drop to the qualified level.
     *
     * @param grace the grace period, positive
     * @return the rule
     */
    static RefundTierRule graceThenDowngrade(Duration grace) {
        return new GraceThenDowngrade(grace);
    }
}
