package dev.mercato.logistics;

/**
 * Where a parcel is in its journey, as the latest decisive tracking event says. Ordered as a
 * journey normally runs; {@link #DELIVERED} and {@link #RETURNED} are terminal.
 */
public enum TrackingPhase {
    /** The shipment is booked; the carrier does not have the parcel yet. */
    AWAITING_PICKUP,
    /** The carrier collected the parcel. */
    PICKED_UP,
    /** The parcel moves between the carrier's sites. */
    IN_TRANSIT,
    /** A courier is on the way to the recipient (or the pickup point). */
    OUT_FOR_DELIVERY,
    /** Something went wrong: failed delivery attempt, damage, loss, customs hold. */
    EXCEPTION,
    /** The recipient (or the pickup point) received the parcel. Terminal. */
    DELIVERED,
    /** The parcel went back to the sender. Terminal. */
    RETURNED;

    /**
     * Whether no further progress is expected once a parcel is in this phase.
     *
     * @return {@code true} for {@link #DELIVERED} and {@link #RETURNED}
     */
    public boolean isTerminal() {
        return this == DELIVERED || this == RETURNED;
    }
}
