package dev.mercato.core.escrow;

/** Why an escrow refused a transition. A refusal changes nothing. */
public enum RefusalReason {
    /** The escrow is not in a state that offers this command. */
    NOT_IN_THIS_STATE,
    /** The acting party may not do this to this escrow. */
    ACTOR_NOT_ALLOWED,
    /** A deadline or timer has not been reached yet. */
    TOO_EARLY,
    /** A deadline has passed: for example the auto-confirm time, for a dispute or an extension. */
    TOO_LATE,
    /** The buyer already extended the auto-confirm timer once. */
    ALREADY_EXTENDED,
    /** The amount is zero or negative. */
    AMOUNT_NOT_POSITIVE,
    /** The amount is more than the escrow holds (or, after release, more than was released). */
    AMOUNT_EXCEEDS_AVAILABLE,
    /** The command's effect is already in place (for example, the timer already runs from that delivery). */
    ALREADY_DONE,
    /**
     * The payment provider cannot send this refund: the escrow's money is a share of a checkout
     * sale, and the provider refunds neither part of a sale ({@code PARTIAL_REFUND}) nor one sale
     * several times ({@code MULTIPLE_REFUNDS}) as this refund would need.
     */
    PROVIDER_CANNOT_REFUND,
    /**
     * A refund by line names a line the escrow's terms do not have, or the escrow was opened with
     * an amount alone and knows no lines (refund an amount instead: it is prorated).
     */
    UNKNOWN_LINE
}
