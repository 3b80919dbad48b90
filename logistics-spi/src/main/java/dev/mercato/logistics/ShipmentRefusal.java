package dev.mercato.logistics;

/** Why a carrier refuses to create a shipment. */
public enum ShipmentRefusal {
    /** The carrier does not serve this origin and destination. */
    ROUTE_NOT_SERVED,
    /** The carrier does not offer the requested service on this route. */
    SERVICE_NOT_OFFERED,
    /** The carrier does not charge in the requested currency. */
    CURRENCY_NOT_SUPPORTED,
    /** The parcel is heavier than the carrier accepts. */
    PARCEL_TOO_HEAVY,
    /** The parcel is larger than the carrier accepts. */
    PARCEL_TOO_LARGE,
    /** The pickup point is unknown to the carrier or does not serve the destination. */
    UNKNOWN_PICKUP_POINT,
    /** The carrier does not deliver to pickup points. */
    PICKUP_POINTS_NOT_SUPPORTED,
    /** The carrier does not carry return shipments. */
    RETURNS_NOT_SUPPORTED,
    /** The shipment to return is unknown to the carrier. */
    UNKNOWN_ORIGINAL_SHIPMENT,
    /** The shipment to return has not been delivered. */
    ORIGINAL_NOT_DELIVERED
}
