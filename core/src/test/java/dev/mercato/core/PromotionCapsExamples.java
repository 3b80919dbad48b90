package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.promotion.BuyerUsage;
import dev.mercato.core.promotion.PromotionCaps;
import dev.mercato.core.promotion.PromotionLimit;
import dev.mercato.core.promotion.PromotionUsage;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.Versioned;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The facade books the promotion caps the engine leaves to its caller. */
class PromotionCapsExamples {
    static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "coupon", "id": "welcome-20", "off": 20},
              {"kind": "coupon", "id": "budget-30", "off": 30}
            ]}""";
    static final Actor.System TIMERS = new Actor.System("timers");

    /** A facade selling one SKU at CNY 100.00, every buyer holding both coupons. */
    static final class World {
        final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        final Storage storage = InMemoryStorage.create();
        final Commerce commerce;

        World(String coupon, List<PromotionLimit> limits) {
            Catalog catalog = Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", Money.of(100, "CNY")));
            Inventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                    .setStock(new WarehouseId("east"), SkuId.of("tea"), 100_000, 0);
            PricingEngine engine = PricingEngine.of(PromotionJson.standard().read(PROMOTIONS));
            commerce = Commerce.builder().sandboxes().clock(clock).storage(storage).catalog(catalog).inventory(inventory)
                    .pricing(CartPricing.engine(engine, buyer -> BuyerContext.anonymous().withCoupons(coupon)))
                    .promotionLimits(limits).build();
        }

        CheckoutResult.Placed checkout(String buyer, String key) {
            commerce.addToCart(new Actor.Buyer(buyer), CartId.of(buyer), SkuId.of("tea"), 1);
            return assertInstanceOf(CheckoutResult.Placed.class,
                    commerce.checkout(new Actor.Buyer(buyer), CartId.of(buyer), key, Optional.empty()));
        }

        PromotionUsage usage(String promotionId) {
            return storage.inTransaction(uow -> uow.repository(PromotionCaps.USAGE).find(promotionId))
                    .map(Versioned::value).orElse(new PromotionUsage(promotionId, 0, 0));
        }
    }

    static MonetaryAmount payable(CheckoutResult.Placed placed) {
        return placed.payment().total();
    }

    static void assertPays(int cny, CheckoutResult.Placed placed) {
        assertTrue(Money.of(cny, "CNY").isEqualTo(payable(placed)), placed.priced().toString());
    }

    @Test
    void aSingleUseCouponIsUsedOnceThenRejectedWithUsesLeftZero() {
        World w = new World("welcome-20", List.of(PromotionLimit.of("welcome-20").withUsesPerBuyer(1)));
        assertPays(80, w.checkout("ann", "k1"));
        CheckoutResult.Placed second = w.checkout("ann", "k2");
        assertPays(100, second);
        assertTrue(second.priced().explanation().contains(
                "welcome-20 (coupon): not applied - cap reached: uses left is 0"), second.priced().explanation().toString());
        assertEquals(1, w.usage("welcome-20").uses());
        // Another buyer still has their own use.
        assertPays(80, w.checkout("bob", "k1"));
    }

    @Test
    void aCheckoutRetriedWithItsKeyBooksTheCouponOnce() {
        World w = new World("welcome-20", List.of(PromotionLimit.of("welcome-20").withUsesPerBuyer(2)));
        CheckoutResult.Placed first = w.checkout("ann", "k1");
        assertEquals(first, w.commerce.checkout(new Actor.Buyer("ann"), CartId.of("ann"), "k1", Optional.empty()));
        assertEquals(1, w.usage("welcome-20").uses());
    }

    @Test
    void aBudgetIsSharedByBuyersTheSecondGetsTheRemainderThenNothing() {
        World w = new World("budget-30", List.of(PromotionLimit.of("budget-30").withBudget(Money.of(50, "CNY"))));
        assertPays(70, w.checkout("ann", "k1"));
        CheckoutResult.Placed bob = w.checkout("bob", "k1");
        assertPays(80, bob);
        assertTrue(bob.priced().explanation().stream().anyMatch(e -> e.contains("cut to the budget left")),
                bob.priced().explanation().toString());
        CheckoutResult.Placed carl = w.checkout("carl", "k1");
        assertPays(100, carl);
        assertTrue(carl.priced().explanation().contains(
                "budget-30 (coupon): not applied - cap reached: budget left is 0"), carl.priced().explanation().toString());
        assertEquals(new PromotionUsage("budget-30", 2, 50_00), w.usage("budget-30"));
    }

    @Test
    void anUnpaidOrderClosingReturnsTheCoupon() {
        World w = new World("welcome-20", List.of(PromotionLimit.of("welcome-20").withUsesPerBuyer(1)));
        w.checkout("ann", "k1");
        w.clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertEquals(1, w.commerce.runDueTimers(TIMERS));
        assertEquals(new PromotionUsage("welcome-20", 0, 0), w.usage("welcome-20"));
        assertPays(80, w.checkout("ann", "k2"));
    }

    @Test
    void aCancelledOrderReturnsTheCouponOnceAndTheBudget() {
        World w = new World("budget-30", List.of(PromotionLimit.of("budget-30").withUsesPerBuyer(1)
                .withBudget(Money.of(50, "CNY"))));
        CheckoutResult.Placed placed = w.checkout("ann", "k1");
        assertEquals(30_00, w.usage("budget-30").spentMinor());
        Order order = placed.orders().get(0);
        assertInstanceOf(OrderResult.Done.class, w.commerce.cancelOrder(new Actor.Buyer("ann"), order.id()));
        assertEquals(new PromotionUsage("budget-30", 0, 0), w.usage("budget-30"));
        assertEquals(0, w.storage.inTransaction(uow -> uow.repository(PromotionCaps.BUYERS).find("ann"))
                .map(v -> v.value().usesOf("budget-30")).orElseThrow());
        assertPays(70, w.checkout("ann", "k2"));
        assertEquals(new PromotionUsage("budget-30", 1, 30_00), w.usage("budget-30"));
    }

    @Test
    void aRefundBeforeShipmentReturnsTheCoupon() {
        World w = new World("welcome-20", List.of(PromotionLimit.of("welcome-20").withUsesPerBuyer(1)));
        CheckoutResult.Placed placed = w.checkout("ann", "k1");
        w.commerce.confirmPayment(TIMERS, placed.payment().paymentId(), "ref-1");
        assertInstanceOf(OrderResult.Done.class,
                w.commerce.refundBeforeShipment(new Actor.Buyer("ann"), placed.orders().get(0).id()));
        assertEquals(new PromotionUsage("welcome-20", 0, 0), w.usage("welcome-20"));
        assertPays(80, w.checkout("ann", "k2"));
    }

    @Test
    void aPromotionWithoutALimitIsNotBooked() {
        World w = new World("welcome-20", List.of(PromotionLimit.of("budget-30").withUsesPerBuyer(1)));
        assertPays(80, w.checkout("ann", "k1"));
        assertPays(80, w.checkout("ann", "k2"));
        assertEquals(new PromotionUsage("welcome-20", 0, 0), w.usage("welcome-20"));
        assertEquals(Optional.empty(), w.storage.inTransaction(uow -> uow.repository(PromotionCaps.BUYERS).find("ann"))
                .map(Versioned::value).map(BuyerUsage::uses).filter(m -> !m.isEmpty()));
    }

    @Test
    void limitsOutOfRangeAreRefused() {
        assertThrows(InvalidInputException.class, () -> PromotionLimit.of("c").withUsesPerBuyer(0));
        assertThrows(InvalidInputException.class, () -> PromotionLimit.of("c").withTotalUses(0));
        assertThrows(InvalidInputException.class, () -> PromotionLimit.of("c").withBudget(Money.of(-1, "CNY")));
        assertThrows(InvalidInputException.class, () -> PromotionCaps.of(List.of(PromotionLimit.of("c"),
                PromotionLimit.of("c"))));
    }

    @RepeatedTest(5)
    void concurrentCheckoutsWithOneSingleUseCouponBookExactlyOneDiscount() throws Exception {
        int n = 8;
        World w = new World("welcome-20", List.of(PromotionLimit.of("welcome-20").withTotalUses(1)
                .withBudget(Money.of(1000, "CNY"))));
        for (int i = 0; i < n; i++) {
            w.commerce.addToCart(new Actor.Buyer("b" + i), CartId.of("b" + i), SkuId.of("tea"), 1);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CheckoutResult>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                String buyer = "b" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return w.commerce.checkout(new Actor.Buyer(buyer), CartId.of(buyer), "k", Optional.empty());
                }));
            }
            start.countDown();
            int discounted = 0;
            for (Future<CheckoutResult> result : results) {
                CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, result.get(30, TimeUnit.SECONDS));
                if (Money.of(80, "CNY").isEqualTo(payable(placed))) {
                    discounted++;
                } else {
                    assertPays(100, placed);
                }
            }
            assertEquals(1, discounted);
            assertEquals(new PromotionUsage("welcome-20", 1, 20_00), w.usage("welcome-20"));
        } finally {
            pool.shutdownNow();
        }
    }
}
