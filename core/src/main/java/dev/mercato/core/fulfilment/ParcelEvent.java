package dev.mercato.core.fulfilment;

import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import java.time.Instant;

/**
 * Something that happened to a carrier parcel, published after the commit that recorded it.
 * {@link Trouble} is the one a host acts on: Mercato records a lost, damaged or undeliverable
 * parcel but decides nothing about it (no refund, no reshipment, no escrow change; the escrow
 * keeps holding the money because delivery never started its confirmation clock).
 */
public sealed interface ParcelEvent extends DomainEvent {

    /**
     * The order.
     *
     * @return the order id
     */
    OrderId orderId();

    /**
     * The carrier booked a parcel for the order.
     *
     * @param orderId the order
     * @param parcel the parcel as booked
     * @param occurredAt when
     */
    record Booked(OrderId orderId, TrackedParcel parcel, Instant occurredAt) implements ParcelEvent {}

    /**
     * A parcel entered a new tracking phase.
     *
     * @param orderId the order
     * @param trackingNumber the parcel
     * @param returnParcel whether it is a return shipment
     * @param phase the phase entered
     * @param occurredAt when the deciding event happened, by the carrier's clock
     */
    record Moved(OrderId orderId, TrackingNumber trackingNumber, boolean returnParcel, TrackingPhase phase,
            Instant occurredAt) implements ParcelEvent {}

    /**
     * A parcel reported an exception (delivery attempt failed, damage, loss, customs hold) or went
     * back to its sender. The host decides: contact the buyer, reship, refund, claim from the carrier.
     *
     * @param orderId the order
     * @param trackingNumber the parcel
     * @param phase {@link TrackingPhase#EXCEPTION} or {@link TrackingPhase#RETURNED}
     * @param detail the carrier's words, or the phase when it gives none
     * @param occurredAt when, by the carrier's clock
     */
    record Trouble(OrderId orderId, TrackingNumber trackingNumber, TrackingPhase phase, String detail,
            Instant occurredAt) implements ParcelEvent {}
}
