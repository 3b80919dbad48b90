package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
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
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * A flash sale's per-buyer cap (units of the SKU in the buyer's live orders, docs/core.md,
 * "Checkout") holds however the buyer's checkouts interleave: it is checked again in the unit of
 * work that places the orders, against a per-(buyer, SKU) record written under its version.
 */
class FlashSaleCapExamples {
    static final SkuId FLASH = SkuId.of("flash-tea");
    static final WarehouseId EAST = new WarehouseId("east");
    static final long CAP = 2;

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final InMemoryCatalog catalog = Catalog.inMemory()
            .put(Sku.of("flash-tea", "tea-shop", "Flash tea", Money.of(9.9, "CNY")));
    final InMemoryInventory stock = Inventory.inMemory(WarehouseChoice.best());

    FlashSaleCapExamples() {
        stock.addWarehouse(Warehouse.of("east", "shanghai"));
        stock.setStock(EAST, FLASH, 1_000, 0);
    }

    Commerce commerce(Inventory inventory, Storage storage) {
        return Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory).storage(storage)
                .cartLimits(CartLimits.DEFAULT.withFlashSale(FLASH, CAP)).build();
    }

    /** Units of the flash-sale SKU in the buyer's orders that did not end before shipment. */
    static long liveUnits(Commerce commerce, Actor.Buyer buyer) {
        long units = 0;
        for (Order order : commerce.ordersOfBuyer(buyer, buyer.buyerId())) {
            if (order instanceof Order.Cancelled || order instanceof Order.Closed
                    || order instanceof Order.RefundedBeforeShipment) {
                continue;
            }
            units += order.facts().snapshot().lines().stream().filter(l -> l.sku().equals(FLASH))
                    .mapToLong(OrderLine::quantity).sum();
        }
        return units;
    }

    @Test
    void aCheckoutHeldUpWhileTheSameGuestCheckedOutAndRefilledItsCartIsRefusedAtItsCommit() throws Exception {
        // The slow checkout is held up inside the unit of work that places its orders, after it
        // counted the buyer's units there; meanwhile another checkout places the same two units,
        // the cart is merged away on sign-in (deleted) and the guest starts a new cart, at version 1
        // again: the cart's version cannot tell, the buyer's flash-sale tally can.
        CountDownLatch placing = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        Inventory held = new HeldUpInventory(stock, () -> {
            if (first.compareAndSet(true, false)) {
                placing.countDown();
                await(resume);
            }
        });
        Commerce commerce = commerce(held, InMemoryStorage.create());
        Actor.Buyer guest = new Actor.Buyer("guest:s1");
        CartId guestCart = CartId.guest("s1");
        commerce.addToCart(guest, guestCart, FLASH, 2);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<CheckoutResult> slow = pool.submit(() -> commerce.checkout(guest, guestCart, "slow", Optional.empty()));
            assertTrue(placing.await(30, TimeUnit.SECONDS));
            assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(guest, guestCart, "fast", Optional.empty()));
            commerce.mergeGuestCart(new Actor.Buyer("ann"), CartId.of("ann"), guestCart);
            assertInstanceOf(CartResult.Updated.class, commerce.addToCart(guest, guestCart, FLASH, 1));
            resume.countDown();

            CheckoutResult late = slow.get(30, TimeUnit.SECONDS);

            CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class, late);
            assertEquals(CheckoutResult.Reason.FLASH_SALE_CAP, refused.reason(), refused::toString);
            assertEquals(CAP, liveUnits(commerce, guest));
            assertEquals(1_000 - CAP, stock.available(FLASH), "the refused checkout's reservation went back");
        } finally {
            resume.countDown();
            pool.shutdownNow();
        }
    }

    @RepeatedTest(5)
    void oneBuyersCheckoutsOnEightThreadsNeverExceedTheCapWhileOrdersAreCancelled() throws Exception {
        Commerce commerce = commerce(stock, InMemoryStorage.create());
        Actor.Buyer buyer = new Actor.Buyer("bea");
        CartId cart = CartId.of("bea");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(pool.submit(() -> {
                start.await();
                long placed = 0;
                for (int round = 0; round < 6; round++) {
                    commerce.addToCart(buyer, cart, FLASH, 1);
                    CheckoutResult result = commerce.checkout(buyer, cart, "k-" + thread + "-" + round, Optional.empty());
                    if (result instanceof CheckoutResult.Placed p) {
                        placed++;
                        assertTrue(liveUnits(commerce, buyer) <= CAP, "over the cap after " + p.payment().paymentId());
                        if (round % 2 == 0) {
                            OrderResult cancelled = commerce.cancelOrder(buyer, p.orders().get(0).id());
                            assertInstanceOf(OrderResult.Done.class, cancelled);
                        }
                    } else {
                        CheckoutResult.Reason reason = ((CheckoutResult.Refused) result).reason();
                        assertTrue(reason == CheckoutResult.Reason.FLASH_SALE_CAP || reason == CheckoutResult.Reason.EMPTY_CART
                                || reason == CheckoutResult.Reason.CONTENDED, result::toString);
                    }
                    assertTrue(liveUnits(commerce, buyer) <= CAP);
                }
                return placed;
            }));
        }
        start.countDown();
        long placed = 0;
        try {
            for (Future<Long> task : tasks) {
                placed += task.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(placed >= 1, "some checkouts were placed");
        assertTrue(liveUnits(commerce, buyer) <= CAP, "the cap holds: " + liveUnits(commerce, buyer));
        long inOrders = 0;
        for (Order order : commerce.ordersOfBuyer(buyer, "bea")) {
            if (!(order instanceof Order.Cancelled)) {
                inOrders += order.facts().snapshot().lines().get(0).quantity();
            }
        }
        assertEquals(1_000 - inOrders, stock.available(FLASH), "only live orders hold stock");
    }

    @Test
    void cancellingAnOrderGivesItsUnitsBackToTheBuyersCap() {
        Commerce commerce = commerce(stock, InMemoryStorage.create());
        Actor.Buyer buyer = new Actor.Buyer("cai");
        CartId cart = CartId.of("cai");
        commerce.addToCart(buyer, cart, FLASH, 2);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(buyer, cart, "k1", Optional.empty()));
        commerce.addToCart(buyer, cart, FLASH, 1);
        assertEquals(CheckoutResult.Reason.FLASH_SALE_CAP,
                ((CheckoutResult.Refused) commerce.checkout(buyer, cart, "k2", Optional.empty())).reason());

        assertInstanceOf(OrderResult.Done.class, commerce.cancelOrder(buyer, placed.orders().get(0).id()));

        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(buyer, cart, "k3", Optional.empty()));
        assertEquals(1, liveUnits(commerce, buyer));
        assertEquals(999, stock.available(FLASH));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("not resumed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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
