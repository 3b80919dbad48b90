package dev.mercato.pricing.promotion.rule;

/** Whether a threshold promotion is measured per shop or across shops. */
public enum Reach {
    /** Measured on each shop's lines separately; the shop lane. */
    PER_SHOP,
    /** Measured on all lines in scope together and prorated across sellers; the platform lane. */
    ACROSS_SHOPS
}
