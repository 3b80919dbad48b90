package dev.mercato.logistics;

/** Why a carrier does not trust or cannot read a {@link TrackingNotification}. */
public enum NotificationRejection {
    /** The notification carries no signature. */
    MISSING_SIGNATURE,
    /** The signature does not match the body: tampered, forged or signed with another key. */
    BAD_SIGNATURE,
    /** The signature is good but the body cannot be parsed into events. */
    MALFORMED,
    /** The carrier does not push notifications. */
    NOT_SUPPORTED
}
