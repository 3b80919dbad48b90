package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.InactiveSkuException;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.catalog.UnknownSkuException;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.event.DomainEvent;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.AfterSaleCase;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderEvent;
import dev.mercato.core.order.OrderId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.payments.PaymentSource;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommerceExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId ANN_CART = CartId.of("ann");
    static final Actor.Seller TEA_SHOP = new Actor.Seller("tea-shop");
    static final Actor.Seller CUP_SHOP = new Actor.Seller("cup-shop");
    static final Actor.System TIMERS = new Actor.System("timers");
    static final SkuId TEA = SkuId.of("tea");
    static final SkuId CUP = SkuId.of("cup");
    static final SkuId FLASH = SkuId.of("flash-tea");
    static final WarehouseId EAST = new WarehouseId("east");

    TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    InMemoryCatalog catalog = Catalog.inMemory();
    InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best());
    List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
    Commerce commerce;

    @BeforeEach
    void setUp() {
        catalog.put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25, "CNY")));
        catalog.put(Sku.of("cup", "cup-shop", "Tea cup", Money.of(12.5, "CNY")));
        catalog.put(Sku.of("flash-tea", "tea-shop", "Flash tea", Money.of(9.9, "CNY")));
        catalog.put(Sku.of("old", "tea-shop", "Old tea", Money.of(5, "CNY")).withActive(false));
        catalog.put(Sku.of("usd-mug", "cup-shop", "Mug", Money.of(3, "USD")));
        inventory.addWarehouse(Warehouse.of("east", "shanghai"));
        inventory.setStock(EAST, TEA, 10, 0);
        inventory.setStock(EAST, CUP, 10, 0);
        inventory.setStock(EAST, FLASH, 3, 0);
        commerce = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory)
                .cartLimits(CartLimits.DEFAULT.withFlashSale(FLASH, 2))
                .pricing(dev.mercato.core.cart.CartPricing.memberPrices(b -> false, Set.of("flash-tea")))
                .events(events::add).build();
    }

    private CheckoutResult.Placed checkoutTeaAndCups(String key) {
        commerce.addToCart(ANN, ANN_CART, TEA, 2);
        commerce.addToCart(ANN, ANN_CART, CUP, 3);
        return assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, ANN_CART, key, Optional.empty()));
    }

    @Test
    void aCartFromTwoSellersChecksOutAsTwoOrdersUnderOnePayment() {
        CheckoutResult.Placed placed = checkoutTeaAndCups("k1");
        assertEquals(2, placed.orders().size());
        assertEquals(List.of("tea-shop", "cup-shop"), placed.orders().stream().map(o -> o.facts().sellerId()).toList());
        assertTrue(Money.of(87.5, "CNY").isEqualTo(placed.payment().total()));
        assertTrue(Money.of(50, "CNY").isEqualTo(placed.orders().get(0).facts().snapshot().payable()));
        assertEquals(List.of(50_00L), placed.orders().get(0).facts().snapshot().prorationWeights());
        assertTrue(commerce.cart(ANN, ANN_CART).isEmpty());
        assertEquals(8, inventory.available(TEA));
        assertEquals(2, events.stream().filter(OrderEvent.Placed.class::isInstance).count());
    }

    @Test
    void aCheckoutRetriedWithTheSameKeyReturnsTheSameOrdersEvenAfterTheCartChanged() {
        CheckoutResult.Placed first = checkoutTeaAndCups("k1");
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        CheckoutResult again = commerce.checkout(ANN, ANN_CART, "k1", Optional.empty());
        assertEquals(first, again);
        assertEquals(8, inventory.available(TEA));
        assertEquals(1, commerce.cart(ANN, ANN_CART).items().size());
        assertThrows(IdempotencyKeyReusedException.class,
                () -> commerce.checkout(ANN, ANN_CART, "k1", Optional.of("beijing")));
    }

    @org.junit.jupiter.api.RepeatedTest(25)
    void concurrentRetriesOfOneCheckoutPlaceItOnce() throws Exception {
        commerce.addToCart(ANN, ANN_CART, TEA, 2);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckoutResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return commerce.checkout(ANN, ANN_CART, "same-key", Optional.empty());
                }));
            }
            start.countDown();
            CheckoutResult first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<CheckoutResult> result : results) {
                assertEquals(first, result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, commerce.ordersOfBuyer(ANN, "ann").size());
        assertEquals(8, inventory.available(TEA));
    }

    @Test
    void anUnpaidOrderClosesWhenTheClockPassesItsDeadlineAndReleasesItsStock() {
        CheckoutResult.Placed placed = checkoutTeaAndCups("k1");
        clock.advance(Duration.ofHours(23));
        assertEquals(0, commerce.runDueTimers(TIMERS));
        assertEquals(8, inventory.available(TEA));
        clock.advance(Duration.ofHours(1));
        assertEquals(2, commerce.runDueTimers(TIMERS));
        for (Order.AwaitingPayment order : placed.orders()) {
            assertInstanceOf(Order.Closed.class, commerce.order(ANN, order.id()).orElseThrow());
        }
        assertEquals(10, inventory.available(TEA));
        assertEquals(10, inventory.available(CUP));
        assertInstanceOf(PaymentResult.Refused.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok")));
    }

    @Test
    void aFlashSaleOrderClosesUnpaidWithinMinutes() {
        commerce.addToCart(ANN, ANN_CART, FLASH, 1);
        commerce.addToCart(ANN, ANN_CART, CUP, 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, ANN_CART, "k1", Optional.empty()));
        clock.advance(Duration.ofMinutes(15));
        assertEquals(1, commerce.runDueTimers(TIMERS));
        assertInstanceOf(Order.Closed.class, commerce.order(ANN, placed.orders().get(0).id()).orElseThrow());
        assertInstanceOf(Order.AwaitingPayment.class, commerce.order(ANN, placed.orders().get(1).id()).orElseThrow());
        assertEquals(3, inventory.available(FLASH));
    }

    @Test
    void theFlashSaleCapCountsUnitsTheBuyerAlreadyOrdered() {
        commerce.addToCart(ANN, ANN_CART, FLASH, 2);
        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, ANN_CART, "k1", Optional.empty()));
        assertInstanceOf(CartResult.Refused.class, commerce.addToCart(ANN, ANN_CART, FLASH, 3));
        commerce.addToCart(ANN, ANN_CART, FLASH, 1);
        CheckoutResult second = commerce.checkout(ANN, ANN_CART, "k2", Optional.empty());
        assertEquals(CheckoutResult.Reason.FLASH_SALE_CAP, ((CheckoutResult.Refused) second).reason());
        assertTrue(((CheckoutResult.Refused) second).message().contains("2 already ordered"), second.toString());
        assertEquals(1, inventory.available(FLASH));
        assertEquals(1, commerce.cart(ANN, ANN_CART).items().size());
    }

    @Test
    void aCheckoutWithoutEnoughStockChangesNothing() {
        commerce.addToCart(ANN, ANN_CART, CUP, 2);
        commerce.addToCart(ANN, ANN_CART, TEA, 11);
        Cart before = commerce.cart(ANN, ANN_CART);
        CheckoutResult result = commerce.checkout(ANN, ANN_CART, "k1", Optional.empty());
        assertInstanceOf(CheckoutResult.Refused.class, result);
        assertEquals(before, commerce.cart(ANN, ANN_CART));
        assertEquals(10, inventory.available(CUP));
        assertEquals(List.of(), commerce.ordersOfBuyer(ANN, "ann"));
    }

    @Test
    void payingMovesEveryOrderOfThePaymentToStockAllocated() {
        CheckoutResult.Placed placed = checkoutTeaAndCups("k1");
        PaymentResult paid = commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok"));
        assertInstanceOf(PaymentResult.Paid.class, paid, paid.toString());
        for (Order.AwaitingPayment order : placed.orders()) {
            Order now = commerce.order(ANN, order.id()).orElseThrow();
            assertInstanceOf(Order.StockAllocated.class, now);
            assertEquals(EAST, ((Order.StockAllocated) now).picks().get(0).warehouse());
        }
        clock.advance(Duration.ofDays(2));
        assertEquals(0, commerce.runDueTimers(TIMERS));
        assertEquals(paid, commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok")));
    }

    @Test
    void anOrderGoesFromPaymentThroughTwoParcelsAndAReturnToCompletion() {
        CheckoutResult.Placed placed = checkoutTeaAndCups("k1");
        commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok"));
        OrderId cups = placed.orders().get(1).id();
        assertInstanceOf(Order.PartiallyShipped.class, done(commerce.ship(CUP_SHOP, cups, "SF1", List.of(new Shipment.Item(1, 1)))));
        // Each parcel commits its own units: one left, two are still reserved.
        assertEquals(9, inventory.stock(CUP).get(0).onHand());
        assertEquals(2, inventory.stock(CUP).get(0).reserved());
        assertInstanceOf(OrderResult.Refused.class, commerce.ship(CUP_SHOP, cups, "SF2", List.of(new Shipment.Item(1, 3))));
        assertInstanceOf(Order.Shipped.class, done(commerce.ship(CUP_SHOP, cups, "SF2", List.of(new Shipment.Item(1, 2)))));
        assertEquals(7, inventory.stock(CUP).get(0).onHand());
        assertEquals(0, inventory.stock(CUP).get(0).reserved());
        assertInstanceOf(Order.Delivered.class, done(commerce.confirmDelivery(ANN, cups)));
        clock.advance(Duration.ofDays(6));
        done(commerce.requestAfterSale(ANN, cups, "r1", AfterSaleCase.Kind.RETURN_AND_REFUND,
                List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
        done(commerce.approveAfterSale(CUP_SHOP, cups, "r1"));
        done(commerce.receiveReturnedGoods(CUP_SHOP, cups, "r1"));
        Order.Delivered refunded = (Order.Delivered) done(commerce.refundAfterSale(CUP_SHOP, cups, "r1"));
        assertTrue(Money.of(12.5, "CNY").isEqualTo(refunded.refundedTotal()));
        assertTrue(events.stream().anyMatch(e -> e instanceof OrderEvent.RefundDue));
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertInstanceOf(OrderResult.Refused.class, commerce.requestAfterSale(ANN, cups, "r2",
                AfterSaleCase.Kind.RETURN_AND_REFUND, List.of(AfterSaleCase.Item.units(1, 1)), Optional.empty()));
        commerce.runDueTimers(TIMERS);
        assertInstanceOf(Order.Completed.class, commerce.order(ANN, cups).orElseThrow());
    }

    private static Order done(OrderResult result) {
        return assertInstanceOf(OrderResult.Done.class, result, result.toString()).order();
    }

    @Test
    void aSellerCannotActOnAnotherSellersOrderAndNothingChanges() {
        CheckoutResult.Placed placed = checkoutTeaAndCups("k1");
        commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok"));
        OrderId teaOrder = placed.orders().get(0).id();
        Order before = commerce.order(ANN, teaOrder).orElseThrow();
        NotPermittedException denied = assertThrows(NotPermittedException.class,
                () -> commerce.ship(CUP_SHOP, teaOrder, "SF9", List.of(new Shipment.Item(1, 2))));
        assertEquals("ship", denied.action());
        assertEquals(before, commerce.order(ANN, teaOrder).orElseThrow());
        assertThrows(NotPermittedException.class, () -> commerce.order(CUP_SHOP, teaOrder));
        assertThrows(NotPermittedException.class, () -> commerce.cancelOrder(TEA_SHOP, teaOrder));
        assertThrows(NotPermittedException.class, () -> commerce.runDueTimers(ANN));
    }

    @Test
    void anotherBuyersCartIsATypedErrorAndChangesNothing() {
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        Actor.Buyer bob = new Actor.Buyer("bob");
        assertThrows(NotPermittedException.class, () -> commerce.addToCart(bob, ANN_CART, TEA, 1));
        assertThrows(NotPermittedException.class, () -> commerce.removeFromCart(bob, ANN_CART, TEA));
        assertThrows(NotPermittedException.class, () -> commerce.checkout(bob, ANN_CART, "k", Optional.empty()));
        assertThrows(NotPermittedException.class, () -> commerce.cart(bob, ANN_CART));
        assertThrows(NotPermittedException.class, () -> commerce.addToCart(TEA_SHOP, ANN_CART, TEA, 1));
        assertEquals(1, commerce.cart(ANN, ANN_CART).item(TEA).orElseThrow().quantity());
    }

    @Test
    void badCartInputIsATypedErrorAndChangesNothing() {
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        Cart before = commerce.cart(ANN, ANN_CART);
        assertThrows(InvalidInputException.class, () -> commerce.addToCart(ANN, ANN_CART, TEA, 0));
        assertThrows(InvalidInputException.class, () -> commerce.addToCart(ANN, ANN_CART, TEA, -2));
        assertThrows(InvalidInputException.class, () -> commerce.changeQuantity(ANN, ANN_CART, TEA, 0));
        assertThrows(UnknownSkuException.class, () -> commerce.addToCart(ANN, ANN_CART, SkuId.of("nope"), 1));
        assertThrows(InactiveSkuException.class, () -> commerce.addToCart(ANN, ANN_CART, SkuId.of("old"), 1));
        assertThrows(CurrencyMismatchException.class, () -> commerce.addToCart(ANN, ANN_CART, SkuId.of("usd-mug"), 1));
        assertEquals(before, commerce.cart(ANN, ANN_CART));
    }

    @Test
    void aGuestCartMergesIntoTheMembersCartOnSignIn() {
        CartId guestCart = CartId.guest("7");
        Actor.Buyer guest = new Actor.Buyer(guestCart.ownerId());
        commerce.addToCart(guest, guestCart, TEA, 2);
        commerce.addToCart(guest, guestCart, FLASH, 2);
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        commerce.addToCart(ANN, ANN_CART, FLASH, 1);
        CartResult.Updated merged = assertInstanceOf(CartResult.Updated.class,
                commerce.mergeGuestCart(ANN, ANN_CART, guestCart));
        assertEquals(3, merged.cart().item(TEA).orElseThrow().quantity());
        assertEquals(2, merged.cart().item(FLASH).orElseThrow().quantity());
        assertEquals(1, merged.notes().size());
        assertTrue(commerce.cart(guest, guestCart).isEmpty());
    }

    @Test
    void onlyAGuestCartCanBeMergedAndARefusedMergeChangesNothing() {
        Actor.Buyer bob = new Actor.Buyer("bob");
        commerce.addToCart(bob, CartId.of("bob"), TEA, 2);
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> commerce.mergeGuestCart(ANN, ANN_CART, CartId.of("bob")));
        assertTrue(refused.getMessage().contains("not a guest cart"), refused.getMessage());
        assertEquals(2, commerce.cart(bob, CartId.of("bob")).item(TEA).orElseThrow().quantity());
        assertEquals(1, commerce.cart(ANN, ANN_CART).item(TEA).orElseThrow().quantity());
    }

    @Test
    void aBlankCheckoutKeyIsRefusedAndChangesNothing() {
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        Cart before = commerce.cart(ANN, ANN_CART);
        for (String blank : List.of("", " ", "\t")) {
            assertThrows(InvalidInputException.class, () -> commerce.checkout(ANN, ANN_CART, blank, Optional.empty()));
        }
        assertThrows(InvalidInputException.class,
                () -> commerce.checkout(ANN, ANN_CART, "k".repeat(201), Optional.empty()));
        assertEquals(before, commerce.cart(ANN, ANN_CART));
        assertTrue(commerce.ordersOfBuyer(ANN, "ann").isEmpty());
    }

    @Test
    void aPricedCartExplainsEachPrice() {
        Commerce members = Commerce.builder().sandboxes().clock(clock).catalog(catalog.put(Sku.of("tea", "tea-shop", "Green tea",
                Money.of(25, "CNY")).withPriceLevel(dev.mercato.core.catalog.PriceLevel.MEMBER, Money.of(22, "CNY"))))
                .inventory(inventory).pricing(dev.mercato.core.cart.CartPricing.memberPrices("ann"::equals, Set.of()))
                .build();
        members.addToCart(ANN, ANN_CART, TEA, 2);
        PricedCart priced = members.priceCart(ANN, ANN_CART).priced().orElseThrow();
        assertTrue(Money.of(44, "CNY").isEqualTo(priced.total()));
        assertTrue(Money.of(6, "CNY").isEqualTo(priced.lines().get(0).discount()));
        assertTrue(priced.explanation().get(0).contains("member price"), priced.explanation().toString());
    }

    @Test
    void aSkuDeactivatedAfterBeingAddedIsLeftUnpricedAndBlocksCheckoutWithAReason() {
        commerce.addToCart(ANN, ANN_CART, TEA, 1);
        commerce.addToCart(ANN, ANN_CART, CUP, 1);
        catalog.put(catalog.find(CUP).orElseThrow().withActive(false));
        PricedCart priced = commerce.priceCart(ANN, ANN_CART).priced().orElseThrow();
        assertEquals(1, priced.lines().size());
        assertTrue(priced.explanation().stream().anyMatch(e -> e.contains("cup is no longer available")));
        CheckoutResult result = commerce.checkout(ANN, ANN_CART, "k1", Optional.empty());
        assertEquals(CheckoutResult.Reason.UNAVAILABLE, ((CheckoutResult.Refused) result).reason());
        assertTrue(((CheckoutResult.Refused) result).message().contains("[cup]"), result.toString());
        assertEquals(10, inventory.available(TEA));
        commerce.removeFromCart(ANN, ANN_CART, CUP);
        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, ANN_CART, "k1", Optional.empty()));
    }

    @Test
    void eventsReachEveryPublisherOfAFanOutEvenWhenOneFails() {
        List<DomainEvent> second = new ArrayList<>();
        Commerce fanned = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory)
                .events(dev.mercato.core.event.EventPublisher.fanOut(List.of(e -> {
                    throw new IllegalStateException("listener down");
                }, second::add))).build();
        fanned.addToCart(ANN, ANN_CART, TEA, 1);
        assertInstanceOf(CheckoutResult.Placed.class, fanned.checkout(ANN, ANN_CART, "k1", Optional.empty()));
        assertEquals(1, second.size());
        assertEquals(9, fanned.inventory().available(TEA));
    }

    @Test
    void eachSellersParcelPaysFirstWeightAndAdditionalWeightShipping() {
        catalog.put(catalog.find(TEA).orElseThrow().withPhysical(600, dev.mercato.core.catalog.Dimensions.NONE));
        catalog.put(catalog.find(CUP).orElseThrow().withPhysical(300, dev.mercato.core.catalog.Dimensions.NONE));
        Commerce shipping = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory)
                .shippingRates(dev.mercato.core.cart.ShippingRates.byWeight(1000, Money.of(8, "CNY"), 500, Money.of(2, "CNY")))
                .build();
        shipping.addToCart(ANN, ANN_CART, TEA, 3);
        shipping.addToCart(ANN, ANN_CART, CUP, 2);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                shipping.checkout(ANN, ANN_CART, "k1", Optional.empty()));
        // Tea: 1800 g = first 1000 g (8) + two started 500 g steps (4). Cups: 600 g, within the first 1000 g.
        assertTrue(Money.of(12, "CNY").isEqualTo(placed.orders().get(0).facts().snapshot().shipping()));
        assertTrue(Money.of(87, "CNY").isEqualTo(placed.orders().get(0).facts().snapshot().payable()));
        assertTrue(Money.of(8, "CNY").isEqualTo(placed.orders().get(1).facts().snapshot().shipping()));
        assertTrue(Money.of(120, "CNY").isEqualTo(placed.payment().total()));
    }
}
