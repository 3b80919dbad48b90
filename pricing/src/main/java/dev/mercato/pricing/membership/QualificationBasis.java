package dev.mercato.pricing.membership;

/** What a tier ladder's thresholds measure over the qualification window. */
public enum QualificationBasis {
    /** Money paid (net of refunds), in minor units of the ladder's currency. */
    SPEND,
    /** A score: points of activity (orders, reviews, sign-ins) the host application awards. */
    SCORE
}
