package dev.mercato.core.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.escrow.MovableClock;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewRatingExamples {
    static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");
    static final Actor BUYER = new Actor.Buyer("b-1");

    final MovableClock clock = new MovableClock(T0);
    final Map<String, CompletedOrder> orders = new HashMap<>();
    final List<String> rewarded = new ArrayList<>();
    /** Window 90 days, last 30 days weigh 2, demoted below 4.0 from 2 reviews. */
    final RatingPolicy policy = new RatingPolicy(Duration.ofDays(90), Duration.ofDays(30), 2, new BigDecimal("4.0"), 2);
    final ReviewService reviews = ReviewService.create(InMemoryStorage.create(), clock,
            new ReviewSettings(Duration.ofDays(15), Duration.ofDays(30), policy), id -> Optional.ofNullable(orders.get(id)),
            (buyer, reviewId) -> rewarded.add(buyer + ":" + reviewId));

    String completedOrder(String buyer, int lines) {
        String id = "o-" + (orders.size() + 1);
        Set<Integer> numbers = new java.util.HashSet<>();
        for (int i = 1; i <= lines; i++) {
            numbers.add(i);
        }
        orders.put(id, new CompletedOrder(id, buyer, "s-1", Optional.of(clock.instant()), numbers));
        return id;
    }

    ReviewRefusal refusal(ReviewOutcome outcome) {
        return assertInstanceOf(ReviewOutcome.Refused.class, outcome).reason();
    }

    @Test
    void aBuyerReviewsEachLineOfACompletedOrderOnce() {
        String order = completedOrder("b-1", 2);

        assertInstanceOf(ReviewOutcome.Accepted.class, reviews.submit(BUYER, order, 1, 5, "great"));
        assertInstanceOf(ReviewOutcome.Accepted.class, reviews.submit(BUYER, order, 2, 4, ""));

        assertEquals(ReviewRefusal.ALREADY_REVIEWED, refusal(reviews.submit(BUYER, order, 1, 1, "again")));
        assertEquals(ReviewRefusal.UNKNOWN_LINE, refusal(reviews.submit(BUYER, order, 3, 5, "")));
        assertEquals(2, reviews.reviewsOf("s-1").size());
    }

    @Test
    void aReviewOfSomeoneElsesOrderIsRefusedAndChangesNothing() {
        String order = completedOrder("b-1", 1);

        assertEquals(ReviewRefusal.NOT_YOUR_ORDER, refusal(reviews.submit(new Actor.Buyer("b-2"), order, 1, 1, "bad")));
        assertEquals(ReviewRefusal.NOT_YOUR_ORDER, refusal(reviews.submit(new Actor.Seller("s-1"), order, 1, 5, "")));
        assertTrue(reviews.reviewsOf("s-1").isEmpty());
        assertTrue(rewarded.isEmpty());
        assertThrows(InvalidInputException.class, () -> reviews.submit(BUYER, "no-such-order", 1, 5, ""));
        assertThrows(InvalidInputException.class, () -> reviews.submit(BUYER, order, 1, 6, ""));
    }

    @Test
    void anOrderNotYetCompletedCannotBeReviewed() {
        orders.put("o-open", new CompletedOrder("o-open", "b-1", "s-1", Optional.empty(), Set.of(1)));

        assertEquals(ReviewRefusal.ORDER_NOT_COMPLETED, refusal(reviews.submit(BUYER, "o-open", 1, 5, "")));
    }

    @Test
    void theReviewWindowClosesFifteenDaysAfterCompletionToTheMillisecond() {
        String order = completedOrder("b-1", 2);

        clock.advance(Duration.ofDays(15));
        assertInstanceOf(ReviewOutcome.Accepted.class, reviews.submit(BUYER, order, 1, 5, ""));
        clock.advance(Duration.ofMillis(1));
        assertEquals(ReviewRefusal.WINDOW_CLOSED, refusal(reviews.submit(BUYER, order, 2, 5, "")));
    }

    @Test
    void aReviewIsEditableOnceWithinItsEditWindow() {
        String order = completedOrder("b-1", 2);
        reviews.submit(BUYER, order, 1, 2, "late");
        reviews.submit(BUYER, order, 2, 2, "late");

        assertEquals(ReviewRefusal.NOT_YOUR_ORDER, refusal(reviews.edit(new Actor.Buyer("b-2"), order, 1, 5, "")));
        Review.Edited edited = assertInstanceOf(Review.Edited.class,
                assertInstanceOf(ReviewOutcome.Accepted.class, reviews.edit(BUYER, order, 1, 4, "arrived after all")).review());
        assertEquals(2, edited.originalStars());
        assertEquals(ReviewRefusal.ALREADY_EDITED, refusal(reviews.edit(BUYER, order, 1, 5, "")));

        clock.advance(Duration.ofDays(30).plusMillis(1));
        assertEquals(ReviewRefusal.EDIT_WINDOW_CLOSED, refusal(reviews.edit(BUYER, order, 2, 5, "")));
    }

    @Test
    void theRatingWeighsRecentReviewsDoubleAndForgetsReviewsOlderThanTheWindow() {
        String old = completedOrder("b-1", 1);
        reviews.submit(BUYER, old, 1, 2, "");             // day 0
        clock.advance(Duration.ofDays(20));
        String recent = completedOrder("b-1", 1);
        reviews.submit(BUYER, recent, 1, 5, "");          // day 20

        // Day 20: both recent: (2*2 + 2*5) / 4 = 3.50.
        assertEquals(new BigDecimal("3.50"), reviews.rating("s-1").average().orElseThrow());
        // Day 30 exactly: the first is 30 days old, no longer recent, weight 1: (2 + 2*5) / 3 = 4.00.
        clock.advance(Duration.ofDays(10));
        assertEquals(new BigDecimal("4.00"), reviews.rating("s-1").average().orElseThrow());
        // Day 90 exactly: the first is out of the window: 5.00 from one review.
        clock.set(T0.plus(Duration.ofDays(90)));
        Rating rating = reviews.rating("s-1");
        assertEquals(1, rating.reviews());
        assertEquals(new BigDecimal("5.00"), rating.average().orElseThrow());
    }

    @Test
    void aSellerIsDemotedBelowFourAndReinstatedAtFour() {
        String first = completedOrder("b-1", 1);
        reviews.submit(BUYER, first, 1, 2, "");                 // day 0
        clock.advance(Duration.ofDays(20));
        String second = completedOrder("b-1", 1);
        reviews.submit(BUYER, second, 1, 5, "");                // day 20: (4 + 10) / 4 = 3.5

        SellerStanding demoted = reviews.standing("s-1");
        assertTrue(demoted.demoted());
        assertTrue(reviews.isDemoted("s-1"));
        assertEquals(T0.plus(Duration.ofDays(20)), demoted.since());

        clock.advance(Duration.ofDays(10).minusMillis(1));         // first still recent: 3.5
        assertTrue(reviews.isDemoted("s-1"));
        clock.advance(Duration.ofMillis(1));                       // day 30: (2 + 10) / 3 = exactly 4.0
        SellerStanding reinstated = reviews.standing("s-1");
        assertFalse(reinstated.demoted());
        assertEquals(T0.plus(Duration.ofDays(30)), reinstated.since());
        // A third, low review brings it back below: (2 + 2*5 + 2*3) / 5 = 3.6.
        reviews.submit(BUYER, completedOrder("b-1", 1), 1, 3, "");
        assertTrue(reviews.isDemoted("s-1"));
    }

    @Test
    void oneLowReviewDoesNotDemoteBeforeTheMinimumCount() {
        reviews.submit(BUYER, completedOrder("b-1", 1), 1, 1, "");

        assertFalse(reviews.isDemoted("s-1"));
        assertTrue(reviews.rating("s-1").isBelow(new BigDecimal("4.0")));
    }

    @Test
    void aReviewEarnsTheSameRewardWhateverItsStarsAndAnEditEarnsNothing() {
        String order = completedOrder("b-1", 2);

        reviews.submit(BUYER, order, 1, 1, "broken");
        reviews.submit(BUYER, order, 2, 5, "fine");
        reviews.edit(BUYER, order, 1, 3, "replaced");
        reviews.submit(new Actor.Buyer("b-2"), order, 1, 5, "not mine");

        assertEquals(List.of("b-1:" + order + "#1", "b-1:" + order + "#2"), rewarded);
    }
}
