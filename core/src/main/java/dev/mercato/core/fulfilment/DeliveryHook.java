package dev.mercato.core.fulfilment;

import dev.mercato.core.order.Order;

/**
 * Told when an order is delivered, after the commit that made it so: by carrier tracking (all
 * parcels delivered) or by a confirmed delivery. The escrow's confirmation clock is connected this
 * way ({@code EscrowService.deliveryHook}); a host may add its own (notify the buyer, open a
 * review window).
 *
 * <p>A hook must be idempotent (an order may be reported again after a retry) and thread-safe.
 * An exception it throws is logged and changes nothing already committed.
 */
@FunctionalInterface
public interface DeliveryHook {

    /**
     * An order was delivered.
     *
     * @param order the order, as delivered; {@link Order.Delivered#deliveredAt()} is the carrier's
     *     delivery instant (the last parcel's) or the confirmation's
     */
    void delivered(Order.Delivered order);
}
