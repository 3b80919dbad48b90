package dev.mercato.payments;

/** The kind of operation a transaction id was used for; carried by {@link PaymentEvent}. */
public enum Operation {
    /** {@link PaymentProvider#authorize}. */
    AUTHORIZE,
    /** {@link PaymentProvider#capture}. */
    CAPTURE,
    /** {@link PaymentProvider#sale}. */
    SALE,
    /** {@link PaymentProvider#voidAuthorization}. */
    VOID,
    /** {@link PaymentProvider#refund}. */
    REFUND,
    /** {@link PayoutProvider#payout}. */
    PAYOUT,
    /** {@link HeldFundsProvider#holdSale}: a sale whose funds the provider freezes for later splits. */
    HOLD,
    /** {@link HeldFundsProvider#split}. */
    SPLIT,
    /** {@link HeldFundsProvider#unfreeze}. */
    UNFREEZE,
    /** {@link HeldFundsProvider#returnFunds}. */
    RETURN
}
