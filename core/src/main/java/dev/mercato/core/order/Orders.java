package dev.mercato.core.order;

import dev.mercato.core.storage.AggregateType;

/** How orders are kept in {@link dev.mercato.core.storage.Storage}. */
public final class Orders {
    private Orders() {}

    /** Index of orders by buyer id. */
    public static final String BY_BUYER = "buyer";
    /** Index of orders by seller id. */
    public static final String BY_SELLER = "seller";
    /** Index of orders by buyer payment id. */
    public static final String BY_PAYMENT = "payment";

    /** The order aggregate type: key {@link OrderId}, value any {@link Order} state. */
    public static final AggregateType<OrderId, Order> TYPE = AggregateType.of("order", OrderId.class, Order.class,
                    OrderId::value)
            .withIndex(BY_BUYER, o -> o.facts().buyerId())
            .withIndex(BY_SELLER, o -> o.facts().sellerId())
            .withIndex(BY_PAYMENT, o -> o.facts().paymentId());

    /** Timer kind that closes an unpaid order at its payment deadline; the target is the order id. */
    public static final String UNPAID_CLOSE_TIMER = "order.unpaid-close";
}
