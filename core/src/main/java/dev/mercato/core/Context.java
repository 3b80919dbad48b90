package dev.mercato.core;

import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.ShippingRates;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.event.EventPublisher;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.order.OrderPolicy;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.storage.UnitOfWork;
import dev.mercato.pricing.commission.SellerType;
import dev.mercato.logistics.Carrier;
import dev.mercato.payments.PaymentProvider;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** Everything a command needs, wired once by the builder. */
record Context(Clock clock, Storage storage, Catalog catalog, Inventory inventory, CartPricing pricing,
        ShippingRates shippingRates, CartLimits limits, OrderPolicy policy, PaymentProvider payments, Carrier carrier, EventPublisher events,
        dev.mercato.core.promotion.PromotionCaps caps, Function<String, SellerType> sellerTypes,
        Optional<Guarantee> guarantee, Function<String, Optional<javax.money.MonetaryAmount>> sellerMinimums) {

    /** How often a command is re-run when its commit loses a race. */
    static final int ATTEMPTS = 8;

    Instant now() {
        return clock.instant();
    }

    <R> R tx(Function<? super UnitOfWork, ? extends R> work) {
        return storage.inTransaction(ATTEMPTS, work, events);
    }

    /**
     * Moves an order's escrow along with a transition of the order, in the order's unit of work
     * (nothing without guaranteed transactions).
     *
     * @throws EscrowRefusal when the escrow refuses: the order's change must not commit
     */
    void follow(UnitOfWork uow, Order before, Order after) {
        if (guarantee.isPresent()) {
            guarantee.get().follow(uow, before, after).ifPresent(refused -> {
                throw new EscrowRefusal(refused);
            });
        }
    }

    /** Sends what an order's escrow owes after its unit of work committed. */
    void afterCommit(OrderId order) {
        guarantee.ifPresent(g -> g.afterCommit(order));
    }

    /** An order transition whose escrow cannot follow: thrown inside the unit of work so nothing commits. */
    static final class EscrowRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient dev.mercato.core.escrow.Transition.Refused refused;

        EscrowRefusal(dev.mercato.core.escrow.Transition.Refused refused) {
            super("the escrow refused: " + refused.detail(), null, false, false);
            this.refused = refused;
        }

        dev.mercato.core.escrow.Transition.Refused refused() {
            return refused;
        }
    }
}
