package dev.mercato.core.fulfilment;

import dev.mercato.core.order.Order;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * The result of shipping through the carrier (an order's parcels, or a return shipment). Only
 * {@link Dispatched} changed anything; the others left the order, its stock and its parcels as
 * they were.
 */
public sealed interface DispatchResult {

    /**
     * The carrier booked the parcels and the order recorded them (or had, for a retried command).
     *
     * @param order the order afterwards
     * @param parcels the parcels booked by this command, one per warehouse (one for a return)
     */
    record Dispatched(Order order, List<TrackedParcel> parcels) implements DispatchResult {
        /** Validates the fields. */
        public Dispatched {
            InvalidInputException.requireNonNull(order, "order");
            parcels = List.copyOf(InvalidInputException.requireNonNull(parcels, "parcels"));
        }
    }

    /**
     * Refused, by the order (wrong state, too many units) or by the carrier (route, service,
     * weight, currency). Parcels the carrier booked before another was refused were cancelled.
     *
     * @param carrierReason the carrier's reason, empty when the order refused
     * @param detail a message naming the values involved
     */
    record Refused(Optional<ShipmentRefusal> carrierReason, String detail) implements DispatchResult {
        /** Validates the fields. */
        public Refused {
            InvalidInputException.requireNonNull(carrierReason, "carrierReason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * The carrier could not be reached; the outcome of a booking may be unknown. Nothing was
     * recorded on the order: retry with the same key, which replays the same shipment requests.
     *
     * @param detail what happened
     */
    record CarrierUnavailable(String detail) implements DispatchResult {
        /** Validates the field. */
        public CarrierUnavailable {
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }

    /**
     * Refused before anything was booked: the order belongs to a group-buy group that has not
     * formed, and the seller cannot ship until it does.
     *
     * @param groupId the order's group
     * @param detail a message naming the group and its state
     */
    record GroupNotFormed(String groupId, String detail) implements DispatchResult {
        /** Validates the fields. */
        public GroupNotFormed {
            InvalidInputException.requireNonNull(groupId, "groupId");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
