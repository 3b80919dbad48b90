package dev.mercato.core.fee;

/** Why a fee command was refused; a refused command changed nothing. */
public enum FeeRefusal {
    /** The seller is already enrolled in an annual fee on other terms. */
    ALREADY_ENROLLED,
    /** The seller's advertising has no daily budget yet: set one before charging. */
    NO_AD_BUDGET,
    /** The charge is more than the seller's prepaid advertising balance. */
    EXCEEDS_AD_BALANCE,
    /** The charge would take the day's advertising spend past the daily budget. */
    EXCEEDS_DAILY_BUDGET,
    /** A top-up from the payable is more than the seller's payable balance. */
    EXCEEDS_PAYABLE,
    /**
     * With provider-held funds a seller's net is on its sub-account at the provider, not on its
     * payable: a top-up from the payable is more than the seller's credit with the platform outside
     * its escrows (rebates, compensation the platform paid it); the seller pays in instead.
     */
    EXCEEDS_CREDIT_WITH_PROVIDER_HELD_FUNDS,
    /** The buyer payment is not captured yet: there is no channel cost to book. */
    PAYMENT_NOT_CAPTURED,
    /** Neither the fee settings nor the revenue schedule name a payment-channel rate. */
    NO_CHANNEL_RATE,
    /** The amount to book is zero (a rate that rounds to nothing, a parcel charged nothing). */
    NOTHING_TO_BOOK
}
