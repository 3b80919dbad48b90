package dev.mercato.core.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * The uses one buyer has booked per limited promotion. Stored per buyer with an optimistic
 * version. Immutable and thread-safe.
 *
 * @param buyerId the buyer
 * @param uses uses per promotion id; a promotion absent has none
 */
public record BuyerUsage(String buyerId, Map<String, Long> uses) {
    /** Validates and copies the fields. */
    public BuyerUsage {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        uses = Map.copyOf(InvalidInputException.requireNonNull(uses, "uses"));
    }

    /**
     * The uses of a promotion.
     *
     * @param promotionId the promotion
     * @return the uses, 0 when none
     */
    public long usesOf(String promotionId) {
        return uses.getOrDefault(promotionId, 0L);
    }

    BuyerUsage plus(String promotionId, long more) {
        Map<String, Long> next = new HashMap<>(uses);
        long n = Math.addExact(usesOf(promotionId), more);
        if (n == 0) {
            next.remove(promotionId);
        } else {
            next.put(promotionId, n);
        }
        return new BuyerUsage(buyerId, next);
    }
}
