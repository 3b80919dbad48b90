package dev.mercato.core;

import dev.mercato.core.cart.PricedCart;
import java.util.Optional;

/**
 * What a checkout asks before it reserves stock and places orders (see {@link
 * Commerce.Builder#checkoutGuard}): risk rules, the seller gate, the host's own checks. A refusal
 * changes nothing. {@code RiskService.beforeCheckout()} is the implementation with rules, history
 * and operator reviews. Implementations are thread-safe.
 */
@FunctionalInterface
public interface CheckoutGuard {

    /**
     * Checks one checkout.
     *
     * @param buyerId the buyer
     * @param reference the checkout's reference, {@code <buyer>/<checkout key>}: the same for every
     *     retry of one checkout
     * @param cart the priced cart about to be placed
     * @return why the checkout may not go on (now), or empty to go on
     */
    Optional<String> refusal(String buyerId, String reference, PricedCart cart);

    /**
     * Told after a checkout committed its orders (not on a replay of the same key); failures are
     * logged and change nothing.
     *
     * @param buyerId the buyer
     * @param placed the placed checkout: its payment (whose id later payment checks carry) and orders
     */
    default void placed(String buyerId, dev.mercato.core.checkout.CheckoutResult.Placed placed) {}

    /**
     * A guard that lets every checkout through: the default.
     *
     * @return the guard
     */
    static CheckoutGuard allowAll() {
        return (buyerId, reference, cart) -> Optional.empty();
    }
}
