package dev.mercato.core.fulfilment;

import dev.mercato.core.storage.AggregateType;
import dev.mercato.logistics.CarrierId;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.pricing.error.InvalidInputException;

/** How tracked parcels are kept in {@link dev.mercato.core.storage.Storage}. */
public final class Parcels {
    private Parcels() {}

    /** Index of parcels by order id. */
    public static final String BY_ORDER = "order";
    /** Index of parcels by openness: the entry {@value #OPEN} holds every parcel still moving. */
    public static final String BY_OPENNESS = "openness";
    /** The entry of {@link #BY_OPENNESS} for parcels not delivered nor returned yet. */
    public static final String OPEN = "open";

    /** Timer kind that asks the carrier for the tracking of an open parcel; the target is the parcel key. */
    public static final String TRACK_TIMER = "parcel.track";

    /** The parcel aggregate type: key {@code carrier/trackingNumber}, value a {@link TrackedParcel}. */
    public static final AggregateType<String, TrackedParcel> TYPE = AggregateType
            .of("parcel", String.class, TrackedParcel.class, k -> k)
            .withIndex(BY_ORDER, p -> p.orderId().value())
            .withIndex(BY_OPENNESS, p -> p.isOpen() ? OPEN : "");

    /**
     * The key of a parcel.
     *
     * @param carrier the carrier
     * @param trackingNumber its tracking number
     * @return {@code carrier/trackingNumber}
     */
    public static String key(CarrierId carrier, TrackingNumber trackingNumber) {
        InvalidInputException.requireNonNull(carrier, "carrier");
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        return carrier.value() + "/" + trackingNumber.value();
    }
}
