package dev.mercato.payments;

/** Why a notification was not accepted; see {@link NotificationResult.Rejected}. */
public enum RejectionReason {
    /** No signature where the provider always puts one. */
    MISSING_SIGNATURE,
    /** The signature does not match the content (tampered, forged, or signed with another secret). */
    BAD_SIGNATURE,
    /** Correctly signed, but outside the provider's replay window. */
    EXPIRED,
    /** Correctly signed, but the content cannot be understood. */
    MALFORMED
}
