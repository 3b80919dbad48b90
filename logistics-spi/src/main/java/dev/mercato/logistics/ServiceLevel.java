package dev.mercato.logistics;

/**
 * How fast a carrier moves a parcel. The constants are ordered from slowest to fastest;
 * each carrier declares the levels it offers in its {@link CarrierCapabilities}.
 */
public enum ServiceLevel {
    /** The carrier's regular service, delivered within days. */
    STANDARD,
    /** A faster, more expensive service, typically next day or two. */
    EXPRESS,
    /**
     * Delivered on the day of the order when ordered before the carrier's cut-off, otherwise
     * on the next day (the "two deliveries a day" promise).
     */
    SAME_DAY,
    /**
     * Local on-demand delivery: a courier brings the parcel within minutes of dispatch (a
     * "30-minute delivery" of a local shop or restaurant). Its promise has an instant deadline,
     * {@link DeliveryPromise#within}, rather than a day.
     */
    ON_DEMAND
}
