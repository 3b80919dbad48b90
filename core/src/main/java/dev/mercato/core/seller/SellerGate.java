package dev.mercato.core.seller;

/**
 * Whether a seller may take new orders. The checkout asks it for every seller in a cart, so only
 * an active seller's SKUs can be bought; a suspended or closing seller's open orders are not
 * affected. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SellerGate {

    /**
     * Whether the seller may take new orders.
     *
     * @param sellerId the seller
     * @return {@code true} only for a registered seller in {@link Active}
     */
    boolean maySell(String sellerId);

    /**
     * A gate that lets every seller sell: for hosts that keep no seller records.
     *
     * @return the gate
     */
    static SellerGate everyone() {
        return sellerId -> true;
    }
}
