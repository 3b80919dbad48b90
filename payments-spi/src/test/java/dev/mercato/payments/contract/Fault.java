package dev.mercato.payments.contract;

/**
 * A failure the kits ask the subclass to arrange for the next mutating call that reaches the
 * provider (see {@link PaymentProviderContract#injectFault}). Each one leaves the caller not
 * knowing whether money moved, so a plug-in must surface it as
 * {@link dev.mercato.payments.PaymentOutcome.Unknown} or a
 * {@link dev.mercato.payments.PaymentProviderException}, never as a decline or a refusal.
 */
public enum Fault {
    /** The request timed out before the provider recorded it: nothing moved. */
    TIMEOUT_BEFORE_MONEY_MOVED,
    /** The provider performed the operation, then the answer was lost: the money moved. */
    TIMEOUT_AFTER_MONEY_MOVED,
    /** The provider answered with a server error (HTTP 5xx) without performing the operation. */
    SERVER_ERROR,
    /** The provider performed the operation but answered after the plug-in's own timeout. */
    SLOW_ANSWER;

    /**
     * Whether the provider performed the operation despite the fault.
     *
     * @return true for {@link #TIMEOUT_AFTER_MONEY_MOVED} and {@link #SLOW_ANSWER}
     */
    public boolean moneyMoved() {
        return this == TIMEOUT_AFTER_MONEY_MOVED || this == SLOW_ANSWER;
    }
}
