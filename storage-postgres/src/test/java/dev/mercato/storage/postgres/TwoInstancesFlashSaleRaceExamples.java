package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Reservation;
import dev.mercato.core.inventory.ReservationId;
import dev.mercato.core.inventory.ReservationRequest;
import dev.mercato.core.inventory.ReservationResult;
import dev.mercato.core.inventory.StockLevel;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderLine;
import dev.mercato.core.order.OrderResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code Commerce} instances (two pools, one database, one shared stock service) racing one
 * buyer's checkouts of a flash-sale SKU with a per-buyer cap (docs/storage-postgres.md, "Crash
 * recovery and several instances"): the units in the buyer's live orders never exceed the cap.
 */
class TwoInstancesFlashSaleRaceExamples {
    static final SkuId FLASH = SkuId.of("flash-tea");
    static final long CAP = 2;
    static final long STOCK = 1_000;
    private static TestDatabase database;

    @BeforeAll
    static void createSchema() {
        database = TestDatabase.create();
    }

    @AfterAll
    static void dropSchema() {
        if (database != null) {
            database.close();
        }
    }

    static Commerce instance(TestClock clock, Inventory stock) {
        PostgresStorage storage = PostgresStorage.create(database.newDataSource(4));
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory().put(Sku.of("flash-tea", "tea-shop", "Flash tea", Money.of(9.9, "CNY"))))
                .inventory(stock).cartLimits(CartLimits.DEFAULT.withFlashSale(FLASH, CAP)).build();
    }

    static InMemoryInventory stock() {
        InMemoryInventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"));
        stock.setStock(new WarehouseId("east"), FLASH, STOCK, 0);
        return stock;
    }

    static long liveUnits(Commerce commerce, Actor.Buyer buyer) {
        long units = 0;
        for (Order order : commerce.ordersOfBuyer(buyer, buyer.buyerId())) {
            if (!(order instanceof Order.Cancelled || order instanceof Order.Closed
                    || order instanceof Order.RefundedBeforeShipment)) {
                units += order.facts().snapshot().lines().stream().filter(l -> l.sku().equals(FLASH))
                        .mapToLong(OrderLine::quantity).sum();
            }
        }
        return units;
    }

    @Test
    void oneBuyersCheckoutsOnBothInstancesNeverExceedTheCapWhileOrdersAreCancelled() throws Exception {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        InMemoryInventory stock = stock();
        Commerce first = instance(clock, stock);
        Commerce second = instance(clock, stock);
        Actor.Buyer buyer = new Actor.Buyer("flash-buyer");
        CartId cart = CartId.of("flash-buyer");
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Commerce on = t % 2 == 0 ? first : second;
            int thread = t;
            tasks.add(() -> {
                long placed = 0;
                for (int round = 0; round < 4; round++) {
                    on.addToCart(buyer, cart, FLASH, 1);
                    CheckoutResult result = on.checkout(buyer, cart, "k-" + thread + "-" + round, Optional.empty());
                    if (result instanceof CheckoutResult.Placed p) {
                        placed++;
                        if (round % 2 == 1) {
                            assertInstanceOf(OrderResult.Done.class, on.cancelOrder(buyer, p.orders().get(0).id()));
                        }
                    } else {
                        CheckoutResult.Reason reason = ((CheckoutResult.Refused) result).reason();
                        assertTrue(reason == CheckoutResult.Reason.FLASH_SALE_CAP || reason == CheckoutResult.Reason.EMPTY_CART
                                || reason == CheckoutResult.Reason.CONTENDED, result::toString);
                    }
                    assertTrue(liveUnits(on, buyer) <= CAP, "over the cap");
                }
                return placed;
            });
        }

        long placed = Race.run(tasks).stream().mapToLong(Long::longValue).sum();

        assertTrue(placed >= 1, "some checkouts were placed");
        assertTrue(liveUnits(first, buyer) <= CAP, "the cap holds: " + liveUnits(first, buyer));
        long held = 0;
        for (Order order : first.ordersOfBuyer(buyer, buyer.buyerId())) {
            if (!(order instanceof Order.Cancelled)) {
                held += order.facts().snapshot().lines().get(0).quantity();
            }
        }
        assertEquals(STOCK - held, stock.available(FLASH), "only live orders hold stock");
    }

    @Test
    void aCheckoutHeldUpOnOneInstanceWhileTheOtherPlacedTheSameUnitsIsRefusedAtItsCommit() throws Exception {
        // The slow checkout is held up inside the unit of work that places its orders, after it
        // counted the buyer's units there; meanwhile another checkout places the same two units,
        // the cart is merged away on sign-in (deleted) and the guest starts a new cart, at version 1
        // again: the cart's version cannot tell, the buyer's flash-sale tally can.
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        InMemoryInventory stock = stock();
        CountDownLatch placing = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicBoolean once = new AtomicBoolean(true);
        Commerce slowInstance = instance(clock, new HeldUpInventory(stock, () -> {
            if (once.compareAndSet(true, false)) {
                placing.countDown();
                try {
                    resume.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));
        Commerce other = instance(clock, stock);
        Actor.Buyer guest = new Actor.Buyer("guest:flash");
        CartId guestCart = CartId.guest("flash");
        other.addToCart(guest, guestCart, FLASH, 2);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CheckoutResult> slow = pool.submit(() -> slowInstance.checkout(guest, guestCart, "slow", Optional.empty()));
            assertTrue(placing.await(30, TimeUnit.SECONDS));
            assertInstanceOf(CheckoutResult.Placed.class, other.checkout(guest, guestCart, "fast", Optional.empty()));
            other.mergeGuestCart(new Actor.Buyer("member"), CartId.of("member"), guestCart);
            assertInstanceOf(CartResult.Updated.class, other.addToCart(guest, guestCart, FLASH, 1));
            resume.countDown();

            CheckoutResult late = slow.get(60, TimeUnit.SECONDS);

            CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class, late);
            assertEquals(CheckoutResult.Reason.FLASH_SALE_CAP, refused.reason(), refused::toString);
            assertEquals(CAP, liveUnits(other, guest));
            assertEquals(STOCK - CAP, stock.available(FLASH), "the refused checkout's reservation went back");
        } finally {
            resume.countDown();
            pool.shutdownNow();
        }
    }

    /** An inventory that runs a hook before each look-up of a reservation (checkout does one while placing its orders). */
    private record HeldUpInventory(Inventory delegate, Runnable beforeFind) implements Inventory {
        @Override
        public ReservationResult reserve(ReservationRequest request) {
            return delegate.reserve(request);
        }

        @Override
        public Optional<Reservation> commit(ReservationId id, String parcelKey, List<ReservationRequest.Item> items) {
            return delegate.commit(id, parcelKey, items);
        }

        @Override
        public Optional<Reservation> commit(ReservationId id) {
            return delegate.commit(id);
        }

        @Override
        public Optional<Reservation> release(ReservationId id) {
            return delegate.release(id);
        }

        @Override
        public Optional<Reservation> find(ReservationId id) {
            beforeFind.run();
            return delegate.find(id);
        }

        @Override
        public List<StockLevel> stock(SkuId sku) {
            return delegate.stock(sku);
        }
    }
}
