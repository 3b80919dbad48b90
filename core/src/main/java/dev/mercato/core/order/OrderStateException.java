package dev.mercato.core.order;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A transition was called although its precondition does not hold (for example closing an order
 * before its payment deadline, or shipping more units than were ordered). The facade checks these
 * first and returns a rejection; this exception means a caller skipped that check.
 */
public final class OrderStateException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String orderId;
    private final String state;

    /**
     * Creates the exception.
     *
     * @param orderId the order
     * @param state the state it is in
     * @param problem what does not hold
     */
    public OrderStateException(OrderId orderId, String state, String problem) {
        super("order " + orderId + " in state " + state + ": " + problem);
        this.orderId = orderId.value();
        this.state = state;
    }

    /**
     * The order id.
     *
     * @return the id
     */
    public String orderId() {
        return orderId;
    }

    /**
     * The state's name, e.g. {@code AwaitingPayment}.
     *
     * @return the state
     */
    public String state() {
        return state;
    }
}
