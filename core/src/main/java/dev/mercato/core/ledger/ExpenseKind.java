package dev.mercato.core.ledger;

/** What a platform spends money on; each kind has its own expense account ({@link Account.PlatformExpense}). */
public enum ExpenseKind {
    /** The payment provider's channel fee on captured buyer payments (docs/fees.md, "Payment-channel cost"). */
    PAYMENT_CHANNEL,
    /** Carriers' charges for parcels the platform bears (docs/fees.md, "Carrier charges"). */
    CARRIER
}
