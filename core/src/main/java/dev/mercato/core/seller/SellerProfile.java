package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * Who a seller is: the host's id, its type and when it registered. Immutable.
 *
 * @param sellerId the host application's seller id, not blank
 * @param type the seller type
 * @param registeredAt when the seller registered
 */
public record SellerProfile(String sellerId, SellerType type, Instant registeredAt) {
    /** Validates the fields. */
    public SellerProfile {
        InvalidInputException.requireNonNull(sellerId, "sellerId");
        if (sellerId.isBlank()) {
            throw new InvalidInputException("sellerId", "\"" + sellerId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(type, "type");
        InvalidInputException.requireNonNull(registeredAt, "registeredAt");
    }
}
