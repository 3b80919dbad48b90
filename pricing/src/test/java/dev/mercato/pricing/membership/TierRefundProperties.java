package dev.mercato.pricing.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Invariants of the tier's re-evaluation after a refund ({@link TierPolicy#onRefund}) under each
 * {@link RefundTierRule}: a refund never raises a tier, a still-qualified member is untouched,
 * the rule does what it says, and re-evaluating the result (again after a refund, or at its
 * review) changes nothing more.
 */
class TierRefundProperties {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static TierPolicy ladder(RefundTierRule rule) {
        return new TierPolicy(List.of(TierLevel.of("MEMBER", 0), TierLevel.of("SILVER", 10_000),
                TierLevel.of("GOLD", 50_000), TierLevel.of("DIAMOND", 150_000)), QualificationBasis.SPEND,
                Duration.ofDays(365), Duration.ofDays(30), rule);
    }

    @Property(tries = 300)
    void aRefundNeverRaisesATierAndTheRuleDoesWhatItSays(@ForAll("rules") RefundTierRule rule,
            @ForAll("standings") TierStanding standing, @ForAll @LongRange(min = -10_000, max = 200_000) long measure,
            @ForAll @LongRange(min = 0, max = 800) long day) {
        TierPolicy policy = ladder(rule);
        Instant at = T0.plus(Duration.ofDays(day));
        TierChange change = policy.onRefund(standing, measure, at);
        int qualified = policy.qualifiedLevel(measure);
        assertTrue(change.standing().level() <= standing.level(), "a refund never raises a tier");
        if (qualified >= standing.level() || standing.graceUntil().isPresent()) {
            assertEquals(standing, change.standing(), "qualified, or already in grace: untouched");
            return;
        }
        if (rule instanceof RefundTierRule.KeepUntilReview) {
            assertEquals(standing, change.standing());
        } else if (rule instanceof RefundTierRule.DowngradeAtOnce) {
            assertEquals(qualified, change.standing().level());
            assertEquals(TierChange.Kind.DOWNGRADED, change.what());
            assertTrue(change.standing().reviewAt().isAfter(at), "a review date ahead");
        } else {
            RefundTierRule.GraceThenDowngrade grace = (RefundTierRule.GraceThenDowngrade) rule;
            assertEquals(standing.level(), change.standing().level(), "the level is kept in the grace");
            assertEquals(Optional.of(at.plus(grace.grace())), change.standing().graceUntil());
            Instant end = change.standing().nextReviewAt();
            TierChange atEnd = policy.review(change.standing(), measure, end);
            assertTrue(atEnd.standing().level() <= Math.max(qualified, standing.level() - 1),
                    () -> change + " -> " + atEnd);
            if (end.isBefore(standing.reviewAt())) {
                assertEquals(qualified, atEnd.standing().level(), "the grace ends at the qualified level");
                assertEquals(standing.reviewAt(), atEnd.standing().reviewAt(), "the period keeps its review date");
            }
        }
    }

    @Property(tries = 300)
    void reEvaluatingARefundIsIdempotent(@ForAll("rules") RefundTierRule rule, @ForAll("standings") TierStanding standing,
            @ForAll @LongRange(min = -10_000, max = 200_000) long measure, @ForAll @LongRange(min = 0, max = 800) long day) {
        TierPolicy policy = ladder(rule);
        Instant at = T0.plus(Duration.ofDays(day));
        TierStanding once = policy.onRefund(standing, measure, at).standing();
        TierChange twice = policy.onRefund(once, measure, at);
        assertEquals(once, twice.standing(), "the same refund re-evaluated again");
        assertEquals(TierChange.Kind.UNCHANGED, twice.what());
        TierStanding reviewed = policy.review(once, measure, at).standing();
        assertEquals(reviewed, policy.review(reviewed, measure, at).standing(), "a review run twice at one instant");
    }

    @Provide
    Arbitrary<RefundTierRule> rules() {
        return Arbitraries.oneOf(Arbitraries.just(RefundTierRule.keepUntilReview()),
                Arbitraries.just(RefundTierRule.downgradeAtOnce()),
                Arbitraries.longs().between(1, 120).map(d -> RefundTierRule.graceThenDowngrade(Duration.ofDays(d))));
    }

    @Provide
    Arbitrary<TierStanding> standings() {
        Arbitrary<Integer> level = Arbitraries.integers().between(0, 3);
        Arbitrary<Long> reviewDay = Arbitraries.longs().between(0, 800);
        Arbitrary<Optional<Long>> graceDay = Arbitraries.longs().between(0, 800).optional();
        return Combinators.combine(level, reviewDay, graceDay).as((l, r, g) -> new TierStanding(l,
                T0.plus(Duration.ofDays(r)), g.map(d -> T0.plus(Duration.ofDays(d)))));
    }
}
