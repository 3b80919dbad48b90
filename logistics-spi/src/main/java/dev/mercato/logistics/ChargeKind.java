package dev.mercato.logistics;

/** What one {@link QuoteLine} of a quote charges for. */
public enum ChargeKind {
    /** The price of the first weight step (首重), charged for every parcel. */
    FIRST_WEIGHT,
    /** The price of the weight beyond the first step (续重), per started additional step. */
    ADDITIONAL_WEIGHT,
    /** A surcharge for delivering to (or collecting from) a remote area. */
    REMOTE_AREA_SURCHARGE,
    /** Any other fee the carrier itemizes (fuel, insurance, handling). */
    OTHER_FEE
}
