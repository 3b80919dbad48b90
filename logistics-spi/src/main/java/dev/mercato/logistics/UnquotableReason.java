package dev.mercato.logistics;

/** Why a carrier gives no quote for a request. */
public enum UnquotableReason {
    /** The carrier does not serve this origin and destination (e.g. cross-border). */
    ROUTE_NOT_SERVED,
    /** The carrier does not price in the requested currency. */
    CURRENCY_NOT_SUPPORTED,
    /** The parcel is heavier than the carrier accepts. */
    PARCEL_TOO_HEAVY,
    /** The parcel is larger than the carrier accepts. */
    PARCEL_TOO_LARGE
}
