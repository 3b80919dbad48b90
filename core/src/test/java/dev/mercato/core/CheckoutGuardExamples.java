package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.core.order.Shipment;
import dev.mercato.payments.PaymentSource;
import java.util.List;
import java.util.Optional;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;
import dev.mercato.core.risk.RiskRules;
import dev.mercato.core.risk.RiskService;
import dev.mercato.core.risk.RiskStage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import java.time.Clock;
import java.util.Set;

/** The checkout guard seam: risk rules and the seller gate run before a checkout places orders. */
class CheckoutGuardExamples {
    final Set<String> activeSellers = new java.util.HashSet<>(Set.of("tea-shop", "cup-shop"));
    final RiskService risk = RiskService.create(InMemoryStorage.create(), Clock.systemUTC(), List.of(
            RiskRules.activeSellersOnly(activeSellers::contains),
            RiskRules.scoreThreshold((check, history) -> check.buyerId().equals("suspect") ? 70 : 0, 60, 90)));

    Commerce commerce() {
        InMemoryCatalog catalog = Catalog.inMemory()
                .put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25, "CNY")))
                .put(Sku.of("cup", "cup-shop", "Tea cup", Money.of(12.5, "CNY")));
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
                .addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(new WarehouseId("east"), SkuId.of("tea"), 100, 0)
                .setStock(new WarehouseId("east"), SkuId.of("cup"), 100, 0);
        return Commerce.builder().sandboxes().catalog(catalog).inventory(inventory).checkoutGuard(risk.beforeCheckout()).build();
    }

    CheckoutResult checkout(Commerce commerce, String buyer) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("tea"), 2);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("cup"), 1);
        return commerce.checkout(actor, CartId.of(buyer), "k-1", Optional.of("shanghai"));
    }

    @Test
    void aCartWithAnInactiveSellersSkuIsRefusedAndNothingIsPlaced() {
        activeSellers.remove("cup-shop");
        Commerce commerce = commerce();

        CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class, checkout(commerce, "ann"));

        assertEquals(CheckoutResult.Reason.GUARD_REFUSED, refused.reason());
        assertTrue(refused.message().contains("cup-shop"), refused.message());
        assertEquals(2, commerce.priceCart(new Actor.Buyer("ann"), CartId.of("ann")).priced().orElseThrow().lines().size());
    }

    @Test
    void aHeldCheckoutGoesThroughWithTheSameKeyOnceAnOperatorClearsIt() {
        Commerce commerce = commerce();
        assertInstanceOf(CheckoutResult.Refused.class, checkout(commerce, "suspect"));

        risk.clear("suspect/k-1", RiskStage.BEFORE_CHECKOUT, new Actor.PlatformOperator("op-1"), "called the buyer");

        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(new Actor.Buyer("suspect"), CartId.of("suspect"), "k-1", Optional.of("shanghai")));
        assertEquals(2, placed.orders().size());
    }

    Commerce commerceWith(RiskService service) {
        InMemoryCatalog catalog = Catalog.inMemory()
                .put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25, "CNY")))
                .put(Sku.of("cup", "cup-shop", "Tea cup", Money.of(12.5, "CNY")));
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
                .addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(new WarehouseId("east"), SkuId.of("tea"), 100, 0)
                .setStock(new WarehouseId("east"), SkuId.of("cup"), 100, 0);
        return Commerce.builder().sandboxes().catalog(catalog).inventory(inventory)
                .checkoutGuard(service.beforeCheckout()).paymentGuard(service.payments()).build();
    }

    CheckoutResult checkout(Commerce commerce, String buyer, String key) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("tea"), 2);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("cup"), 1);
        return commerce.checkout(actor, CartId.of(buyer), key, Optional.of("shanghai"));
    }

    @Test
    void aPlacedCheckoutIsRecordedSoTheBuyersVelocityCountsIt() {
        RiskService service = RiskService.create(InMemoryStorage.create(), Clock.systemUTC(), List.of(
                RiskRules.buyerVelocity(1, java.time.Duration.ofHours(1), RiskRules.Outcome.DENY)));
        Commerce commerce = commerceWith(service);

        assertInstanceOf(CheckoutResult.Placed.class, checkout(commerce, "ann", "k-1"));
        CheckoutResult.Refused second = assertInstanceOf(CheckoutResult.Refused.class, checkout(commerce, "ann", "k-2"));

        assertEquals(CheckoutResult.Reason.GUARD_REFUSED, second.reason());
        assertTrue(second.message().startsWith("refused by risk control"), second.message());
    }

    @Test
    void aPaymentOverTheCardLimitWaitsForAnOperatorAndIsPaidOnceCleared() {
        RiskService service = RiskService.create(InMemoryStorage.create(), Clock.systemUTC(), List.of(
                RiskRules.cardLimit(Money.of(100, "CNY"), java.time.Duration.ofDays(1), RiskRules.Outcome.REVIEW)));
        Commerce commerce = commerceWith(service);
        Actor.Buyer ann = new Actor.Buyer("ann");
        dev.mercato.payments.PaymentSource card = new dev.mercato.payments.PaymentSource("tok_card_1");
        CheckoutResult.Placed first = assertInstanceOf(CheckoutResult.Placed.class, checkout(commerce, "ann", "k-1"));
        assertInstanceOf(dev.mercato.core.checkout.PaymentResult.Paid.class,
                commerce.pay(ann, first.payment().paymentId(), card));      // 62.50 on the card

        CheckoutResult.Placed second = assertInstanceOf(CheckoutResult.Placed.class, checkout(commerce, "ann", "k-2"));
        dev.mercato.core.checkout.PaymentResult.Refused held = assertInstanceOf(
                dev.mercato.core.checkout.PaymentResult.Refused.class, commerce.pay(ann, second.payment().paymentId(), card));

        assertEquals(dev.mercato.core.checkout.PaymentResult.Reason.GUARD_REFUSED, held.reason());
        assertTrue(held.message().startsWith("held for review"), held.message());
        second.orders().forEach(o -> assertInstanceOf(dev.mercato.core.order.Order.AwaitingPayment.class,
                commerce.order(ann, o.id()).orElseThrow()));
        assertTrue(commerce.payment(ann, second.payment().paymentId()).orElseThrow().attempts().isEmpty(),
                "nothing went to the provider");

        service.clear(second.payment().paymentId(), dev.mercato.core.risk.RiskStage.BEFORE_PAYMENT,
                new Actor.PlatformOperator("op-1"), "known customer");
        assertInstanceOf(dev.mercato.core.checkout.PaymentResult.Paid.class,
                commerce.pay(ann, second.payment().paymentId(), card));
    }
}
