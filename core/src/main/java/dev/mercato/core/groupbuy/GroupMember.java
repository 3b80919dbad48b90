package dev.mercato.core.groupbuy;

import dev.mercato.core.order.OrderId;
import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;

/**
 * One member of a group: the buyer, the checkout payment that holds their place and the orders
 * it placed. Immutable.
 *
 * @param buyerId the buyer
 * @param paymentId the checkout's buyer payment
 * @param orders the orders of that checkout, not empty
 * @param paid whether the payment was captured (and is held in the orders' escrows)
 */
public record GroupMember(String buyerId, String paymentId, List<OrderId> orders, boolean paid) {

    /**
     * Validates the fields and copies the order list.
     *
     * @throws InvalidInputException if a field is missing or there are no orders
     */
    public GroupMember {
        InvalidInputException.requireNonNull(buyerId, "buyerId");
        InvalidInputException.requireNonNull(paymentId, "paymentId");
        orders = List.copyOf(InvalidInputException.requireNonNull(orders, "orders"));
        if (orders.isEmpty()) {
            throw new InvalidInputException("orders", orders, "a member places at least one order");
        }
    }

    /**
     * This member, paid.
     *
     * @return the paid member
     */
    public GroupMember markPaid() {
        return new GroupMember(buyerId, paymentId, orders, true);
    }
}
