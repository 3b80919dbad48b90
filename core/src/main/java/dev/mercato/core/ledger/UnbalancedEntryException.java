package dev.mercato.core.ledger;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/** A journal entry whose postings do not sum to zero in some currency: a bug in the caller. */
public final class UnbalancedEntryException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String entryKey;
    private final String currency;
    private final long imbalanceMinor;

    /**
     * Creates the exception.
     *
     * @param entryKey the entry's idempotency key
     * @param currency the currency code that does not balance
     * @param imbalanceMinor debits minus credits in that currency, in minor units
     */
    public UnbalancedEntryException(String entryKey, String currency, long imbalanceMinor) {
        super("journal entry " + entryKey + " does not balance in " + currency + ": debits minus credits = "
                + imbalanceMinor + " minor units");
        this.entryKey = entryKey;
        this.currency = currency;
        this.imbalanceMinor = imbalanceMinor;
    }

    /**
     * The entry's idempotency key.
     *
     * @return the key
     */
    public String entryKey() {
        return entryKey;
    }

    /**
     * The currency that does not balance.
     *
     * @return an ISO 4217 code
     */
    public String currency() {
        return currency;
    }

    /**
     * Debits minus credits in that currency.
     *
     * @return minor units, never zero
     */
    public long imbalanceMinor() {
        return imbalanceMinor;
    }
}
