package dev.mercato.logistics;

/** An optional part of the {@link Carrier} contract that a carrier may or may not support. */
public enum CarrierFeature {
    /** {@link Carrier#cancel(TrackingNumber)} can cancel a shipment before pickup. */
    CANCELLATION,
    /** {@link Carrier#pickupPoints(Address)} lists points and shipments may go to them. */
    PICKUP_POINTS,
    /** Shipments may be return shipments ({@link ShipmentRequest#returnOf()}). */
    RETURN_SHIPMENTS,
    /** The carrier pushes signed notifications that {@link Carrier#verify(TrackingNotification)} reads. */
    TRACKING_NOTIFICATIONS
}
