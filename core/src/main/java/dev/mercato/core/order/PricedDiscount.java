package dev.mercato.core.order;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.money.MinorUnits;
import javax.money.MonetaryAmount;

/**
 * One promotion's discount on one order line (or on a seller's shipping), frozen at checkout with
 * who funds it: a platform-funded part is paid to the seller by the platform (a subsidy), a
 * seller-funded part is never the seller's money. Settlement reads these, never re-prices.
 *
 * <p>Invariants: {@code amount = platformFunded + sellerFunded}, none negative, one currency.
 * Immutable and thread-safe.
 *
 * @param promotionId the promotion that gave it, not blank
 * @param amount the discount
 * @param platformFunded the platform's part
 * @param sellerFunded the seller's part
 */
public record PricedDiscount(String promotionId, MonetaryAmount amount, MonetaryAmount platformFunded,
        MonetaryAmount sellerFunded) {

    /** Validates the invariants. */
    public PricedDiscount {
        InvalidInputException.requireNonNull(promotionId, "promotionId");
        if (promotionId.isBlank()) {
            throw new InvalidInputException("promotionId", "\"" + promotionId + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(amount, "amount");
        InvalidInputException.requireNonNull(platformFunded, "platformFunded");
        InvalidInputException.requireNonNull(sellerFunded, "sellerFunded");
        if (!platformFunded.getCurrency().equals(amount.getCurrency())) {
            throw new CurrencyMismatchException(amount.getCurrency(), platformFunded.getCurrency());
        }
        if (!sellerFunded.getCurrency().equals(amount.getCurrency())) {
            throw new CurrencyMismatchException(amount.getCurrency(), sellerFunded.getCurrency());
        }
        long total = MinorUnits.toMinor(amount);
        long platform = MinorUnits.toMinor(platformFunded);
        long seller = MinorUnits.toMinor(sellerFunded);
        if (platform < 0 || seller < 0 || total != Math.addExact(platform, seller)) {
            throw new InvalidAmountException("discount " + promotionId + " " + amount, "must be the sum of its"
                    + " platform-funded " + platformFunded + " and seller-funded " + sellerFunded + " parts, none negative");
        }
    }
}
