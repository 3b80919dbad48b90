package dev.mercato.core.checkout;

import dev.mercato.core.order.Order;
import java.util.List;

/**
 * Told when a buyer payment is paid, after the commit that marked it and its orders paid: by
 * {@code Commerce.pay}, by the reconcile timer or by {@code Commerce.confirmPayment}. This is how
 * escrow holds the checkout's money ({@code EscrowService.paymentHook}); a host may add its own.
 *
 * <p>A hook must be idempotent (a payment may be reported again: a repeated confirmation reports
 * it once more, so a hook lost in a crash is caught up) and thread-safe. An exception it throws
 * is logged and changes nothing already committed.
 */
@FunctionalInterface
public interface PaidHook {

    /**
     * A buyer payment was paid.
     *
     * @param payment the payment, paid; its {@link BuyerPayment#lastAttempt()} is the provider
     *     transaction that captured it (empty when the host confirmed a payment made elsewhere)
     * @param orders its orders as they are now, in the payment's order; an order that closed
     *     before the money arrived is not paid (a refund is due for it)
     */
    void paid(BuyerPayment payment, List<Order> orders);
}
