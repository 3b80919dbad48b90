package dev.mercato.core.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * What one checkout booked on limited promotions, kept so that it can be given back exactly
 * once. Keyed by the checkout's payment id. Immutable and thread-safe.
 *
 * @param paymentId the checkout's payment
 * @param buyerId the buyer
 * @param orderIds the checkout's orders (their ids' values); the booking is released when all
 *     of them ended before shipment
 * @param spentMinor what each limited promotion took off, in minor units, by promotion id
 * @param released whether it was given back
 */
public record CapBooking(String paymentId, String buyerId, List<String> orderIds, Map<String, Long> spentMinor,
        boolean released) {
    /** Validates and copies the fields. */
    public CapBooking {
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        orderIds = List.copyOf(InvalidInputException.requireNonNull(orderIds, "orderIds"));
        spentMinor = Map.copyOf(InvalidInputException.requireNonNull(spentMinor, "spentMinor"));
    }
}
