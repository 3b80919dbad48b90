package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A shipment and its auto-confirm timer.
 *
 * @param trackingNumber the carrier's tracking number
 * @param shippedAt when it shipped
 * @param autoConfirmAt when receipt is confirmed automatically
 * @param extended whether the buyer already used the one extension
 */
public record Shipment(String trackingNumber, Instant shippedAt, Instant autoConfirmAt, boolean extended) {
    /** Validates the fields. */
    public Shipment {
        InvalidInputException.requireNonNull(trackingNumber, "trackingNumber");
        InvalidInputException.requireNonNull(shippedAt, "shippedAt");
        InvalidInputException.requireNonNull(autoConfirmAt, "autoConfirmAt");
    }
}
