package dev.mercato.logistics;

import java.io.Serial;

/**
 * Two tracking events carry the same {@link TrackingEventId} but different content. Carriers
 * guarantee that an event id names exactly one event, so this is a defect in the carrier
 * plug-in (or a forged event that slipped past verification); {@link Tracking} refuses to
 * guess which one is true.
 */
public final class ConflictingTrackingEventException extends LogisticsException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String eventId;

    /**
     * Creates the exception.
     *
     * @param first the event already known, never {@code null}
     * @param second the event with the same id and different content, never {@code null}
     */
    public ConflictingTrackingEventException(TrackingEvent first, TrackingEvent second) {
        super("tracking event " + first.eventId().value() + " arrived with different content: "
                + first + " vs " + second);
        this.eventId = first.eventId().value();
    }

    /**
     * The id shared by the two events.
     *
     * @return the id, never {@code null}
     */
    public TrackingEventId eventId() {
        return new TrackingEventId(eventId);
    }
}
