package dev.mercato.core.membership;

/**
 * What happens when a refund claws back points the member has already spent.
 *
 * <p>Clawback is always computed the same way: the order's earned points are split by {@code
 * Allocation} in the proportion refunded so far to not refunded, and the difference to what was
 * clawed before is due now. The policy decides only what happens when the balance cannot cover
 * what is due.
 */
public enum ClawbackPolicy {
    /**
     * The balance goes negative: the shortfall is a debt that points earned later pay off first.
     */
    ALLOW_NEGATIVE,
    /**
     * The balance stops at zero: the shortfall is forgiven (recorded in the entry's memo) and never
     * claimed again.
     */
    STOP_AT_ZERO
}
