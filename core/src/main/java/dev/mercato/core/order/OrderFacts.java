package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * What never changes about an order once placed: who buys from whom, under which buyer payment,
 * and the priced snapshot.
 *
 * @param id the order id
 * @param buyerId the buyer
 * @param sellerId the seller; all lines are this seller's
 * @param paymentId the buyer payment that pays this order (one payment may pay several orders)
 * @param placedAt when checkout created it
 * @param snapshot the frozen prices
 * @param destinationRegion where it ships, if known
 * @param flashSale whether it contains flash-sale lines (it then closes unpaid within minutes)
 */
public record OrderFacts(OrderId id, String buyerId, String sellerId, String paymentId, Instant placedAt,
        PricedSnapshot snapshot, Optional<String> destinationRegion, boolean flashSale) {
    /** Validates the fields. */
    public OrderFacts {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        InvalidInputException.requireNonNull(placedAt, "placedAt");
        InvalidInputException.requireNonNull(snapshot, "snapshot");
        InvalidInputException.requireNonNull(destinationRegion, "destinationRegion");
    }
}
