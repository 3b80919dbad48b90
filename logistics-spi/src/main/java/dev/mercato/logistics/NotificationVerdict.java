package dev.mercato.logistics;

import java.util.List;

/**
 * The answer to {@link Carrier#verify(TrackingNotification)}: the events of an authentic
 * notification, or the reason it was rejected. A rejected notification must be ignored
 * (and may be logged); it is not an error of the host.
 */
public sealed interface NotificationVerdict {

    /**
     * The notification is authentic and parsed.
     *
     * @param events its events, in the order the body lists them (which may not be the order
     *     they happened in); unmodifiable, may be empty
     */
    record Accepted(List<TrackingEvent> events) implements NotificationVerdict {

        /**
         * Validates and copies the events.
         *
         * @throws InvalidLogisticsInputException if the list or an event is {@code null}
         */
        public Accepted {
            InvalidLogisticsInputException.requireNonNull(events, "events");
            events = List.copyOf(events);
        }

        @Override
        public List<TrackingEvent> eventsOrEmpty() {
            return events;
        }
    }

    /**
     * The notification is not trusted or not readable.
     *
     * @param reason why, never {@code null}
     * @param detail a human-readable explanation, never {@code null}; never echoes secrets
     */
    record Rejected(NotificationRejection reason, String detail) implements NotificationVerdict {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Rejected {
            InvalidLogisticsInputException.requireNonNull(reason, "reason");
            InvalidLogisticsInputException.requireNonNull(detail, "detail");
        }

        @Override
        public List<TrackingEvent> eventsOrEmpty() {
            return List.of();
        }
    }

    /**
     * The events, whatever the verdict.
     *
     * @return the events of an accepted notification, an empty list otherwise
     */
    List<TrackingEvent> eventsOrEmpty();
}
