package dev.mercato.core.ledger;

/** What a platform earns money for; each stream has its own revenue account. */
public enum RevenueStream {
    /** A rate on the sale amount, by category, with product or seller overrides. */
    COMMISSION,
    /** A transaction or service fee per order. */
    SERVICE_FEE,
    /** The payment channel's processing fee, when passed on to the seller. */
    PAYMENT_FEE,
    /** The annual technical-service fee. */
    ANNUAL_FEE,
    /** Paid membership fees. */
    MEMBERSHIP,
    /** Paid placement: CPT, CPM, CPC. */
    ADVERTISING,
    /** Penalties debited from sellers' security deposits. */
    PENALTY,
    /**
     * The platform's own sales: what buyers paid for self-operated goods (sold by a platform-owned
     * seller), credited when the sale becomes final; the margin is this minus {@link
     * Account.CostOfGoods}.
     */
    SALES
}
