package dev.mercato.core.seller;

/** What a debit of a seller's security deposit pays for, and so where the money goes in the ledger. */
public enum DebitKind {
    /** A penalty (fake orders, rule breaches): to the platform's {@code PENALTY} revenue. */
    PENALTY,
    /** Buyer compensation (for example "fake one, pay ten"): to the {@code Refunds} account. */
    COMPENSATION
}
