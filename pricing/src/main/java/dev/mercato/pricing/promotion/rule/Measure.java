package dev.mercato.pricing.promotion.rule;

/** What a threshold is measured on. */
public enum Measure {
    /** The running amount when the promotion's lane starts (the default). */
    RUNNING,
    /** The list amount, ignoring price levels and earlier discounts. */
    LIST
}
