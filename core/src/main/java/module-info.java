/**
 * Mercato core: carts, orders, escrow, ledger, memberships, inventory, sellers, risk checks,
 * reviews, storage and the {@code Commerce} facade that a host application builds.
 */
module dev.mercato.core {
    requires transitive dev.mercato.pricing;
    requires transitive dev.mercato.payments;
    requires transitive dev.mercato.logistics;
    requires org.javamoney.moneta;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;

    exports dev.mercato.core;
    exports dev.mercato.core.actor;
    exports dev.mercato.core.cart;
    exports dev.mercato.core.catalog;
    exports dev.mercato.core.checkout;
    exports dev.mercato.core.event;
    exports dev.mercato.core.inventory;
    exports dev.mercato.core.order;
    exports dev.mercato.core.storage;
    exports dev.mercato.core.storage.memory;
    exports dev.mercato.core.ledger;
    exports dev.mercato.core.escrow;
    exports dev.mercato.core.fulfilment;
    exports dev.mercato.core.timer;
    exports dev.mercato.core.membership;
    exports dev.mercato.core.settlement;
    exports dev.mercato.core.promotion;
    exports dev.mercato.core.seller;
    exports dev.mercato.core.risk;
    exports dev.mercato.core.review;
    exports dev.mercato.core.groupbuy;
    exports dev.mercato.core.fee;

    uses dev.mercato.core.storage.CodecFactory;
    provides dev.mercato.core.storage.CodecFactory with dev.mercato.core.storage.json.JacksonCodecFactory;
}
