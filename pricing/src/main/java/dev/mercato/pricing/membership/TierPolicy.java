package dev.mercato.pricing.membership;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A tier ladder and its rules: members qualify by spend or score over a rolling window (e.g.
 * 365 days); they move up as soon as the measure reaches a higher threshold; at the end of each
 * qualification period their retention is reviewed; a member short of the level's threshold
 * keeps it through a grace period and then drops by one level (not straight to the level the
 * measure would give). A refund that drops the spend below the level held is re-evaluated by
 * {@link #onRefund()} ({@link #onRefund(TierStanding, long, Instant)}). Immutable and thread-safe.
 *
 * @param levels the ladder from lowest to highest, thresholds strictly increasing, the first at 0
 * @param basis what thresholds measure
 * @param window the rolling qualification window and the length of a qualification period, positive
 * @param grace how long a member short at review keeps the level, zero or positive
 * @param onRefund what a refund that drops the spend below the level held does to the tier
 */
public record TierPolicy(List<TierLevel> levels, QualificationBasis basis, Duration window, Duration grace,
        RefundTierRule onRefund) {

    /**
     * A ladder whose refunds keep the level until the retention review ({@link
     * RefundTierRule#keepUntilReview()}).
     *
     * @param levels the ladder
     * @param basis what thresholds measure
     * @param window the qualification window
     * @param grace the grace after a failed review
     */
    public TierPolicy(List<TierLevel> levels, QualificationBasis basis, Duration window, Duration grace) {
        this(levels, basis, window, grace, RefundTierRule.keepUntilReview());
    }

    /**
     * Validates the ladder.
     *
     * @throws InvalidInputException if a value is missing, the ladder empty, not starting at 0,
     *     not strictly increasing, or a duration out of range
     */
    public TierPolicy {
        levels = List.copyOf(InvalidInputException.requireNonNull(levels, "levels"));
        if (levels.isEmpty()) {
            throw new InvalidInputException("levels", levels, "must hold at least one level");
        }
        if (levels.get(0).threshold() != 0) {
            throw new InvalidInputException("levels[0].threshold", levels.get(0).threshold(), "must be 0");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).threshold() <= levels.get(i - 1).threshold()) {
                throw new InvalidInputException("levels[" + i + "].threshold", levels.get(i).threshold(),
                        "must be above the previous level's " + levels.get(i - 1).threshold());
            }
        }
        InvalidInputException.requireNonNull(basis, "basis");
        InvalidInputException.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new InvalidInputException("window", window, "must be positive");
        }
        InvalidInputException.requireNonNull(grace, "grace");
        if (grace.isNegative()) {
            throw new InvalidInputException("grace", grace, "must not be negative");
        }
        InvalidInputException.requireNonNull(onRefund, "onRefund");
    }

    /**
     * This ladder with another refund rule.
     *
     * @param rule what a refund does to the tier
     * @return a new policy
     */
    public TierPolicy withOnRefund(RefundTierRule rule) {
        return new TierPolicy(levels, basis, window, grace, rule);
    }

    /**
     * The standing of a new member: the lowest level, first review one window from now.
     *
     * @param joinedAt when the member joined
     * @return the standing
     */
    public TierStanding join(Instant joinedAt) {
        return new TierStanding(0, joinedAt.plus(window), Optional.empty());
    }

    /**
     * The level a measure qualifies for.
     *
     * @param measure the spend or score over the window
     * @return the index of the highest level whose threshold it reaches
     */
    public int qualifiedLevel(long measure) {
        int level = 0;
        for (int i = 1; i < levels.size(); i++) {
            if (measure >= levels.get(i).threshold()) {
                level = i;
            }
        }
        return level;
    }

    /**
     * The measure over the window ending at {@code asOf}: the sum of activities in
     * {@code (asOf - window, asOf]}.
     *
     * @param activities the member's activities, any order
     * @param asOf the end of the window
     * @return the sum
     */
    public long measure(List<Activity> activities, Instant asOf) {
        Instant from = asOf.minus(window);
        long sum = 0;
        for (Activity a : activities) {
            if (a.at().isAfter(from) && !a.at().isAfter(asOf)) {
                sum = Exact.add(sum, a.amount());
            }
        }
        return sum;
    }

    /**
     * Applies new activity: moves the member up at once if the measure reaches a higher level,
     * starting a new qualification period and ending any grace period.
     *
     * @param standing the current standing
     * @param measure the measure now
     * @param at now
     * @return the change, {@link TierChange.Kind#UPGRADED} or {@link TierChange.Kind#UNCHANGED}
     */
    public TierChange onActivity(TierStanding standing, long measure, Instant at) {
        int qualified = qualifiedLevel(measure);
        if (qualified > standing.level()) {
            return new TierChange(new TierStanding(qualified, at.plus(window), Optional.empty()),
                    TierChange.Kind.UPGRADED);
        }
        if (standing.graceUntil().isPresent() && measure >= levels.get(standing.level()).threshold()) {
            // A refund's grace inside a running period ends; the period keeps its review date.
            Instant review = at.isBefore(standing.reviewAt()) ? standing.reviewAt() : at.plus(window);
            return new TierChange(new TierStanding(standing.level(), review, Optional.empty()),
                    TierChange.Kind.RETAINED);
        }
        return new TierChange(standing, TierChange.Kind.UNCHANGED);
    }

    /**
     * Re-evaluates the tier after a refund lowered the measure, by {@link #onRefund()}. A member
     * whose measure still reaches the level held, or already in a grace period, is unchanged;
     * otherwise {@link RefundTierRule.KeepUntilReview} changes nothing, {@link
     * RefundTierRule.DowngradeAtOnce} drops to the qualified level keeping the period's review
     * date (a new period when that date has passed), and {@link RefundTierRule.GraceThenDowngrade}
     * keeps the level until {@code at + grace}, when {@link #review} drops it to the level then
     * qualified. Idempotent: re-evaluating the result with the same measure and instant changes
     * nothing.
     *
     * @param standing the current standing
     * @param measure the measure after the refund
     * @param at now
     * @return the change: {@link TierChange.Kind#UNCHANGED}, {@link TierChange.Kind#DOWNGRADED} or
     *     {@link TierChange.Kind#GRACE_STARTED}
     */
    public TierChange onRefund(TierStanding standing, long measure, Instant at) {
        InvalidInputException.requireNonNull(standing, "standing");
        InvalidInputException.requireNonNull(at, "at");
        int qualified = qualifiedLevel(measure);
        if (qualified >= standing.level() || standing.graceUntil().isPresent()
                || onRefund instanceof RefundTierRule.KeepUntilReview) {
            return new TierChange(standing, TierChange.Kind.UNCHANGED);
        }
        if (onRefund instanceof RefundTierRule.GraceThenDowngrade g) {
            return new TierChange(new TierStanding(standing.level(), standing.reviewAt(), Optional.of(at.plus(g.grace()))),
                    TierChange.Kind.GRACE_STARTED);
        }
        Instant review = at.isBefore(standing.reviewAt()) ? standing.reviewAt() : at.plus(window);
        return new TierChange(new TierStanding(qualified, review, Optional.empty()), TierChange.Kind.DOWNGRADED);
    }

    /**
     * Reviews retention when {@link TierStanding#nextReviewAt()} has come. A member at or above
     * the level's threshold keeps it for a new period; one short of it enters the grace period;
     * one still short when the grace period ends drops one level (or to the qualified level if
     * that is higher) and starts a new period. The end of a refund's grace ({@link
     * RefundTierRule.GraceThenDowngrade}) before the period's review date instead sets the level
     * the measure qualifies for and keeps that date.
     *
     * @param standing the current standing
     * @param measure the measure at {@code at}
     * @param at now
     * @return the change; {@link TierChange.Kind#UNCHANGED} before the review is due
     */
    public TierChange review(TierStanding standing, long measure, Instant at) {
        if (at.isBefore(standing.nextReviewAt())) {
            return new TierChange(standing, TierChange.Kind.UNCHANGED);
        }
        int level = standing.level();
        int qualified = qualifiedLevel(measure);
        if (standing.graceUntil().isPresent() && at.isBefore(standing.reviewAt())) {
            // The end of a refund's grace inside a running period: the level the measure now
            // qualifies for, the period keeping its review date.
            return new TierChange(new TierStanding(qualified, standing.reviewAt(), Optional.empty()),
                    qualified > level ? TierChange.Kind.UPGRADED : qualified == level ? TierChange.Kind.RETAINED
                            : TierChange.Kind.DOWNGRADED);
        }
        if (qualified >= level) {
            return new TierChange(new TierStanding(qualified, at.plus(window), Optional.empty()),
                    qualified > level ? TierChange.Kind.UPGRADED : TierChange.Kind.RETAINED);
        }
        if (standing.graceUntil().isEmpty() && !grace.isZero()) {
            return new TierChange(new TierStanding(level, standing.reviewAt(), Optional.of(at.plus(grace))),
                    TierChange.Kind.GRACE_STARTED);
        }
        int lower = Math.max(level - 1, qualified);
        return new TierChange(new TierStanding(lower, at.plus(window), Optional.empty()), TierChange.Kind.DOWNGRADED);
    }

    /**
     * The level at an index.
     *
     * @param index the index
     * @return the level
     */
    public TierLevel level(int index) {
        return levels.get(index);
    }

    /**
     * The level a standing holds, as a tier code and benefits.
     *
     * @param standing the standing
     * @return the level, the highest one if the standing's index lies beyond the ladder
     */
    public TierLevel levelOf(TierStanding standing) {
        return levels.get(Math.min(standing.level(), levels.size() - 1));
    }
}
