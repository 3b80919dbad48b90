package dev.mercato.core.review;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What the review service needs to know of an order. Immutable.
 *
 * @param orderId the order
 * @param buyerId who bought it
 * @param sellerId who sold it
 * @param completedAt when it completed (receipt confirmed); empty while it is not complete
 * @param lines the order's line numbers
 */
public record CompletedOrder(String orderId, String buyerId, String sellerId, Optional<Instant> completedAt,
        Set<Integer> lines) {
    /** Validates and copies the fields. */
    public CompletedOrder {
        InvalidInputException.requireNonNull(orderId, "orderId");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(completedAt, "completedAt");
        lines = Set.copyOf(InvalidInputException.requireNonNull(lines, "lines"));
    }
}
