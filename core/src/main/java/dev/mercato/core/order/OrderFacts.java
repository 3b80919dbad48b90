package dev.mercato.core.order;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * What never changes about an order once placed: who buys from whom, under which buyer payment,
 * the priced snapshot, and where and by when it is to be delivered.
 *
 * @param id the order id
 * @param buyerId the buyer
 * @param sellerId the seller; all lines are this seller's
 * @param paymentId the buyer payment that pays this order (one payment may pay several orders)
 * @param placedAt when checkout created it
 * @param snapshot the frozen prices
 * @param destinationRegion where it ships, if known
 * @param flashSale whether it contains flash-sale lines (it then closes unpaid within minutes)
 * @param destination the delivery address the shipping was quoted to, if one was given
 * @param deliveryPromise the carrier's promise for this order's parcels (the slowest parcel), when
 *     its shipping was quoted by a carrier
 */
public record OrderFacts(OrderId id, String buyerId, String sellerId, String paymentId, Instant placedAt,
        PricedSnapshot snapshot, Optional<String> destinationRegion, boolean flashSale, Optional<Address> destination,
        Optional<DeliveryPromise> deliveryPromise) {
    /** Validates the fields. */
    public OrderFacts {
        InvalidInputException.requireNonNull(id, "id");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        InvalidInputException.requireNonNull(placedAt, "placedAt");
        InvalidInputException.requireNonNull(snapshot, "snapshot");
        InvalidInputException.requireNonNull(destinationRegion, "destinationRegion");
        InvalidInputException.requireNonNull(destination, "destination");
        InvalidInputException.requireNonNull(deliveryPromise, "deliveryPromise");
    }

    /**
     * Facts without a delivery address or promise.
     *
     * @param id the order id
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param paymentId the buyer payment
     * @param placedAt when checkout created it
     * @param snapshot the frozen prices
     * @param destinationRegion where it ships, if known
     * @param flashSale whether it contains flash-sale lines
     */
    public OrderFacts(OrderId id, String buyerId, String sellerId, String paymentId, Instant placedAt,
            PricedSnapshot snapshot, Optional<String> destinationRegion, boolean flashSale) {
        this(id, buyerId, sellerId, paymentId, placedAt, snapshot, destinationRegion, flashSale, Optional.empty(),
                Optional.empty());
    }
}
