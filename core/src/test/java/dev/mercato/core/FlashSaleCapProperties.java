package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartItem;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.promotion.FlashSaleTally;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of one flash sale's per-buyer cap through two {@code Commerce} instances sharing
 * one storage and one stock service: random adds, checkouts on either instance, cancellations and
 * clock moves that close unpaid flash-sale orders. After every step each buyer's units in live
 * orders are within the cap, a checkout is refused for the cap exactly when the buyer's live units
 * plus the cart's would pass it, and each buyer's {@link FlashSaleTally} counts the checkouts that
 * placed flash-sale units.
 */
class FlashSaleCapProperties {
    static final List<String> BUYERS = List.of("ann", "bob");
    static final SkuId FLASH = SkuId.of("flash-tea");
    static final SkuId TEA = SkuId.of("tea");
    static final long CAP = 3;
    static final Actor.System TIMERS = new Actor.System("timers");

    /** Two instances over one storage, and the checkouts each buyer placed with flash-sale units. */
    static final class Model {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final List<Commerce> instances = new ArrayList<>();
        final Map<String, Long> flashCheckouts = new HashMap<>();
        final Storage storage = InMemoryStorage.create();
        int keys;

        Model() {
            InMemoryInventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"));
            stock.setStock(new WarehouseId("east"), FLASH, 1_000, 0);
            stock.setStock(new WarehouseId("east"), TEA, 1_000, 0);
            for (int i = 0; i < 2; i++) {
                instances.add(Commerce.builder().sandboxes().clock(clock).storage(storage).inventory(stock)
                        .catalog(Catalog.inMemory().put(Sku.of("flash-tea", "tea-shop", "Flash tea", org.javamoney.moneta.Money.of(9.9, "CNY")))
                                .put(Sku.of("tea", "tea-shop", "Tea", org.javamoney.moneta.Money.of(25, "CNY"))))
                        .cartLimits(CartLimits.DEFAULT.withFlashSale(FLASH, CAP)).build());
            }
        }

        long liveUnits(String buyer) {
            long units = 0;
            for (Order order : instances.get(0).ordersOfBuyer(TIMERS, buyer)) {
                if (!(order instanceof Order.Cancelled || order instanceof Order.Closed
                        || order instanceof Order.RefundedBeforeShipment)) {
                    units += flashUnits(order);
                }
            }
            return units;
        }

        long cartUnits(String buyer) {
            return instances.get(0).cart(new Actor.Buyer(buyer), CartId.of(buyer)).items().stream().filter(i -> i.sku().equals(FLASH))
                    .mapToLong(CartItem::quantity).sum();
        }

        @Override
        public String toString() {
            return "flash checkouts " + flashCheckouts;
        }
    }

    static long flashUnits(Order order) {
        return order.facts().snapshot().lines().stream().filter(l -> l.sku().equals(FLASH)).mapToLong(OrderLine::quantity).sum();
    }

    @Property(tries = 100)
    void theCapHoldsAndIsRefusedExactlyWhenPassedAfterEveryStep(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("within the cap, tallies count flash checkouts", FlashSaleCapProperties::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, new AddToCart())
                .withAction(3, new Checkout())
                .withAction(new Cancel())
                .withAction(new MoveClock())
                .withMaxTransformations(30);
    }

    static void checkInvariants(Model m) {
        for (String buyer : BUYERS) {
            assertTrue(m.liveUnits(buyer) <= CAP, buyer + " within the cap: " + m.liveUnits(buyer));
            long tallied = m.storage.inTransaction(uow -> uow.repository(FlashSaleTally.TYPE)
                    .find(FlashSaleTally.key(buyer, FLASH))).map(Versioned::value).map(FlashSaleTally::checkouts).orElse(0L);
            assertEquals(m.flashCheckouts.getOrDefault(buyer, 0L), tallied, buyer + "'s tally counts the checkouts that took flash units");
        }
    }

    static final class AddToCart implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(BUYERS), Arbitraries.of(FLASH, TEA), Arbitraries.longs().between(1, 2),
                    Arbitraries.integers().between(0, 1))
                    .as((buyer, sku, qty, on) -> Transformer.mutate(buyer + " adds " + sku + " x" + qty + " on " + on,
                            m -> m.instances.get(on).addToCart(new Actor.Buyer(buyer), CartId.of(buyer), sku, qty)));
        }
    }

    static final class Checkout implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(BUYERS), Arbitraries.integers().between(0, 1)).as((buyer, on) ->
                    Transformer.mutate(buyer + " checks out on " + on, m -> {
                        long live = m.liveUnits(buyer);
                        long inCart = m.cartUnits(buyer);
                        CheckoutResult result = m.instances.get(on).checkout(new Actor.Buyer(buyer), CartId.of(buyer),
                                "k" + m.keys++, Optional.empty());
                        boolean refusedForCap = result instanceof CheckoutResult.Refused r
                                && r.reason() == CheckoutResult.Reason.FLASH_SALE_CAP;
                        if (!(result instanceof CheckoutResult.Refused r && r.reason() == CheckoutResult.Reason.EMPTY_CART)) {
                            assertEquals(live + inCart > CAP, refusedForCap,
                                    "refused for the cap exactly when " + live + " live + " + inCart + " in the cart pass " + CAP);
                        }
                        if (result instanceof CheckoutResult.Placed placed
                                && placed.orders().stream().anyMatch(o -> flashUnits(o) > 0)) {
                            m.flashCheckouts.merge(buyer, 1L, Long::sum);
                        }
                    }));
        }
    }

    static final class Cancel implements Action.Dependent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer(Model state) {
            List<Order> unpaid = new ArrayList<>();
            for (String buyer : BUYERS) {
                state.instances.get(0).ordersOfBuyer(TIMERS, buyer).stream()
                        .filter(Order.AwaitingPayment.class::isInstance).forEach(unpaid::add);
            }
            if (unpaid.isEmpty()) {
                return Arbitraries.just(Transformer.noop());
            }
            return Arbitraries.of(unpaid).map(order -> Transformer.mutate("cancel " + order.id().value(),
                    m -> m.instances.get(1).cancelOrder(new Actor.Buyer(order.facts().buyerId()), order.id())));
        }
    }

    static final class MoveClock implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(5L, 20L).map(minutes -> Transformer.mutate("clock +" + minutes + " min, timers", m -> {
                m.clock.advance(Duration.ofMinutes(minutes));
                m.instances.get(0).runDueTimers(TIMERS);
            }));
        }
    }
}
