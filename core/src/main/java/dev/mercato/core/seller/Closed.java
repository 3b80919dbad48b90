package dev.mercato.core.seller;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A closed seller; terminal. Its deposit was returned, minus what was debited.
 *
 * @param profile who the seller was
 * @param deposit the final deposit: {@code held()} is zero
 * @param closedAt when it closed
 */
public record Closed(SellerProfile profile, Deposit deposit, Instant closedAt) implements Seller {
    /** Validates the fields. */
    public Closed {
        InvalidInputException.requireNonNull(profile, "profile");
        InvalidInputException.requireNonNull(deposit, "deposit");
        InvalidInputException.requireNonNull(closedAt, "closedAt");
    }
}
