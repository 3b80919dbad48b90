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
 * measure would give). Immutable and thread-safe.
 *
 * @param levels the ladder from lowest to highest, thresholds strictly increasing, the first at 0
 * @param basis what thresholds measure
 * @param window the rolling qualification window and the length of a qualification period, positive
 * @param grace how long a member short at review keeps the level, zero or positive
 */
public record TierPolicy(List<TierLevel> levels, QualificationBasis basis, Duration window, Duration grace) {

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
            return new TierChange(new TierStanding(standing.level(), at.plus(window), Optional.empty()),
                    TierChange.Kind.RETAINED);
        }
        return new TierChange(standing, TierChange.Kind.UNCHANGED);
    }

    /**
     * Reviews retention when {@link TierStanding#nextReviewAt()} has come. A member at or above
     * the level's threshold keeps it for a new period; one short of it enters the grace period;
     * one still short when the grace period ends drops one level (or to the qualified level if
     * that is higher) and starts a new period.
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
