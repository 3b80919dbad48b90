package dev.mercato.core.membership;

/** Why a member's points changed. */
public enum EntryKind {
    /** Points earned by a paid order. */
    EARNED,
    /** Points granted for an activity (review, daily sign-in). */
    BONUS,
    /** Points spent as a cash offset at checkout. */
    REDEEMED,
    /** Points that reached their expiry date unspent. */
    EXPIRED,
    /** Points taken back because the order that earned them was refunded. */
    CLAWED_BACK
}
