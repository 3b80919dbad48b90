package dev.mercato.pricing.tax;

/** Where tax is rounded to the minor unit. */
public enum TaxRounding {
    /** Each line's (and each parcel's) tax is rounded on its own; the order's tax is their sum. */
    PER_LINE,
    /**
     * The exact tax of all lines at the same rate is rounded once, then split over those lines with
     * {@code Allocation.allocate} weighted by their taxable bases, so the lines still add up to it.
     */
    PER_ORDER
}
