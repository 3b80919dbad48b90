package dev.mercato.logistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is known about one parcel's journey: the set of its tracking events, folded into a
 * current phase.
 *
 * <p>The fold is order-insensitive and idempotent: applying the same events in any order,
 * any number of times, gives an equal {@code Tracking}. Events are kept once per
 * {@link TrackingEventId}, sorted by occurrence (ties broken by phase, then id). The current
 * event is the latest terminal event ({@link TrackingPhase#DELIVERED} or
 * {@link TrackingPhase#RETURNED}) when there is one, because a late-arriving scan never
 * undoes a delivery; otherwise it is the latest event. Immutable and thread-safe.
 *
 * <p>A host stores the events of a parcel and refolds them whenever new ones arrive, from a
 * query or a notification, without caring about duplicates or order.
 *
 * @param trackingNumber the parcel, never {@code null}
 * @param events its events, each id once, in canonical order; unmodifiable
 */
public record Tracking(TrackingNumber trackingNumber, List<TrackingEvent> events) {
    private static final Comparator<TrackingEvent> CANONICAL = Comparator.comparing(TrackingEvent::occurredAt)
            .thenComparing(TrackingEvent::phase)
            .thenComparing(e -> e.eventId().value());

    /**
     * Validates, deduplicates and orders the events.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null} or an event is
     *     about another parcel
     * @throws ConflictingTrackingEventException if two events share an id but differ
     */
    public Tracking {
        InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
        InvalidLogisticsInputException.requireNonNull(events, "events");
        events = canonical(trackingNumber, events);
    }

    /**
     * The tracking of a parcel nobody has reported anything about yet.
     *
     * @param trackingNumber the parcel
     * @return a tracking without events, in phase {@link TrackingPhase#AWAITING_PICKUP}
     */
    public static Tracking of(TrackingNumber trackingNumber) {
        return new Tracking(trackingNumber, List.of());
    }

    /**
     * This tracking with one more event; unchanged if the event is already known.
     *
     * @param event the event, about this parcel
     * @return the new tracking
     * @throws InvalidLogisticsInputException if the event is about another parcel
     * @throws ConflictingTrackingEventException if a known event has its id but other content
     */
    public Tracking apply(TrackingEvent event) {
        InvalidLogisticsInputException.requireNonNull(event, "event");
        return applyAll(List.of(event));
    }

    /**
     * This tracking with more events, in any order and possibly repeated.
     *
     * @param more the events, about this parcel
     * @return the new tracking
     * @throws InvalidLogisticsInputException if an event is about another parcel
     * @throws ConflictingTrackingEventException if two events share an id but differ
     */
    public Tracking applyAll(Collection<? extends TrackingEvent> more) {
        InvalidLogisticsInputException.requireNonNull(more, "more");
        List<TrackingEvent> all = new ArrayList<>(events.size() + more.size());
        all.addAll(events);
        all.addAll(more);
        return new Tracking(trackingNumber, all);
    }

    /**
     * Everything both trackings know.
     *
     * @param other a tracking of the same parcel
     * @return the union of both
     */
    public Tracking merge(Tracking other) {
        InvalidLogisticsInputException.requireNonNull(other, "other");
        return applyAll(other.events);
    }

    /**
     * The event that decides the current phase.
     *
     * @return the latest terminal event if any, else the latest event; empty without events
     */
    public Optional<TrackingEvent> current() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).phase().isTerminal()) {
                return Optional.of(events.get(i));
            }
        }
        return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    /**
     * The parcel's current phase.
     *
     * @return the phase of {@link #current()}, or {@link TrackingPhase#AWAITING_PICKUP} without events
     */
    public TrackingPhase phase() {
        return current().map(TrackingEvent::phase).orElse(TrackingPhase.AWAITING_PICKUP);
    }

    /**
     * Whether the parcel is delivered.
     *
     * @return {@code true} when the phase is {@link TrackingPhase#DELIVERED}
     */
    public boolean isDelivered() {
        return phase() == TrackingPhase.DELIVERED;
    }

    /**
     * When the parcel was delivered.
     *
     * @return the instant of the deciding delivery event, or empty when not delivered
     */
    public Optional<Instant> deliveredAt() {
        return current().filter(e -> e.phase() == TrackingPhase.DELIVERED).map(TrackingEvent::occurredAt);
    }

    /**
     * The first instant the parcel entered a phase.
     *
     * @param phase the phase
     * @return the earliest event of that phase, or empty if none was reported
     */
    public Optional<Instant> firstReached(TrackingPhase phase) {
        return events.stream().filter(e -> e.phase() == phase).map(TrackingEvent::occurredAt).findFirst();
    }

    private static List<TrackingEvent> canonical(TrackingNumber trackingNumber, List<? extends TrackingEvent> given) {
        Map<TrackingEventId, TrackingEvent> byId = new HashMap<>();
        for (TrackingEvent event : given) {
            InvalidLogisticsInputException.requireNonNull(event, "event");
            if (!event.trackingNumber().equals(trackingNumber)) {
                throw new InvalidLogisticsInputException("event", event,
                        "is about parcel " + event.trackingNumber() + ", not " + trackingNumber);
            }
            TrackingEvent known = byId.putIfAbsent(event.eventId(), event);
            if (known != null && !known.equals(event)) {
                // Report the pair in a fixed order so the message does not depend on arrival order.
                boolean knownFirst = known.toString().compareTo(event.toString()) <= 0;
                throw new ConflictingTrackingEventException(knownFirst ? known : event, knownFirst ? event : known);
            }
        }
        return byId.values().stream().sorted(CANONICAL).toList();
    }
}
