package dev.mercato.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * A seller's rating and demotion flag against a hand computation over random reviews at random
 * times, read at a random later time: the rating is the weighted sum over the window, and the
 * seller is demoted exactly when it has the minimum count and its exact average is below 4.
 */
class RatingProperties {

    @Property(tries = 100)
    void theRatingAndTheFlagFollowTheDocumentedWeightedAverage(
            @ForAll @Size(max = 15) List<@IntRange(min = 1, max = 5) Integer> stars,
            @ForAll @Size(max = 15) List<@LongRange(min = 0, max = 40) Long> gapDays,
            @ForAll @LongRange(min = 0, max = 200) long readAfterDays) {
        MovableClock clock = new MovableClock(Instant.parse("2026-06-01T00:00:00Z"));
        Map<String, CompletedOrder> orders = new HashMap<>();
        RatingPolicy policy = new RatingPolicy(Duration.ofDays(90), Duration.ofDays(30), 3, new BigDecimal("4.0"), 3);
        ReviewService reviews = ReviewService.create(InMemoryStorage.create(), clock,
                new ReviewSettings(Duration.ofDays(15), Duration.ofDays(30), policy), id -> Optional.ofNullable(orders.get(id)),
                ReviewPoints.none());
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < stars.size(); i++) {
            clock.advance(Duration.ofDays(i < gapDays.size() ? gapDays.get(i) : 1));
            String id = "o-" + i;
            orders.put(id, new CompletedOrder(id, "b-1", "s-1", Optional.of(clock.instant()), Set.of(1)));
            reviews.submit(new Actor.Buyer("b-1"), id, 1, stars.get(i), "");
            times.add(clock.instant());
        }
        clock.advance(Duration.ofDays(readAfterDays));
        Instant now = clock.instant();
        long count = 0;
        long weighted = 0;
        long weights = 0;
        for (int i = 0; i < stars.size(); i++) {
            if (times.get(i).isAfter(now.minus(Duration.ofDays(90)))) {
                long w = times.get(i).isAfter(now.minus(Duration.ofDays(30))) ? 3 : 1;
                count++;
                weighted += w * stars.get(i);
                weights += w;
            }
        }
        assertEquals(new Rating("s-1", count, weighted, weights), reviews.rating("s-1"));
        assertEquals(count >= 3 && weighted < 4 * weights, reviews.isDemoted("s-1"));
    }
}
