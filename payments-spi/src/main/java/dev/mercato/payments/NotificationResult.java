package dev.mercato.payments;

import java.util.List;
import java.util.Objects;

/**
 * The result of verifying and parsing a {@link Notification}: either verified events, or a
 * typed rejection. A rejection is a value, not an exception, because forged and stale webhooks
 * are expected traffic; the host answers them with an HTTP error and moves on.
 */
public sealed interface NotificationResult permits NotificationResult.Verified, NotificationResult.Rejected {

    /**
     * The signature is valid and the content understood.
     *
     * @param events the events, in the order the notification lists them, never {@code null};
     *        empty when the notification is about something the SPI does not model
     */
    record Verified(List<PaymentEvent> events) implements NotificationResult {
        /**
         * Copies the list.
         *
         * @throws NullPointerException if the list or an element is {@code null}
         */
        public Verified {
            events = List.copyOf(events);
        }
    }

    /**
     * The notification must be ignored: nothing in it may be trusted.
     *
     * @param reason why, never {@code null}
     * @param detail a developer-facing explanation, never {@code null}; must not contain secrets
     */
    record Rejected(RejectionReason reason, String detail) implements NotificationResult {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if a field is {@code null}
         */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
