package dev.mercato.core.seller;

/** Why an operator rejected a seller's qualifications. */
public enum RejectionReason {
    /** A document could not be verified (unreadable, expired, not matching the seller). */
    DOCUMENT_NOT_VERIFIED,
    /** The brand authorisation does not cover the brand or the seller. */
    BRAND_NOT_AUTHORISED,
    /** The credit check failed. */
    CREDIT_CHECK_FAILED,
    /** Any other reason, explained in the note. */
    OTHER
}
