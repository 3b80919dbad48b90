package dev.mercato.core.cart;

import dev.mercato.core.storage.AggregateType;

/** How carts are kept in {@link dev.mercato.core.storage.Storage}. */
public final class Carts {
    private Carts() {}

    /** The cart aggregate type, keyed by owner. */
    public static final AggregateType<CartId, Cart> TYPE = AggregateType.of("cart", CartId.class, Cart.class,
            CartId::ownerId);
}
