package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.PriceLevel;
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
import dev.mercato.core.order.PricedSnapshot;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EnginePricingExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "threshold-reduction", "id": "tea-shop-50-10", "scope": {"sellers": ["tea-shop"]},
               "reach": "per-shop", "tiers": [{"threshold": 50, "off": 10}]},
              {"kind": "flash-sale", "id": "flash-tea", "scope": {"skus": ["flash-tea"]}, "unitPrice": 5,
               "stock": 100, "perBuyerLimit": 2,
               "window": {"from": "2026-06-01T00:00:00Z", "until": "2026-06-02T00:00:00Z"}},
              {"kind": "free-shipping", "id": "free-over-99", "threshold": 99}
            ]}""";

    TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    Commerce commerce;

    @BeforeEach
    void setUp() {
        InMemoryCatalog catalog = Catalog.inMemory()
                .put(Sku.of("tea", "tea-shop", "Green tea", Money.of(30, "CNY"))
                        .withPriceLevel(PriceLevel.MEMBER, Money.of(27, "CNY")))
                .put(Sku.of("flash-tea", "tea-shop", "Flash tea", Money.of(9.9, "CNY")));
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                .setStock(new WarehouseId("east"), SkuId.of("tea"), 50, 0)
                .setStock(new WarehouseId("east"), SkuId.of("flash-tea"), 50, 0);
        PricingEngine engine = PricingEngine.of(PromotionJson.standard().read(PROMOTIONS));
        commerce = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory)
                .shippingRates(dev.mercato.core.cart.ShippingRates.flatPerSeller(Money.of(8, "CNY")))
                .pricing(CartPricing.engine(engine, buyer -> buyer.equals("ann")
                        ? BuyerContext.anonymous().withTiers("member") : BuyerContext.anonymous()))
                .build();
    }

    @Test
    void theEnginePricesTheCartAndTheOrderFreezesItsResult() {
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 2);
        PricedCart priced = commerce.priceCart(ANN, CART).priced().orElseThrow();
        // Member price 27 x 2 = 54 reaches the shop's 50 threshold: 10 off; shipping 8 is charged.
        assertTrue(Money.of(52, "CNY").isEqualTo(priced.total()), priced.toString());
        assertTrue(Money.of(16, "CNY").isEqualTo(priced.lines().get(0).discount()));
        assertTrue(priced.explanation().stream().anyMatch(e -> e.startsWith("tea-shop-50-10")), priced.explanation().toString());
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k1", Optional.empty()));
        PricedSnapshot snapshot = placed.orders().get(0).facts().snapshot();
        OrderLine line = snapshot.lines().get(0);
        assertTrue(Money.of(44, "CNY").isEqualTo(line.payable()));
        assertTrue(Money.of(8, "CNY").isEqualTo(snapshot.shipping()));
        assertEquals(List.of(44_00L), snapshot.prorationWeights());
        assertEquals(priced.explanation(), snapshot.explanation());
    }

    @Test
    void aLinePricedByAFlashSaleMakesItsOrderCloseWithinMinutes() {
        commerce.addToCart(ANN, CART, SkuId.of("flash-tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k1", Optional.empty()));
        Order.AwaitingPayment order = placed.orders().get(0);
        assertTrue(order.facts().flashSale());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), order.payBy());
        assertTrue(Money.of(13, "CNY").isEqualTo(order.facts().snapshot().payable()));
    }

    @Test
    void theEnginesFreeShippingRuleWaivesTheSellersCharge() {
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 4);
        PricedCart priced = commerce.priceCart(ANN, CART).priced().orElseThrow();
        // 27 x 4 = 108, minus 10 = 98: below 99, shipping is charged; one more tea waives it.
        assertTrue(Money.of(8, "CNY").isEqualTo(priced.shippingOf("tea-shop")), priced.toString());
        commerce.changeQuantity(ANN, CART, SkuId.of("tea"), 5);
        PricedCart more = commerce.priceCart(ANN, CART).priced().orElseThrow();
        assertTrue(Money.of(0, "CNY").isEqualTo(more.shippingOf("tea-shop")), more.toString());
        assertTrue(Money.of(125, "CNY").isEqualTo(more.total()));
    }
}
