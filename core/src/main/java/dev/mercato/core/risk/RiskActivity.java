package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * One placed purchase as the risk history remembers it. Immutable.
 *
 * @param reference the checkout's or payment's id
 * @param buyerId the buyer
 * @param card the card's fingerprint, once paid
 * @param device the device's fingerprint, if known
 * @param amount what the buyer pays
 * @param at when it was placed
 */
public record RiskActivity(String reference, String buyerId, Optional<String> card, Optional<String> device,
        MonetaryAmount amount, Instant at) {
    /** Validates the fields. */
    public RiskActivity {
        InvalidInputException.requireNonNull(reference, "reference");
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(card, "card");
        InvalidInputException.requireNonNull(device, "device");
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(at, "at");
    }
}
