package dev.mercato.core.risk;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.money.MonetaryAmount;

/**
 * What a risk check looks at: one checkout or payment of one buyer. Immutable.
 *
 * @param reference the checkout's or payment's id: the same at every stage of one purchase; a
 *     review is kept under it, and its history entry is not counted against itself
 * @param stage when the check runs
 * @param buyerId the buyer
 * @param accountOpenedAt when the buyer's account was opened, if the host knows
 * @param card a fingerprint of the payment card (never the number), once known
 * @param device a device fingerprint, if the host has one
 * @param amount what the buyer pays, not negative
 * @param sellerIds the sellers of the order's lines
 */
public record RiskCheck(String reference, RiskStage stage, String buyerId, Optional<Instant> accountOpenedAt,
        Optional<String> card, Optional<String> device, MonetaryAmount amount, List<String> sellerIds) {
    /** Validates and copies the fields. */
    public RiskCheck {
        requireText(reference, "reference");
        InvalidInputException.requireNonNull(stage, "stage");
        requireText(buyerId, "buyerId");
        InvalidInputException.requireNonNull(accountOpenedAt, "accountOpenedAt");
        InvalidInputException.requireNonNull(card, "card");
        InvalidInputException.requireNonNull(device, "device");
        if (MinorUnits.toMinor(InvalidInputException.requireNonNull(amount, "amount")) < 0) {
            throw new InvalidInputException("amount", amount, "must not be negative");
        }
        sellerIds = List.copyOf(InvalidInputException.requireNonNull(sellerIds, "sellerIds"));
    }

    /**
     * A check with only what every stage knows; add the rest with the {@code with} methods.
     *
     * @param reference the checkout's or payment's id
     * @param stage when
     * @param buyerId the buyer
     * @param amount what the buyer pays
     * @param sellerIds the sellers in the order
     * @return the check
     */
    public static RiskCheck of(String reference, RiskStage stage, String buyerId, MonetaryAmount amount,
            List<String> sellerIds) {
        return new RiskCheck(reference, stage, buyerId, Optional.empty(), Optional.empty(), Optional.empty(), amount,
                sellerIds);
    }

    /**
     * This check with the card's fingerprint.
     *
     * @param fingerprint the card fingerprint
     * @return a new check
     */
    public RiskCheck withCard(String fingerprint) {
        requireText(fingerprint, "card");
        return new RiskCheck(reference, stage, buyerId, accountOpenedAt, Optional.of(fingerprint), device, amount, sellerIds);
    }

    /**
     * This check with the device's fingerprint.
     *
     * @param fingerprint the device fingerprint
     * @return a new check
     */
    public RiskCheck withDevice(String fingerprint) {
        requireText(fingerprint, "device");
        return new RiskCheck(reference, stage, buyerId, accountOpenedAt, card, Optional.of(fingerprint), amount, sellerIds);
    }

    /**
     * This check with the account's opening time.
     *
     * @param openedAt when the buyer's account was opened
     * @return a new check
     */
    public RiskCheck withAccountOpenedAt(Instant openedAt) {
        InvalidInputException.requireNonNull(openedAt, "accountOpenedAt");
        return new RiskCheck(reference, stage, buyerId, Optional.of(openedAt), card, device, amount, sellerIds);
    }

    /**
     * This check at another stage (the same purchase, later).
     *
     * @param next the stage
     * @return a new check
     */
    public RiskCheck at(RiskStage next) {
        return new RiskCheck(reference, next, buyerId, accountOpenedAt, card, device, amount, sellerIds);
    }

    private static void requireText(String value, String field) {
        InvalidInputException.requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidInputException(field, "\"\"", "must not be blank");
        }
    }
}
