package dev.mercato.core.fulfilment;

import dev.mercato.core.order.OrderId;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/** The result of applying carrier tracking: what changed, or why a notification was not trusted. */
public sealed interface TrackingResult {

    /**
     * The events were applied. Events already known (duplicates) count for nothing; events of
     * parcels Mercato does not know (another system's, or booked a moment ago and not recorded
     * yet) are skipped and listed, and polling picks them up later.
     *
     * @param newEvents how many events were new
     * @param delivered the orders this application moved to delivered
     * @param returnsReceived the orders whose returned goods this application marked received
     * @param unknownParcels tracking numbers of events that match no parcel
     */
    record Applied(int newEvents, List<OrderId> delivered, List<OrderId> returnsReceived,
            List<TrackingNumber> unknownParcels) implements TrackingResult {
        /** Validates and copies the lists. */
        public Applied {
            delivered = List.copyOf(InvalidInputException.requireNonNull(delivered, "delivered"));
            returnsReceived = List.copyOf(InvalidInputException.requireNonNull(returnsReceived, "returnsReceived"));
            unknownParcels = List.copyOf(InvalidInputException.requireNonNull(unknownParcels, "unknownParcels"));
        }
    }

    /**
     * The carrier's verification rejected the notification; nothing changed.
     *
     * @param reason why
     * @param detail the carrier's explanation
     */
    record Rejected(NotificationRejection reason, String detail) implements TrackingResult {
        /** Validates the fields. */
        public Rejected {
            InvalidInputException.requireNonNull(reason, "reason");
            InvalidInputException.requireNonNull(detail, "detail");
        }
    }
}
