package dev.mercato.logistics;

import java.time.Instant;
import java.util.Optional;

/**
 * One thing that happened to a parcel, as its carrier reports it. Immutable and thread-safe.
 *
 * <p>A carrier guarantees that each event has an id that is stable across queries and
 * notifications and names exactly one event: the same event is always reported with the
 * same id and the same content. Events may reach the host twice or out of order;
 * {@link Tracking} folds them into the same state whatever the order.
 */
public sealed interface TrackingEvent {

    /**
     * The event's stable id.
     *
     * @return the id, never {@code null}
     */
    TrackingEventId eventId();

    /**
     * The parcel the event is about.
     *
     * @return the tracking number, never {@code null}
     */
    TrackingNumber trackingNumber();

    /**
     * When it happened, by the carrier's clock.
     *
     * @return the instant, never {@code null}
     */
    Instant occurredAt();

    /**
     * Where it happened, as the carrier names the place (a hub, a city).
     *
     * @return the place, or empty when the carrier does not say
     */
    Optional<String> location();

    /**
     * The phase a parcel enters with this event.
     *
     * @return the phase, never {@code null} nor {@link TrackingPhase#AWAITING_PICKUP}
     */
    TrackingPhase phase();

    /**
     * The carrier collected the parcel.
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     */
    record PickedUp(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public PickedUp {
            Events.check(eventId, trackingNumber, occurredAt, location);
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.PICKED_UP;
        }
    }

    /**
     * The parcel left or reached one of the carrier's sites.
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     */
    record InTransit(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public InTransit {
            Events.check(eventId, trackingNumber, occurredAt, location);
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.IN_TRANSIT;
        }
    }

    /**
     * A courier took the parcel out for delivery.
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     */
    record OutForDelivery(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public OutForDelivery {
            Events.check(eventId, trackingNumber, occurredAt, location);
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.OUT_FOR_DELIVERY;
        }
    }

    /**
     * The parcel was delivered to the recipient, or handed to a pickup point for collection.
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     * @param pickupPoint the pickup point it was handed to, or empty for a door delivery; never {@code null}
     */
    record Delivered(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location, Optional<PickupPointId> pickupPoint) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Delivered {
            Events.check(eventId, trackingNumber, occurredAt, location);
            InvalidLogisticsInputException.requireNonNull(pickupPoint, "pickupPoint");
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.DELIVERED;
        }
    }

    /**
     * Something went wrong: a failed delivery attempt, damage, loss, a customs hold.
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     * @param reason what went wrong, in the carrier's words, non-blank
     */
    record ExceptionReported(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location, String reason) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null} or the reason is blank
         */
        public ExceptionReported {
            Events.check(eventId, trackingNumber, occurredAt, location);
            InvalidLogisticsInputException.requireNonBlank(reason, "reason");
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.EXCEPTION;
        }
    }

    /**
     * The parcel went back to its sender (undeliverable, refused by the recipient).
     *
     * @param eventId the event's id, never {@code null}
     * @param trackingNumber the parcel, never {@code null}
     * @param occurredAt when, never {@code null}
     * @param location where, never {@code null}, may be empty
     */
    record Returned(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location) implements TrackingEvent {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Returned {
            Events.check(eventId, trackingNumber, occurredAt, location);
        }

        @Override
        public TrackingPhase phase() {
            return TrackingPhase.RETURNED;
        }
    }
}

/** Validation shared by the event records. */
final class Events {
    private Events() {}

    static void check(TrackingEventId eventId, TrackingNumber trackingNumber, Instant occurredAt,
            Optional<String> location) {
        InvalidLogisticsInputException.requireNonNull(eventId, "eventId");
        InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
        InvalidLogisticsInputException.requireNonNull(occurredAt, "occurredAt");
        InvalidLogisticsInputException.requireNonNull(location, "location");
    }
}
