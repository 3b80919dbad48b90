package dev.mercato.pricing.fee;

import dev.mercato.pricing.error.InvalidInputException;
import java.math.BigDecimal;
import javax.money.MonetaryAmount;

/**
 * A campaign's bid in an ad auction: the most it will pay per billed event (a click under
 * CPC) and its quality score (predicted relevance, click-through, seller rating; any positive
 * exact decimal, e.g. {@code 0.8} or {@code 7}).
 *
 * @param campaignId the campaign, unique within an auction; also the tie rule's key
 * @param maxBid the most the campaign will pay, not negative
 * @param quality the quality score, positive
 */
public record Bid(String campaignId, MonetaryAmount maxBid, BigDecimal quality) {
    /** Validates the bid. */
    public Bid {
        InvalidInputException.requireNonNull(campaignId, "campaignId");
        InvalidInputException.requireNonNull(maxBid, "maxBid");
        InvalidInputException.requireNonNull(quality, "quality");
        if (maxBid.isNegative()) {
            throw new InvalidInputException("maxBid", maxBid, "must not be negative");
        }
        if (quality.signum() <= 0) {
            throw new InvalidInputException("quality", quality, "must be positive");
        }
    }
}
