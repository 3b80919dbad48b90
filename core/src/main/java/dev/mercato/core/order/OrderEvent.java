package dev.mercato.core.order;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import javax.money.MonetaryAmount;

/**
 * Something that happened to an order, published after the commit that made it so. Every event
 * names the order, its buyer and its seller, so listeners need no lookup.
 */
public sealed interface OrderEvent extends DomainEvent {
    /**
     * The order.
     *
     * @return the order id
     */
    OrderId orderId();

    /**
     * The event for a state an order just entered.
     *
     * @param order the new state
     * @param at when
     * @return the event
     */
    static OrderEvent entered(Order order, Instant at) {
        InvalidInputException.requireNonNull(order, "order");
        return new StateChanged(order.id(), order.facts().buyerId(), order.facts().sellerId(), order.stateName(),
                order.facts().snapshot().payable(), at);
    }

    /**
     * An order entered a new state: placed ({@code AwaitingPayment}), paid, stock allocated,
     * shipped, delivered, completed, cancelled, closed, refunded before shipment.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param state the name of the state entered, e.g. {@code "Paid"}
     * @param payable the order's payable
     * @param occurredAt when
     */
    record StateChanged(OrderId orderId, String buyerId, String sellerId, String state, MonetaryAmount payable,
            Instant occurredAt) implements OrderEvent {}

    /**
     * A parcel left.
     *
     * @param orderId the order
     * @param shipment the parcel
     * @param occurredAt when
     */
    record ShipmentSent(OrderId orderId, Shipment shipment, Instant occurredAt) implements OrderEvent {}

    /**
     * An after-sale case changed state (requested, approved, rejected, goods returned, exchanged,
     * refunded).
     *
     * @param orderId the order
     * @param caseId the case
     * @param state the case state entered, e.g. {@code "Approved"}
     * @param occurredAt when
     */
    record AfterSaleChanged(OrderId orderId, String caseId, String state, Instant occurredAt) implements OrderEvent {}

    /**
     * Money is owed back to the buyer; the payment side (escrow, provider) acts on this.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param refund the refund, per line
     * @param occurredAt when
     */
    record RefundDue(OrderId orderId, String buyerId, String sellerId, Refund refund, Instant occurredAt)
            implements OrderEvent {}
}
