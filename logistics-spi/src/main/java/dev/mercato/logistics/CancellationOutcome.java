package dev.mercato.logistics;

import java.time.Instant;

/**
 * The answer to a cancellation. Cancelling is idempotent: cancelling a cancelled shipment
 * again answers {@link Cancelled} with the first cancellation's instant. A refusal changes
 * nothing at the carrier.
 */
public sealed interface CancellationOutcome {

    /**
     * The tracking number the answer is about.
     *
     * @return the tracking number, never {@code null}
     */
    TrackingNumber trackingNumber();

    /**
     * The shipment is cancelled: the carrier will not collect it and will charge nothing.
     *
     * @param trackingNumber the cancelled shipment, never {@code null}
     * @param cancelledAt when it was first cancelled, never {@code null}
     */
    record Cancelled(TrackingNumber trackingNumber, Instant cancelledAt) implements CancellationOutcome {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Cancelled {
            InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
            InvalidLogisticsInputException.requireNonNull(cancelledAt, "cancelledAt");
        }
    }

    /**
     * The carrier refuses to cancel.
     *
     * @param trackingNumber the shipment, never {@code null}
     * @param reason why, never {@code null}
     */
    record Refused(TrackingNumber trackingNumber, CancellationRefusal reason) implements CancellationOutcome {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Refused {
            InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
            InvalidLogisticsInputException.requireNonNull(reason, "reason");
        }
    }
}
