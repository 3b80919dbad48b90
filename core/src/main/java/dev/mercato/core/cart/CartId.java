package dev.mercato.core.cart;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A cart is identified by its owner: a signed-in buyer's id or a guest session's id. A guest
 * cart's owner id starts with {@value #GUEST_PREFIX} ({@link #guest(String)}); only such a cart can
 * be merged into a member's cart on sign-in, so a merge can never take another buyer's cart.
 * Buyer ids therefore never start with that prefix.
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

    /** The owner-id prefix that marks a guest session's cart. */
    public static final String GUEST_PREFIX = "guest:";

    /**
     * The cart of a guest session; its owner (the actor that fills it) is {@code
     * Actor.Buyer(ownerId())}, i.e. {@code "guest:" + sessionToken}.
     *
     * @param sessionToken the host's guest session token, not blank
     * @return the guest cart id
     */
    public static CartId guest(String sessionToken) {
        InvalidInputException.requireNonNull(sessionToken, "sessionToken");
        if (sessionToken.isBlank()) {
            throw new InvalidInputException("sessionToken", "\"" + sessionToken + "\"", "must not be blank");
        }
        return new CartId(GUEST_PREFIX + sessionToken);
    }

    /**
     * Whether this is a guest session's cart.
     *
     * @return true for ids made by {@link #guest(String)}
     */
    public boolean isGuest() {
        return ownerId.startsWith(GUEST_PREFIX);
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
