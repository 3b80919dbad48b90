package dev.mercato.core.review;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.core.storage.Repository;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Exact;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The review service over {@link Storage}: see {@link ReviewService}. */
final class DefaultReviewService implements ReviewService {
    private static final int ATTEMPTS = 20;

    static final AggregateType<String, Review> REVIEWS = AggregateType
            .of("review", String.class, Review.class, Function.identity())
            .withIndex("seller", r -> r.facts().sellerId());

    static final AggregateType<String, SellerStanding> STANDINGS = AggregateType
            .of("seller-standing", String.class, SellerStanding.class, Function.identity());

    private final Storage storage;
    private final Clock clock;
    private final ReviewSettings settings;
    private final CompletedOrders orders;
    private final ReviewPoints points;

    DefaultReviewService(Storage storage, Clock clock, ReviewSettings settings, CompletedOrders orders, ReviewPoints points) {
        this.storage = InvalidInputException.requireNonNull(storage, "storage");
        this.clock = InvalidInputException.requireNonNull(clock, "clock");
        this.settings = InvalidInputException.requireNonNull(settings, "settings");
        this.orders = InvalidInputException.requireNonNull(orders, "orders");
        this.points = InvalidInputException.requireNonNull(points, "points");
    }

    @Override
    public ReviewOutcome submit(Actor actor, String orderId, int line, int stars, String text) {
        InvalidInputException.requireNonNull(actor, "actor");
        InvalidInputException.requireNonNull(text, "text");
        Instant now = clock.instant();
        CompletedOrder order = orders.find(InvalidInputException.requireNonNull(orderId, "orderId"))
                .orElseThrow(() -> new InvalidInputException("orderId", orderId, "is not a known order"));
        Review.Submitted candidate = new Review.Submitted(new Review.ReviewFacts(orderId, line, order.buyerId(),
                order.sellerId(), now), stars, text);
        if (!(actor instanceof Actor.Buyer buyer) || !buyer.buyerId().equals(order.buyerId())) {
            return refused(ReviewRefusal.NOT_YOUR_ORDER, actor + " did not buy order " + orderId);
        }
        if (order.completedAt().isEmpty()) {
            return refused(ReviewRefusal.ORDER_NOT_COMPLETED, "order " + orderId + " has not completed");
        }
        if (!order.lines().contains(line)) {
            return refused(ReviewRefusal.UNKNOWN_LINE, "order " + orderId + " has no line " + line);
        }
        Instant closes = order.completedAt().get().plus(settings.reviewWithin());
        if (now.isAfter(closes)) {
            return refused(ReviewRefusal.WINDOW_CLOSED, "reviews of order " + orderId + " closed at " + closes);
        }
        ReviewOutcome outcome = storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, Review> repo = uow.repository(REVIEWS);
            String id = candidate.facts().reviewId();
            if (repo.find(id).isPresent()) {
                return refused(ReviewRefusal.ALREADY_REVIEWED, "line " + id + " was already reviewed");
            }
            repo.insert(id, candidate);
            refresh(uow, order.sellerId(), now);
            return new ReviewOutcome.Accepted(candidate);
        }, dev.mercato.core.event.EventPublisher.none());
        if (outcome instanceof ReviewOutcome.Accepted) {
            points.reward(order.buyerId(), candidate.facts().reviewId());
        }
        return outcome;
    }

    @Override
    public ReviewOutcome edit(Actor actor, String orderId, int line, int stars, String text) {
        InvalidInputException.requireNonNull(actor, "actor");
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(text, "text");
        Instant now = clock.instant();
        String id = Review.idOf(orderId, line);
        return storage.inTransaction(ATTEMPTS, uow -> {
            Repository<String, Review> repo = uow.repository(REVIEWS);
            Optional<Versioned<Review>> found = repo.find(id);
            if (found.isEmpty()) {
                return refused(ReviewRefusal.NOT_REVIEWED, "line " + id + " has no review");
            }
            Review review = found.get().value();
            if (!(actor instanceof Actor.Buyer buyer) || !buyer.buyerId().equals(review.facts().buyerId())) {
                return refused(ReviewRefusal.NOT_YOUR_ORDER, actor + " did not write review " + id);
            }
            if (!(review instanceof Review.Submitted submitted)) {
                return refused(ReviewRefusal.ALREADY_EDITED, "review " + id + " was already edited");
            }
            Instant closes = review.facts().submittedAt().plus(settings.editWithin());
            if (now.isAfter(closes)) {
                return refused(ReviewRefusal.EDIT_WINDOW_CLOSED, "review " + id + " could be edited until " + closes);
            }
            Review.Edited edited = submitted.edit(stars, text, now);
            repo.update(id, edited, found.get().version());
            refresh(uow, review.facts().sellerId(), now);
            return new ReviewOutcome.Accepted(edited);
        }, dev.mercato.core.event.EventPublisher.none());
    }

    private static ReviewOutcome refused(ReviewRefusal reason, String detail) {
        return new ReviewOutcome.Refused(reason, detail);
    }

    @Override
    public List<Review> reviewsOf(String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        return storage.inTransaction(uow -> reviews(uow, sellerId));
    }

    private static List<Review> reviews(UnitOfWork uow, String sellerId) {
        return uow.repository(REVIEWS).findBy("seller", sellerId).stream().map(Versioned::value).toList();
    }

    @Override
    public Rating rating(String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        Instant now = clock.instant();
        return storage.inTransaction(uow -> rate(sellerId, reviews(uow, sellerId), now));
    }

    private Rating rate(String sellerId, List<Review> reviews, Instant now) {
        RatingPolicy policy = settings.rating();
        Instant windowStart = now.minus(policy.window());
        Instant recentStart = now.minus(policy.recentWithin());
        long count = 0;
        long weighted = 0;
        long weights = 0;
        for (Review review : reviews) {
            Instant at = review.facts().submittedAt();
            if (!at.isAfter(windowStart)) {
                continue;
            }
            long weight = at.isAfter(recentStart) ? policy.recentWeight() : 1;
            count++;
            weighted = Exact.add(weighted, Exact.multiply(weight, review.stars()));
            weights = Exact.add(weights, weight);
        }
        return new Rating(sellerId, count, weighted, weights);
    }

    @Override
    public SellerStanding standing(String sellerId) {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        Instant now = clock.instant();
        return storage.inTransaction(ATTEMPTS, uow -> refresh(uow, sellerId, now),
                dev.mercato.core.event.EventPublisher.none());
    }

    private SellerStanding refresh(UnitOfWork uow, String sellerId, Instant now) {
        Rating rating = rate(sellerId, reviews(uow, sellerId), now);
        RatingPolicy policy = settings.rating();
        boolean demoted = rating.reviews() >= policy.minimumReviews() && rating.isBelow(policy.demoteBelow());
        Repository<String, SellerStanding> repo = uow.repository(STANDINGS);
        Optional<Versioned<SellerStanding>> stored = repo.find(sellerId);
        Instant since = stored.filter(s -> s.value().demoted() == demoted).map(s -> s.value().since()).orElse(now);
        SellerStanding standing = new SellerStanding(rating, demoted, since, now);
        if (stored.isEmpty() || stored.get().value().demoted() != demoted || !stored.get().value().rating().equals(rating)) {
            repo.save(sellerId, standing, stored);
        }
        return standing;
    }
}
