package dev.mercato.core.review;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.storage.Storage;
import java.time.Clock;
import java.util.List;

/**
 * Takes buyers' reviews and keeps sellers' ratings and demotion flags, over {@link Storage}.
 * Reviews are stored under {@code <order>#<line>}, so a line is reviewed once even by racing
 * commands. After each accepted review the seller's standing is recomputed; {@link #standing}
 * recomputes it with the clock, so a rating moves as reviews leave the window without new ones.
 * Thread-safe.
 */
public interface ReviewService extends DemotionFlags {

    /**
     * Creates the service.
     *
     * @param storage where reviews and standings are kept
     * @param clock the only source of time
     * @param settings windows and rating policy
     * @param orders where orders are looked up
     * @param points the reward for a review (never depending on its stars)
     * @return the service
     */
    static ReviewService create(Storage storage, Clock clock, ReviewSettings settings, CompletedOrders orders,
            ReviewPoints points) {
        return new DefaultReviewService(storage, clock, settings, orders, points);
    }

    /**
     * The buyer reviews one line of its completed order.
     *
     * @param actor the order's buyer
     * @param orderId the order
     * @param line the line number
     * @param stars 1 to 5
     * @param text the buyer's words, may be empty
     * @return the review, or a refusal ({@code NOT_YOUR_ORDER}, {@code ORDER_NOT_COMPLETED},
     *     {@code UNKNOWN_LINE}, {@code WINDOW_CLOSED}, {@code ALREADY_REVIEWED})
     * @throws dev.mercato.pricing.error.InvalidInputException if the stars are not 1 to 5 or the
     *     order is unknown
     */
    ReviewOutcome submit(Actor actor, String orderId, int line, int stars, String text);

    /**
     * The buyer edits its review once.
     *
     * @param actor the review's buyer
     * @param orderId the order
     * @param line the line number
     * @param stars 1 to 5
     * @param text the new words
     * @return the edited review, or a refusal ({@code NOT_YOUR_ORDER}, {@code NOT_REVIEWED},
     *     {@code ALREADY_EDITED}, {@code EDIT_WINDOW_CLOSED})
     */
    ReviewOutcome edit(Actor actor, String orderId, int line, int stars, String text);

    /**
     * A seller's reviews, in review-id order.
     *
     * @param sellerId the seller
     * @return the reviews
     */
    List<Review> reviewsOf(String sellerId);

    /**
     * A seller's rating now, over the window.
     *
     * @param sellerId the seller
     * @return the rating
     */
    Rating rating(String sellerId);

    /**
     * A seller's standing now: recomputed with the clock and stored, so the flag's {@code since}
     * records when it last changed.
     *
     * @param sellerId the seller
     * @return the standing
     */
    SellerStanding standing(String sellerId);

    /**
     * Whether the seller is demoted now: {@code standing(sellerId).demoted()}.
     *
     * @param sellerId the seller
     * @return the flag
     */
    @Override
    default boolean isDemoted(String sellerId) {
        return standing(sellerId).demoted();
    }
}
