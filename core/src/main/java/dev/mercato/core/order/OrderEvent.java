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
     * The event for a state an order just entered: one type per state, so listeners match types
     * ({@code event instanceof OrderEvent.Paid}), never state names.
     *
     * @param order the new state
     * @param at when
     * @return the event
     */
    static StateChanged entered(Order order, Instant at) {
        InvalidInputException.requireNonNull(order, "order");
        OrderId id = order.id();
        String buyer = order.facts().buyerId();
        String seller = order.facts().sellerId();
        MonetaryAmount payable = order.facts().snapshot().payable();
        if (order instanceof Order.AwaitingPayment) {
            return new Placed(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Paid) {
            return new Paid(id, buyer, seller, payable, at);
        } else if (order instanceof Order.StockAllocated) {
            return new StockAllocated(id, buyer, seller, payable, at);
        } else if (order instanceof Order.PartiallyShipped) {
            return new PartiallyShipped(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Shipped) {
            return new Shipped(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Delivered) {
            return new Delivered(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Completed) {
            return new Completed(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Cancelled) {
            return new Cancelled(id, buyer, seller, payable, at);
        } else if (order instanceof Order.Closed) {
            return new Closed(id, buyer, seller, payable, at);
        } else if (order instanceof Order.RefundedBeforeShipment) {
            return new RefundedBeforeShipment(id, buyer, seller, payable, at);
        }
        throw new IllegalStateException("no event for order state " + order.stateName());
    }

    /**
     * An order entered a new state; each state has its own record below.
     */
    sealed interface StateChanged extends OrderEvent permits Placed, Paid, StockAllocated, PartiallyShipped, Shipped,
            Delivered, Completed, Cancelled, Closed, RefundedBeforeShipment {
        /**
         * The buyer.
         *
         * @return the buyer id
         */
        String buyerId();

        /**
         * The seller.
         *
         * @return the seller id
         */
        String sellerId();

        /**
         * The order's payable.
         *
         * @return the payable
         */
        MonetaryAmount payable();

        /**
         * The name of the state entered, for logs and display (match the record type in code).
         *
         * @return e.g. {@code "Paid"}
         */
        default String state() {
            return this instanceof Placed ? "AwaitingPayment" : getClass().getSimpleName();
        }
    }

    /**
     * The order was placed, awaiting payment.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Placed(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was paid.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Paid(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was its stock allocated.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record StockAllocated(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was partly shipped.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record PartiallyShipped(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was shipped in full.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Shipped(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was delivered (or receipt confirmed).
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Delivered(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was completed.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Completed(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was cancelled by the buyer.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Cancelled(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was closed unpaid.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record Closed(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

    /**
     * The order was refunded before shipment.
     *
     * @param orderId the order
     * @param buyerId the buyer
     * @param sellerId the seller
     * @param payable the order's payable
     * @param occurredAt when
     */
    record RefundedBeforeShipment(OrderId orderId, String buyerId, String sellerId, MonetaryAmount payable, Instant occurredAt)
            implements StateChanged {}

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
