package dev.mercato.core.promotion;

import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.storage.AggregateType;
import dev.mercato.pricing.error.InvalidInputException;

/**
 * One buyer's checkouts of one flash-sale SKU, as the facade's checkout counts them: the record
 * that orders them. The units counted against the SKU's per-buyer cap ({@code
 * CartLimits.flashSaleCap}) are the units in the buyer's live orders (not cancelled, closed unpaid
 * or refunded before shipment); the checkout that places more reads this record, then those
 * orders, in the unit of work that places its own, and writes the record back under the version it
 * read. Two checkouts of one buyer and SKU that commit at once (on one instance or two sharing a
 * database) therefore cannot both pass: one commit fails, and that checkout counts again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param buyerId the buyer
 * @param sku the flash-sale SKU
 * @param checkouts checkouts that placed units of the SKU for the buyer (never decreases), not negative
 */
public record FlashSaleTally(String buyerId, SkuId sku, long checkouts) {
    /** Stored per (buyer, SKU), keyed by {@link #key}. */
    public static final AggregateType<String, FlashSaleTally> TYPE =
            AggregateType.of("flash-sale-tally", String.class, FlashSaleTally.class, k -> k);

    /** Validates the fields. */
    public FlashSaleTally {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(sku, "sku");
        if (checkouts < 0) {
            throw new InvalidInputException("checkouts", checkouts, "must not be negative");
        }
    }

    /**
     * The key of a buyer's tally of a SKU: the buyer id's length, the buyer id and the SKU id, so
     * that no two (buyer, SKU) pairs share a key.
     *
     * @param buyerId the buyer
     * @param sku the SKU
     * @return the key
     */
    public static String key(String buyerId, SkuId sku) {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(sku, "sku");
        return buyerId.length() + ":" + buyerId + "/" + sku.value();
    }

    /**
     * This tally with one more checkout.
     *
     * @return the next tally
     */
    public FlashSaleTally next() {
        return new FlashSaleTally(buyerId, sku, Math.addExact(checkouts, 1));
    }
}
