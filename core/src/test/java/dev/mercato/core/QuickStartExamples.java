package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

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

/** The quick start of docs/core.md, kept true by running it. */
class QuickStartExamples {
    @Test
    void theQuickStartInTheGuideRuns() {
        InMemoryCatalog catalog = Catalog.inMemory()
                .put(Sku.of("tea", "tea-shop", "Green tea", Money.of(25, "CNY")))
                .put(Sku.of("cup", "cup-shop", "Tea cup", Money.of(12.5, "CNY")));
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
                .addWarehouse(Warehouse.of("east", "shanghai"))
                .setStock(new WarehouseId("east"), SkuId.of("tea"), 100, 5)
                .setStock(new WarehouseId("east"), SkuId.of("cup"), 100, 0);
        Commerce commerce = Commerce.builder().sandboxes().catalog(catalog).inventory(inventory).build();

        Actor.Buyer ann = new Actor.Buyer("ann");
        CartId cart = CartId.of("ann");
        commerce.addToCart(ann, cart, SkuId.of("tea"), 2);
        commerce.addToCart(ann, cart, SkuId.of("cup"), 1);
        PricedCart priced = commerce.priceCart(ann, cart).priced().orElseThrow();
        CheckoutResult.Placed placed = (CheckoutResult.Placed)
                commerce.checkout(ann, cart, "checkout-42", Optional.of("shanghai"));
        PaymentResult paid = commerce.pay(ann, placed.payment().paymentId(), new PaymentSource("tok_visa"));
        OrderResult shipped = commerce.ship(new Actor.Seller("tea-shop"), placed.orders().get(0).id(), "SF123",
                List.of(new Shipment.Item(1, 2)));
        commerce.runDueTimers(new Actor.System("scheduler"));

        assertEquals(2, priced.lines().size());
        assertEquals(2, placed.orders().size());
        assertInstanceOf(PaymentResult.Paid.class, paid);
        assertInstanceOf(OrderResult.Done.class, shipped);
    }
}
