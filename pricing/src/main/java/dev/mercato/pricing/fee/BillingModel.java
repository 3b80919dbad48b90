package dev.mercato.pricing.fee;

import dev.mercato.pricing.money.Exact;
import dev.mercato.pricing.money.RoundingPolicy;

/** How an ad campaign is billed. */
public enum BillingModel {
    /** Per click: price per click times clicks. */
    CPC,
    /** Per thousand impressions: price per thousand times impressions / 1000, rounded once. */
    CPM,
    /** Per time slot (an hour or day of a fixed placement): price per slot times slots. */
    CPT;

    /**
     * The cost of some billed units.
     *
     * @param unitPriceMinor the price per click, per thousand impressions or per slot, in minor units
     * @param units clicks, impressions or slots
     * @param rounding how a CPM cost is rounded
     * @return the cost in minor units
     */
    public long cost(long unitPriceMinor, long units, RoundingPolicy rounding) {
        long product = Exact.multiply(unitPriceMinor, units);
        return this == CPM ? rounding.divide(product, 1000) : product;
    }
}
