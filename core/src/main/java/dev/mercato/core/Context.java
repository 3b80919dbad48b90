package dev.mercato.core;

import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.ShippingRates;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.order.OrderPolicy;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.logistics.Carrier;
import dev.mercato.payments.PaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** Everything a command needs, wired once by the builder. */
record Context(Clock clock, Storage storage, Catalog catalog, Inventory inventory, CartPricing pricing,
        ShippingRates shippingRates, CartLimits limits, OrderPolicy policy, PaymentProvider payments, Carrier carrier, EventPublisher events,
        dev.mercato.core.promotion.PromotionCaps caps) {

    /** How often a command is re-run when its commit loses a race. */
    static final int ATTEMPTS = 8;

    Instant now() {
        return clock.instant();
    }

    <R> R tx(Function<? super UnitOfWork, ? extends R> work) {
        return storage.inTransaction(ATTEMPTS, work, events);
    }
}
