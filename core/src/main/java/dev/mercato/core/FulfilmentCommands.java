package dev.mercato.core;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.fulfilment.TrackedParcel;
import dev.mercato.core.fulfilment.TrackingResult;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.DueTimer;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.TrackingNotification;
import java.util.List;
import java.util.Optional;

/**
 * Shipping through the carrier, as the facade calls it: wires the four parts and hands each
 * command to the one responsible. {@link DispatchPlanning} decides which units ship from where in
 * which parcels, {@link ParcelBooking} books and records them, {@link ParcelTracking} applies the
 * carrier's tracking to parcels, orders and the escrow's clock, and {@link ReturnShipments} books
 * returns and receives the returned goods.
 */
final class FulfilmentCommands {
    private final ParcelBooking booking;
    private final ReturnShipments returns;
    private final ParcelTracking tracking;

    FulfilmentCommands(Context context, FulfilmentSettings settings) {
        DispatchPlanning planning = new DispatchPlanning(context, settings);
        this.booking = new ParcelBooking(context, settings, planning);
        this.returns = new ReturnShipments(context, settings, planning, booking);
        this.tracking = new ParcelTracking(context, settings, returns);
    }

    List<TrackedParcel> parcels(Actor actor, OrderId id) {
        return booking.parcels(actor, id);
    }

    DispatchResult dispatch(Actor actor, OrderId id, CarrierDispatch dispatch) {
        return booking.dispatch(actor, id, dispatch);
    }

    DispatchResult shipReturn(Actor actor, OrderId id, String caseId, Optional<Address> from, ServiceLevel service) {
        return returns.shipReturn(actor, id, caseId, from, service);
    }

    TrackingResult onNotification(Actor actor, TrackingNotification notification) {
        return tracking.onNotification(actor, notification);
    }

    /** See {@link ParcelTracking#delivered}. */
    void delivered(Order.Delivered order) {
        tracking.delivered(order);
    }

    /** See {@link ParcelTracking#track}. */
    void track(DueTimer timer) {
        tracking.track(timer);
    }
}
