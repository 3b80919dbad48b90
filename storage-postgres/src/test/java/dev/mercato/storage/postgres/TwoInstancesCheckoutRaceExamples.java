package dev.mercato.storage.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.TestClock;
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
import dev.mercato.core.promotion.PromotionCaps;
import dev.mercato.core.promotion.PromotionLimit;
import dev.mercato.core.promotion.PromotionUsage;
import dev.mercato.core.storage.Versioned;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two {@code Commerce} instances (two pools, one database, one shared stock service) racing on
 * the same coupon budget and the same scarce stock (docs/storage-postgres.md, "Crash recovery and
 * several instances"): every checkout ends in a typed result, the budget is never exceeded, the
 * booked usage is exactly what the placed orders were given, and stock is never sold twice.
 */
class TwoInstancesCheckoutRaceExamples {
    static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [{"kind": "coupon", "id": "budget-30", "off": 30}]}""";
    static final int BUYERS = 24;
    static final long STOCK = 14;
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

    static Commerce instance(PostgresStorage storage, TestClock clock, Inventory stock) {
        PricingEngine engine = PricingEngine.of(PromotionJson.standard().read(PROMOTIONS));
        return Commerce.builder().sandboxes().clock(clock).storage(storage).journal(storage.journal())
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", Money.of(100, "CNY"))))
                .inventory(stock)
                .pricing(CartPricing.engine(engine, buyer -> BuyerContext.anonymous().withCoupons("budget-30")))
                .promotionLimits(List.of(PromotionLimit.of("budget-30").withBudget(Money.of(300, "CNY"))))
                .build();
    }

    @Test
    void aSharedBudgetAndScarceStockHoldUnderCheckoutsFromBothInstances() throws Exception {
        database.clear();
        TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
        Inventory stock = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                .setStock(new WarehouseId("east"), SkuId.of("tea"), STOCK, 0);
        PostgresStorage firstStorage = PostgresStorage.create(database.newDataSource(4));
        Commerce first = instance(firstStorage, clock, stock);
        Commerce second = instance(PostgresStorage.create(database.newDataSource(4)), clock, stock);
        List<Callable<CheckoutResult>> tasks = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            Commerce on = i % 2 == 0 ? first : second;
            Actor.Buyer buyer = new Actor.Buyer("b-" + i);
            on.addToCart(buyer, CartId.of(buyer.buyerId()), SkuId.of("tea"), 1);
            tasks.add(() -> on.checkout(buyer, CartId.of(buyer.buyerId()), "checkout", Optional.empty()));
        }

        List<CheckoutResult> results = Race.run(8, tasks);

        long placed = 0;
        long discounts = 0;
        for (CheckoutResult result : results) {
            if (result instanceof CheckoutResult.Placed p) {
                placed++;
                for (Order.AwaitingPayment order : p.orders()) {
                    discounts += MinorUnits.toMinor(order.facts().snapshot().lines().get(0).discount());
                }
            } else {
                CheckoutResult.Refused refused = (CheckoutResult.Refused) result;
                assertTrue(refused.reason() == CheckoutResult.Reason.OUT_OF_STOCK
                        || refused.reason() == CheckoutResult.Reason.PROMOTION_CAP, refused::toString);
            }
        }
        assertEquals(STOCK, placed, "every unit sold once, none twice: " + results);
        assertEquals(STOCK - placed, stock.available(SkuId.of("tea")));
        assertTrue(discounts <= 300_00, "the budget is never exceeded: " + discounts);
        PromotionUsage usage = firstStorage.inTransaction(uow -> uow.repository(PromotionCaps.USAGE).find("budget-30"))
                .map(Versioned::value).orElseThrow();
        assertEquals(discounts, usage.spentMinor(), "what is booked is what the placed orders were given");
        assertEquals(300_00, discounts, "the whole budget went to placed orders");
    }
}
