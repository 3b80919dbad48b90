package dev.mercato.logistics;

import java.util.Optional;

/**
 * The answer to a {@link ShipmentRequest}: the shipment created, or the reason the carrier
 * refused. A refused request has changed nothing at the carrier and is not remembered under
 * its request id, so the caller may retry it later (for example once the original of a
 * return is delivered).
 */
public sealed interface ShipmentOutcome {

    /**
     * The carrier created (or, for a replayed request, had already created) the shipment.
     *
     * @param shipment the shipment, never {@code null}
     */
    record Created(Shipment shipment) implements ShipmentOutcome {

        /**
         * Validates the component.
         *
         * @throws InvalidLogisticsInputException if it is {@code null}
         */
        public Created {
            InvalidLogisticsInputException.requireNonNull(shipment, "shipment");
        }

        @Override
        public Optional<Shipment> created() {
            return Optional.of(shipment);
        }
    }

    /**
     * The carrier refused the request.
     *
     * @param requestId the refused request's id, never {@code null}
     * @param reason why, never {@code null}
     * @param detail a human-readable explanation naming the values involved, never {@code null}
     */
    record Refused(ShipmentRequestId requestId, ShipmentRefusal reason, String detail) implements ShipmentOutcome {

        /**
         * Validates the components.
         *
         * @throws InvalidLogisticsInputException if a component is {@code null}
         */
        public Refused {
            InvalidLogisticsInputException.requireNonNull(requestId, "requestId");
            InvalidLogisticsInputException.requireNonNull(reason, "reason");
            InvalidLogisticsInputException.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<Shipment> created() {
            return Optional.empty();
        }
    }

    /**
     * The shipment, whatever the outcome.
     *
     * @return the created shipment, or empty when refused
     */
    Optional<Shipment> created();
}
