package dev.mercato.core.membership;

/** Why a subscription command was refused. A refused command changes nothing. */
public enum SubscriptionRefusal {
    /** No plan with that code. */
    UNKNOWN_PLAN,
    /** The member already holds a subscription that has not ended. */
    ALREADY_SUBSCRIBED,
    /** The member holds no subscription that could be cancelled. */
    NOT_SUBSCRIBED,
    /** The payment provider declined the fee. */
    PAYMENT_DECLINED,
    /** The payment provider declined the cancellation refund. */
    REFUND_DECLINED
}
