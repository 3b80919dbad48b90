package dev.mercato.pricing.fee;

/** The kinds of per-order fee a settlement breakdown shows. */
public enum FeeKind {
    /** The platform's transaction or service fee (C2C, O2O). */
    TRANSACTION,
    /** The payment channel's processing fee. */
    PAYMENT_CHANNEL
}
