package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.Rate;
import javax.money.MonetaryAmount;

/**
 * One creator's or referrer's share of one line.
 *
 * @param partyId the creator or referrer
 * @param level 1 for the party nearest the sale, 2 for who referred that party, ...
 * @param rate the level's rate
 * @param amount the share, rounded once, never negative; in a reversal, the part of the share taken back
 */
public record ShareCharge(String partyId, int level, Rate rate, MonetaryAmount amount) {
    /** Validates the components. */
    public ShareCharge {
        InvalidInputException.requireNonNull(partyId, "partyId");
        InvalidInputException.requireNonNull(rate, "rate");
        InvalidInputException.requireNonNull(amount, "amount");
        if (level < 1) {
            throw new InvalidInputException("level", level, "must be at least 1");
        }
    }
}
