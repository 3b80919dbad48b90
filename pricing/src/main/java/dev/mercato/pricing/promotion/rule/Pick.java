package dev.mercato.pricing.promotion.rule;

/** Which units a rule that discounts some units of several discounts first. */
public enum Pick {
    /** The cheapest units first (by current unit amount): the usual "get the cheapest free". */
    CHEAPEST,
    /** The most expensive units first: the buyer's best case. */
    MOST_EXPENSIVE
}
