package dev.mercato.logistics;

/** Why a carrier refuses to cancel a shipment. */
public enum CancellationRefusal {
    /** The tracking number is unknown to the carrier. */
    UNKNOWN_SHIPMENT,
    /** The carrier does not cancel shipments at all. */
    NOT_SUPPORTED,
    /** The carrier already has the parcel; it can no longer be cancelled, only returned. */
    ALREADY_PICKED_UP,
    /** The parcel was delivered; it can only be returned. */
    ALREADY_DELIVERED,
    /** The parcel went back to the sender; there is nothing left to cancel. */
    ALREADY_RETURNED
}
