package dev.mercato.core.review;

import java.util.Optional;

/**
 * Where the review service looks orders up: the host's order store, or the facade's orders.
 * Thread-safe.
 */
@FunctionalInterface
public interface CompletedOrders {

    /**
     * Finds an order.
     *
     * @param orderId the order
     * @return the order, or empty when unknown
     */
    Optional<CompletedOrder> find(String orderId);
}
