package dev.mercato.core.cart;

import dev.mercato.logistics.UnquotableReason;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * Why a seller's part of a cart cannot be shipped to the destination, so the cart cannot be
 * priced or checked out there: a business refusal, never a silent free shipment.
 *
 * @param sellerId the seller whose parcels could not be quoted
 * @param reason the reason, named
 * @param detail a human-readable explanation naming the values involved
 */
public record ShippingRefusal(String sellerId, Reason reason, String detail) {
    /** Validates the fields. */
    public ShippingRefusal {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        InvalidInputException.requireNonNull(reason, "reason");
        InvalidInputException.requireNonNull(detail, "detail");
    }

    /** The named reasons a cart cannot ship. */
    public enum Reason {
        /** The rates need a delivery address and none was given. */
        NO_DESTINATION,
        /** No warehouse stocks a SKU of the seller's, so there is no origin to quote from. */
        NO_ORIGIN,
        /** The carrier does not serve the route from the warehouse to the destination. */
        ROUTE_NOT_SERVED,
        /** The carrier does not price in the cart's currency. */
        CURRENCY_NOT_SUPPORTED,
        /** A parcel is heavier than the carrier accepts. */
        PARCEL_TOO_HEAVY,
        /** A parcel is larger than the carrier accepts. */
        PARCEL_TOO_LARGE,
        /** The carrier serves the route, but not with the service level the shop ships with. */
        SERVICE_NOT_OFFERED;

        /**
         * The reason for a carrier's unquotable outcome.
         *
         * @param reason the carrier's reason
         * @return the same reason in cart terms
         */
        public static Reason of(UnquotableReason reason) {
            InvalidInputException.requireNonNull(reason, "reason");
            return switch (reason) {
                case ROUTE_NOT_SERVED -> ROUTE_NOT_SERVED;
                case CURRENCY_NOT_SUPPORTED -> CURRENCY_NOT_SUPPORTED;
                case PARCEL_TOO_HEAVY -> PARCEL_TOO_HEAVY;
                case PARCEL_TOO_LARGE -> PARCEL_TOO_LARGE;
            };
        }
    }

    /**
     * The refusal as one sentence for the buyer.
     *
     * @return the text
     */
    public String describe() {
        return "cannot ship " + sellerId + "'s items: " + reason + " - " + detail;
    }
}
