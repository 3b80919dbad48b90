package dev.mercato.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.Commerce;
import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.OrderQuantity;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A wholesale order through the facade as a host application builds it (docs/core.md, "Order
 * quantities and minimums"): a SKU sold from 100 to 10,000 units in packs of 50 beside a retail
 * SKU at the platform's 99, and the wholesaler's CNY 5,000.00 minimum order amount.
 */
class WholesaleOrderExamples {
    static final Actor.Buyer SHOP = new Actor.Buyer("corner-shop");
    static final CartId CART = CartId.of("corner-shop");
    static final SkuId BRICK = SkuId.of("brick");
    static final SkuId SAMPLER = SkuId.of("sampler");

    @Test
    void aWholesaleOrderOfFiveThousandUnitsPassesWithoutAPlatformWideLimitChange() {
        WarehouseId east = new WarehouseId("east");
        Commerce commerce = Commerce.builder().sandboxes()
                .clock(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC))
                .catalog(Catalog.inMemory()
                        .put(Sku.of("brick", "wholesaler", "Pu-erh brick", Money.of(1.2, "CNY"))
                                .withOrderQuantity(OrderQuantity.between(100, 10_000).inMultiplesOf(50)))
                        .put(Sku.of("sampler", "wholesaler", "Tasting sampler", Money.of(9, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "kunming"))
                        .setStock(east, BRICK, 50_000, 0).setStock(east, SAMPLER, 500, 0))
                .sellerMinimums(seller -> seller.equals("wholesaler") ? Optional.of(Money.of(5_000, "CNY"))
                        : Optional.empty())
                .build();

        assertEquals(CartResult.Reason.QUANTITY_STEP, assertInstanceOf(CartResult.Refused.class,
                commerce.addToCart(SHOP, CART, BRICK, 4_020)).reason());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(SHOP, CART, BRICK, 4_000));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                commerce.addToCart(SHOP, CART, SAMPLER, 100)).reason());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(SHOP, CART, SAMPLER, 10));

        // 4,000 x 1.20 + 10 x 9.00 = 4,890.00: CNY 110.00 short of the minimum
        CartPriceResult.Priced short4890 = assertInstanceOf(CartPriceResult.Priced.class, commerce.priceCart(SHOP, CART));
        assertTrue(Money.of(110, "CNY").isEqualTo(short4890.belowSellerMinimum().get(0).missing()));
        assertEquals(CheckoutResult.Reason.BELOW_SELLER_MINIMUM, assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(SHOP, CART, "po-1", Optional.empty())).reason());

        // 5,000 x 1.20 + 90.00 = 6,090.00
        assertInstanceOf(CartResult.Updated.class, commerce.changeQuantity(SHOP, CART, BRICK, 5_000));
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(SHOP, CART, "po-2", Optional.empty()));
        assertTrue(Money.of(6_090, "CNY").isEqualTo(placed.payment().total()), placed.payment().total().toString());
    }
}
