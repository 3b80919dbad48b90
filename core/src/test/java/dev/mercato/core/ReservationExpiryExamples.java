package dev.mercato.core;

import static dev.mercato.core.GuaranteedTransactionExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.ReservationResult;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A checkout that dies between reserving stock and committing its orders (docs/core.md,
 * "Checkout"): a reservation timer written before the stock is reserved gives it back once its
 * grace (15 minutes) has passed, unless the orders were placed; a placed checkout cancels it.
 */
class ReservationExpiryExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final Actor.System SCHEDULER = new Actor.System("scheduler");
    static final SkuId TEA = SkuId.of("tea");

    /** The process dies right after the stock was reserved: nothing after it runs. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** An inventory kept outside the process (it outlives the instance), whose caller dies after reserving. */
    record DiesAfterReserving(Inventory stock) implements Inventory {
        @Override
        public ReservationResult reserve(ReservationRequest request) {
            stock.reserve(request);
            throw new Crash();
        }

        @Override
        public Optional<Reservation> commit(ReservationId id, String parcelKey, List<ReservationRequest.Item> items) {
            return stock.commit(id, parcelKey, items);
        }

        @Override
        public Optional<Reservation> commit(ReservationId id) {
            return stock.commit(id);
        }

        @Override
        public Optional<Reservation> release(ReservationId id) {
            return stock.release(id);
        }

        @Override
        public Optional<Reservation> find(ReservationId id) {
            return stock.find(id);
        }

        @Override
        public List<StockLevel> stock(SkuId sku) {
            return stock.stock(sku);
        }
    }

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final Storage storage = InMemoryStorage.create();
    final Inventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
            .setStock(new WarehouseId("east"), TEA, 10, 0);

    Commerce instance(Inventory inventory) {
        return Commerce.builder().sandboxes().clock(clock).storage(storage).inventory(inventory)
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Longjing tea", cny("268.00"))))
                .build();
    }

    @Test
    void theStockOfACheckoutThatDiedBeforeItsCommitComesBackAfterTheGrace() {
        Commerce dying = instance(new DiesAfterReserving(stock));
        dying.addToCart(ANN, CartId.of("ann"), TEA, 4);
        assertThrows(Crash.class, () -> dying.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
        assertEquals(6, stock.available(TEA), "4 units reserved by an attempt that never committed");

        Commerce restarted = instance(stock);
        clock.advance(Duration.ofMinutes(14));
        restarted.runDueTimers(SCHEDULER);
        assertEquals(6, stock.available(TEA), "not before the grace has passed");
        clock.advance(Duration.ofMinutes(1));
        restarted.runDueTimers(SCHEDULER);

        assertEquals(10, stock.available(TEA), "the dead attempt's reservation expired");
        assertTrue(restarted.ordersOfBuyer(SCHEDULER, "ann").isEmpty());
        // The cart was never cleared: the buyer checks out again and gets the stock.
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                restarted.checkout(ANN, CartId.of("ann"), "checkout-2", Optional.empty()));
        assertEquals(6, stock.available(TEA));
        assertEquals(1, placed.orders().size());
    }

    @Test
    void aPlacedCheckoutKeepsItsStockPastTheGrace() {
        Commerce commerce = instance(stock);
        commerce.addToCart(ANN, CartId.of("ann"), TEA, 4);
        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));

        clock.advance(Duration.ofMinutes(30));
        commerce.runDueTimers(SCHEDULER);

        assertEquals(6, stock.available(TEA), "the order holds its stock until it is paid or closed unpaid");
    }
}
