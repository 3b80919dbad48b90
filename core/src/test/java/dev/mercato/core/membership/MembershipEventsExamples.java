package dev.mercato.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mercato.core.Commerce;
import dev.mercato.core.MembershipEvents;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.OrderResult;
import dev.mercato.payments.PaymentSource;
import java.math.BigDecimal;
import java.util.Optional;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class MembershipEventsExamples {
    private static final Actor.Buyer ANN = new Actor.Buyer("ann");

    private final MembershipWorld world = new MembershipWorld();
    private final Commerce commerce = Commerce.builder().sandboxes().clock(world.clock).storage(world.storage)
            .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", Money.of(new BigDecimal("120.50"), "CNY"))))
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "shanghai"))
                    .setStock(new WarehouseId("east"), SkuId.of("tea"), 10, 0))
            .events(MembershipEvents.earningAndClawback(world.service))
            .build();

    @Test
    void aPaidOrderEarnsPointsAndARefundBeforeShipmentTakesThemBack() {
        commerce.addToCart(ANN, CartId.of("ann"), SkuId.of("tea"), 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CartId.of("ann"), "checkout-1", Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok-card")));

        // One point per yuan paid, rounded down: 120.50 earns 120.
        assertEquals(120, world.service.account("ann").orElseThrow().balance());

        assertInstanceOf(OrderResult.Done.class, commerce.refundBeforeShipment(ANN, placed.orders().get(0).id()));
        assertEquals(0, world.service.account("ann").orElseThrow().balance());
    }
}
