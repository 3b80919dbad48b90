package dev.mercato.core.membership;

/** Why a points command was refused. A refused command changes nothing. */
public enum PointsRefusal {
    /** The balance does not cover the points to spend. */
    INSUFFICIENT_POINTS,
    /** The order already earned points. */
    ORDER_ALREADY_RECORDED,
    /** No paid order with that id earned points in this account. */
    UNKNOWN_ORDER,
    /** The refunds would exceed what the order paid. */
    REFUND_EXCEEDS_PAID,
    /** The earn rules grant nothing for that activity. */
    UNKNOWN_BONUS,
    /** The activity's bonus was already granted as often as allowed today. */
    BONUS_LIMIT_REACHED,
    /** Fewer points than the redemption minimum, or nothing to offset. */
    NOTHING_TO_REDEEM
}
