package dev.mercato.core.checkout;

import dev.mercato.core.storage.AggregateType;

/** How buyer payments are kept in {@link dev.mercato.core.storage.Storage}. */
public final class BuyerPayments {
    private BuyerPayments() {}

    /** Index of payments by buyer id. */
    public static final String BY_BUYER = "buyer";

    /** The buyer payment aggregate type, keyed by payment id. */
    public static final AggregateType<String, BuyerPayment> TYPE = AggregateType.of("buyer-payment", String.class,
            BuyerPayment.class, id -> id).withIndex(BY_BUYER, BuyerPayment::buyerId);
}
