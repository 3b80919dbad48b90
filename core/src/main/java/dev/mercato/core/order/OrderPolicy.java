package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Duration;

/**
 * The timings of the order lifecycle.
 *
 * @param payWithin how long a regular order may stay unpaid before it closes (days are common)
 * @param flashSalePayWithin how long an order with flash-sale lines may stay unpaid (minutes)
 * @param returnWindow how long after delivery the buyer may open an after-sale case
 */
public record OrderPolicy(Duration payWithin, Duration flashSalePayWithin, Duration returnWindow) {
    /** One day to pay, 15 minutes for flash sales, 7-day no-reason returns. */
    public static final OrderPolicy DEFAULT = new OrderPolicy(Duration.ofDays(1), Duration.ofMinutes(15), Duration.ofDays(7));

    /** Validates the durations. */
    public OrderPolicy {
        requirePositive(payWithin, "payWithin");
        requirePositive(flashSalePayWithin, "flashSalePayWithin");
        InvalidInputException.requireNonNull(returnWindow, "returnWindow");
        if (returnWindow.isNegative()) {
            throw new InvalidInputException("returnWindow", returnWindow, "must not be negative");
        }
    }

    private static void requirePositive(Duration d, String field) {
        InvalidInputException.requireNonNull(d, field);
        if (d.isZero() || d.isNegative()) {
            throw new InvalidInputException(field, d, "must be positive");
        }
    }
}
