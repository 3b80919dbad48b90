package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Points earned together, expiring together. Spending draws from the lot that expires first; a
 * refund's clawback draws from the lots its order earned first ({@link MemberAccount#clawBack}).
 * Immutable and thread-safe.
 *
 * @param lotId the lot's id within its account, not blank
 * @param remaining points not yet spent, expired or clawed back, positive
 * @param earnedAt when the points were earned
 * @param expiresAt when what remains expires, after {@code earnedAt}
 * @param orderId the paid order whose points these are; empty for bonuses, returned redemptions
 *     and lots stored before lots named their order
 */
public record PointsLot(String lotId, long remaining, Instant earnedAt, Instant expiresAt, Optional<String> orderId) {

    /**
     * A lot no order earned (a bonus, returned redeemed points).
     *
     * @param lotId the lot's id
     * @param remaining the points
     * @param earnedAt when earned
     * @param expiresAt when they expire
     */
    public PointsLot(String lotId, long remaining, Instant earnedAt, Instant expiresAt) {
        this(lotId, remaining, earnedAt, expiresAt, Optional.empty());
    }

    /** Spending order: earliest expiry first, then earliest earned, then lot id. */
    public static final Comparator<PointsLot> SPENDING_ORDER = Comparator.comparing(PointsLot::expiresAt)
            .thenComparing(PointsLot::earnedAt).thenComparing(PointsLot::lotId);

    /**
     * Validates the lot.
     *
     * @throws InvalidInputException if a value is missing, the points not positive or expiry not after earning
     */
    public PointsLot {
        InvalidInputException.requireNonNull(lotId, "lotId");
        if (remaining <= 0) {
            throw new InvalidInputException("remaining", remaining, "must be positive");
        }
        InvalidInputException.requireNonNull(earnedAt, "earnedAt");
        InvalidInputException.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(earnedAt)) {
            throw new InvalidInputException("expiresAt", expiresAt, "must be after earnedAt " + earnedAt);
        }
        InvalidInputException.requireNonNull(orderId, "orderId");
    }

    /**
     * This lot with fewer points left.
     *
     * @param points what remains, positive
     * @return a new lot, same id, dates and order
     */
    public PointsLot withRemaining(long points) {
        return new PointsLot(lotId, points, earnedAt, expiresAt, orderId);
    }

    /**
     * Whether the order earned this lot.
     *
     * @param order the order id
     * @return {@code true} if this lot names that order
     */
    public boolean earnedBy(String order) {
        return orderId.filter(order::equals).isPresent();
    }
}
