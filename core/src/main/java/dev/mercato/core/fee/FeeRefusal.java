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
    EXCEEDS_PAYABLE
}
