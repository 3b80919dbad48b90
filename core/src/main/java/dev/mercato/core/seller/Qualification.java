package dev.mercato.core.seller;

/** A document or check a seller type may have to provide before an operator approves it. */
public enum Qualification {
    /** Real-name verification of the person behind the seller. */
    IDENTITY,
    /** A business licence. */
    BUSINESS_LICENCE,
    /** The brand owner's authorisation to sell the brand. */
    BRAND_AUTHORISATION,
    /** A credit report for a credit check (B2B). */
    CREDIT_REPORT
}
