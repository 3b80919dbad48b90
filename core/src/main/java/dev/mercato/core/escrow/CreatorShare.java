package dev.mercato.core.escrow;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * What one creator or referrer earns from a full release of an escrow: the sum of that party's
 * revenue shares ({@link dev.mercato.pricing.fee.ShareCharge}) over the order's lines, at every
 * level the party holds. Shares are borne by the seller; a release credits them to the party's
 * {@link dev.mercato.core.ledger.Account.CreatorPayable} and a refund after release takes them
 * back in proportion.
 *
 * <p>Immutable and thread-safe.
 *
 * @param partyId the creator or referrer, not blank
 * @param amount the share of a full release, exact in its currency's minor unit, non-negative
 */
public record CreatorShare(String partyId, MonetaryAmount amount) {

    /**
     * Validates the components.
     *
     * @throws InvalidInputException if the party is blank, or the amount is missing, inexact or negative
     */
    public CreatorShare {
        InvalidInputException.requireNonNull(partyId, "partyId");
        if (partyId.isBlank()) {
            throw new InvalidInputException("partyId", "\"" + partyId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(amount, "amount");
        if (MinorUnits.toMinor(amount) < 0) {
            throw new InvalidInputException("amount", amount, "must not be negative");
        }
    }
}
