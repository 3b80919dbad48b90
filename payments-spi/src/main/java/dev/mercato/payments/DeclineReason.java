package dev.mercato.payments;

/**
 * Why a provider declined a valid request, normalized across providers. The provider's own code
 * travels beside it in {@link PaymentOutcome.Declined#providerCode()}; implementers map every code
 * they know to the closest reason and everything else to {@link #OTHER}.
 */
public enum DeclineReason {
    /** The payer's balance or credit line is too low. */
    INSUFFICIENT_FUNDS,
    /** The issuer or the payer refused without a more specific reason ("do not honor"). */
    REFUSED,
    /** The provider's or issuer's risk checks refused the payment. */
    FRAUD_SUSPECTED,
    /** The payment instrument expired or was cancelled. */
    INSTRUMENT_EXPIRED,
    /** The payer failed or abandoned strong customer authentication. */
    AUTHENTICATION_FAILED,
    /** A per-transaction or velocity limit was exceeded. */
    LIMIT_EXCEEDED,
    /** The authorization expired before it was captured. */
    AUTHORIZATION_EXPIRED,
    /**
     * A sub-account that was to receive or give back held funds is frozen, closed or not
     * verified (see {@link HeldFundsProvider}); nothing moved.
     */
    ACCOUNT_UNAVAILABLE,
    /** Any other decline; see the provider code and message. */
    OTHER
}
