package dev.mercato.core;

import static dev.mercato.core.GuaranteedTransactionExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Quantities (docs/core.md, "Carts"): a minimum order quantity and a maximum per SKU, and a
 * minimum order amount per seller, refused with a reason at cart and again at checkout; a
 * wholesale SKU allows 5,000 units without changing the platform-wide 99.
 */
class QuantityLimitExamples {
    static final Actor.Buyer BOB = new Actor.Buyer("bob");
    static final CartId CART = CartId.of("bob");
    static final SkuId BRICK = SkuId.of("tea-brick");
    static final SkuId CUP = SkuId.of("cup");
    static final WarehouseId EAST = new WarehouseId("east");

    static final CartLimits LIMITS = CartLimits.DEFAULT.withSkuQuantities(BRICK, 10, 5_000)
            .withSellerMinimum("potter", cny("200.00"));

    final Storage storage = InMemoryStorage.create();
    final Inventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "hangzhou"))
            .setStock(EAST, BRICK, 10_000, 0).setStock(EAST, CUP, 500, 0);

    Commerce commerce(CartLimits limits) {
        return Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z"))).storage(storage)
                .catalog(Catalog.inMemory()
                        .put(Sku.of("tea-brick", "tea-farm", "Pu-erh brick, wholesale", cny("12.00")))
                        .put(Sku.of("cup", "potter", "Celadon cup", cny("150.00"))))
                .inventory(inventory).cartLimits(limits).build();
    }

    @Test
    void fewerUnitsThanTheMinimumOrderQuantityAreRefusedAtTheCart() {
        Commerce c = commerce(LIMITS);
        CartResult.Refused refused = assertInstanceOf(CartResult.Refused.class, c.addToCart(BOB, CART, BRICK, 5));
        assertEquals(CartResult.Reason.BELOW_MINIMUM_QUANTITY, refused.reason());
        assertTrue(refused.message().contains("at least 10 units"), refused.message());
        assertTrue(c.cart(BOB, CART).items().isEmpty(), "nothing changed");

        assertInstanceOf(CartResult.Updated.class, c.addToCart(BOB, CART, BRICK, 10));
        CartResult.Refused down = assertInstanceOf(CartResult.Refused.class, c.changeQuantity(BOB, CART, BRICK, 9));
        assertEquals(CartResult.Reason.BELOW_MINIMUM_QUANTITY, down.reason());
        assertEquals(10, c.cart(BOB, CART).items().get(0).quantity());
    }

    @Test
    void aWholesaleSkuTakesFiveThousandUnitsWhileOtherSkusKeepThePlatformWideLimit() {
        Commerce c = commerce(LIMITS);
        assertInstanceOf(CartResult.Updated.class, c.addToCart(BOB, CART, BRICK, 5_000));
        CartResult.Refused more = assertInstanceOf(CartResult.Refused.class, c.addToCart(BOB, CART, BRICK, 1));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, more.reason());
        CartResult.Refused cups = assertInstanceOf(CartResult.Refused.class, c.addToCart(BOB, CART, CUP, 100));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, cups.reason());
        assertInstanceOf(CartResult.Updated.class, c.addToCart(BOB, CART, CUP, 2));

        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                c.checkout(BOB, CART, "wholesale-1", Optional.empty()));
        assertEquals(5_000, placed.orders().stream().flatMap(o -> o.facts().snapshot().lines().stream())
                .filter(l -> l.sku().equals(BRICK)).mapToLong(l -> l.quantity()).sum());
    }

    @Test
    void aSellersGoodsBelowItsMinimumOrderAmountAreRefusedAtCheckoutAndNothingIsReserved() {
        Commerce c = commerce(LIMITS);
        c.addToCart(BOB, CART, CUP, 1);
        long before = inventory.available(CUP);

        CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class,
                c.checkout(BOB, CART, "cups-1", Optional.empty()));

        assertEquals(CheckoutResult.Reason.BELOW_SELLER_MINIMUM, refused.reason());
        assertTrue(refused.message().contains("potter") && refused.message().contains("200"), refused.message());
        assertEquals(before, inventory.available(CUP));
        assertEquals(1, c.cart(BOB, CART).items().get(0).quantity(), "the cart is kept");

        c.changeQuantity(BOB, CART, CUP, 2);
        assertInstanceOf(CheckoutResult.Placed.class, c.checkout(BOB, CART, "cups-2", Optional.empty()));
    }

    @Test
    void limitsTightenedAfterTheItemsWereAddedAreCheckedAgainAtCheckout() {
        commerce(CartLimits.DEFAULT).addToCart(BOB, CART, BRICK, 5);

        CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class,
                commerce(LIMITS).checkout(BOB, CART, "late-1", Optional.empty()));

        assertEquals(CheckoutResult.Reason.QUANTITY_LIMIT, refused.reason());
        assertEquals(10_000, inventory.available(BRICK));
    }

    @Test
    void invalidRangesAndMinimumsAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> CartLimits.DEFAULT.withSkuQuantities(BRICK, 0, 10));
        assertThrows(InvalidInputException.class, () -> CartLimits.DEFAULT.withSkuQuantities(BRICK, 10, 9));
        assertThrows(InvalidInputException.class, () -> CartLimits.DEFAULT.withSkuQuantities(BRICK, 1, Long.MAX_VALUE));
        assertThrows(InvalidInputException.class, () -> CartLimits.DEFAULT.withSellerMinimum("potter", cny("0.00")));
        CartResult.Refused huge = assertInstanceOf(CartResult.Refused.class,
                commerce(LIMITS).addToCart(BOB, CART, BRICK, Long.MAX_VALUE));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, huge.reason());
        assertEquals(List.of(), commerce(LIMITS).cart(BOB, CART).items());
    }
}
