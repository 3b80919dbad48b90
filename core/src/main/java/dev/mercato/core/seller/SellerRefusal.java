package dev.mercato.core.seller;

/** Why a seller command was refused. A refusal changes nothing. */
public enum SellerRefusal {
    /** The seller is not in a state that offers this command. */
    NOT_IN_THIS_STATE,
    /** The acting party may not do this to this seller (only a platform operator approves). */
    ACTOR_NOT_ALLOWED,
    /** The submitted documents miss a qualification the seller type requires. */
    MISSING_QUALIFICATIONS,
    /** The deposit offered is not the amount the seller type requires. */
    DEPOSIT_AMOUNT_WRONG,
    /** The payment provider declined the deposit payment. */
    DEPOSIT_DECLINED,
    /** The debit amount is zero or negative. */
    AMOUNT_NOT_POSITIVE,
    /** The debit is more than the deposit still holds. */
    EXCEEDS_DEPOSIT,
    /** The seller still has open orders or disputes, so the deposit cannot be returned yet. */
    OBLIGATIONS_OPEN,
    /** The payment provider cannot give the deposit back (for example no partial refunds). */
    PROVIDER_CANNOT_RETURN,
    /** A top-up is more than what debits took from the deposit and earlier top-ups have not restored. */
    EXCEEDS_SHORTFALL
}
