package dev.mercato.core.seller;

/** A mark an approved seller carries, for the host's listings and search. */
public enum Badge {
    /** The seller's identity and business documents were checked by an operator. */
    VERIFIED,
    /** The seller passed a credit check (B2B credit certification). */
    CREDIT_CERTIFIED
}
