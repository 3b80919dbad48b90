package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A cart is identified by its owner: a signed-in buyer's id or a guest session's id.
 *
 * @param ownerId the buyer or guest id, not blank
 */
public record CartId(String ownerId) {
    /** Validates the id. */
    public CartId {
        InvalidInputException.requireNonNull(ownerId, "ownerId");
        if (ownerId.isBlank()) {
            throw new InvalidInputException("ownerId", "\"" + ownerId + "\"", "must not be blank");
        }
    }

    /**
     * Shorthand for the constructor.
     *
     * @param ownerId the buyer or guest id
     * @return the cart id
     */
    public static CartId of(String ownerId) {
        return new CartId(ownerId);
    }
}
