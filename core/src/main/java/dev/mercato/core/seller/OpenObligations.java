package dev.mercato.core.seller;

/**
 * Whether a closing seller still has open orders or disputes, which keep its deposit held. The
 * host (or the facade, from its orders and escrows) answers it. Implementations are thread-safe.
 */
@FunctionalInterface
public interface OpenObligations {

    /**
     * Whether the seller has an order not yet completed or refunded, or a dispute not yet resolved.
     *
     * @param sellerId the seller
     * @return {@code true} while the deposit must stay held
     */
    boolean anyOpen(String sellerId);

    /**
     * Obligations that are always settled: for tests and hosts that check before closing.
     *
     * @return the answer "none open"
     */
    static OpenObligations none() {
        return sellerId -> false;
    }
}
