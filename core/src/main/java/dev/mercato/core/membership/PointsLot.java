package dev.mercato.core.membership;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Comparator;

/**
 * Points earned together, expiring together. Spending draws from the lot that expires first.
 * Immutable and thread-safe.
 *
 * @param lotId the lot's id within its account, not blank
 * @param remaining points not yet spent, expired or clawed back, positive
 * @param earnedAt when the points were earned
 * @param expiresAt when what remains expires, after {@code earnedAt}
 */
public record PointsLot(String lotId, long remaining, Instant earnedAt, Instant expiresAt) {

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
    }
}
