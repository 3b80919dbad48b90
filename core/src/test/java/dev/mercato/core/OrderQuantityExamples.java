package dev.mercato.core;

import static dev.mercato.core.GuaranteedTransactionExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.OrderQuantity;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Orders;
import dev.mercato.core.storage.Storage;
import dev.mercato.core.storage.memory.InMemoryStorage;
import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Order quantities per SKU (docs/core.md, "Order quantities and minimums"): a wholesale SKU with a
 * minimum of 100 and its own maximum of 10,000 takes 5,000 units while a retail SKU keeps the
 * platform-wide 99; a SKU sold in packs of 12; every line checked again at checkout against the
 * catalog as it is then; hostile quantities refused.
 */
class OrderQuantityExamples {
    static final Actor.Buyer BOB = new Actor.Buyer("bob");
    static final CartId CART = CartId.of("bob");
    static final SkuId BRICK = SkuId.of("tea-brick");
    static final SkuId CUP = SkuId.of("cup");
    static final SkuId GLASS = SkuId.of("glass");
    static final WarehouseId EAST = new WarehouseId("east");

    static final Sku BRICK_SKU = Sku.of("tea-brick", "tea-farm", "Pu-erh brick, wholesale", cny("12.00"))
            .withOrderQuantity(100, 10_000);
    static final Sku CUP_SKU = Sku.of("cup", "potter", "Celadon cup", cny("15.00"));
    static final Sku GLASS_SKU = Sku.of("glass", "glassworks", "Tea glass", cny("3.00"))
            .withOrderQuantity(OrderQuantity.atLeast(12).inMultiplesOf(12));

    final Storage storage = InMemoryStorage.create();
    final InMemoryCatalog catalog = Catalog.inMemory().put(BRICK_SKU).put(CUP_SKU).put(GLASS_SKU);
    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
            .addWarehouse(Warehouse.of("east", "hangzhou"))
            .setStock(EAST, BRICK, 20_000, 0).setStock(EAST, CUP, 500, 0).setStock(EAST, GLASS, 500, 0);

    Commerce commerce(CartLimits limits) {
        return Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z")))
                .storage(storage).catalog(catalog).inventory(inventory).cartLimits(limits).build();
    }

    final Commerce commerce = commerce(CartLimits.DEFAULT);

    long units(SkuId sku) {
        return commerce.cart(BOB, CART).item(sku).map(i -> i.quantity()).orElse(0L);
    }

    int ordersOfBob() {
        return storage.inTransaction(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, "bob")).size();
    }

    @Test
    void aWholesaleSkuTakesFiveThousandUnitsWhileARetailSkuKeepsThePlatformWideLimit() {
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, BRICK, 5_000));
        CartResult.Refused cups = assertInstanceOf(CartResult.Refused.class, commerce.addToCart(BOB, CART, CUP, 100));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, cups.reason());
        assertTrue(cups.message().contains("at most 99 units of cup"), cups.message());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, CUP, 99));

        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(BOB, CART, "wholesale-1", Optional.empty()));

        // 5,000 x 12.00 = 60,000.00 and 99 x 15.00 = 1,485.00: 61,485.00 under one payment
        assertTrue(cny("61485.00").isEqualTo(placed.payment().total()), placed.payment().total().toString());
        assertEquals(15_000, inventory.available(BRICK));
        assertEquals(401, inventory.available(CUP));
    }

    @Test
    void theWholesaleSkusOwnMaximumIsTenThousand() {
        CartResult.Refused over = assertInstanceOf(CartResult.Refused.class, commerce.addToCart(BOB, CART, BRICK, 10_001));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, over.reason());
        assertTrue(over.message().contains("at most 10000 units of tea-brick"), over.message());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, BRICK, 10_000));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                commerce.addToCart(BOB, CART, BRICK, 1)).reason());
        assertEquals(10_000, units(BRICK));
    }

    @Test
    void anAddBelowTheMinimumOrderQuantityIsRefusedNotRaised() {
        CartResult.Refused refused = assertInstanceOf(CartResult.Refused.class, commerce.addToCart(BOB, CART, BRICK, 99));
        assertEquals(CartResult.Reason.BELOW_MINIMUM_QUANTITY, refused.reason());
        assertTrue(refused.message().contains("at least 100 units"), refused.message());
        assertTrue(commerce.cart(BOB, CART).isEmpty(), "nothing was added");

        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, BRICK, 100));
        assertEquals(CartResult.Reason.BELOW_MINIMUM_QUANTITY, assertInstanceOf(CartResult.Refused.class,
                commerce.changeQuantity(BOB, CART, BRICK, 99)).reason());
        assertEquals(100, units(BRICK));
        assertInstanceOf(CartResult.Updated.class, commerce.changeQuantity(BOB, CART, BRICK, 10_000));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                commerce.changeQuantity(BOB, CART, BRICK, 10_001)).reason());
        assertEquals(10_000, units(BRICK));
    }

    @Test
    void aSkuSoldInPacksOfTwelveTakesMultiplesOfTwelveUpToNinetySix() {
        CartResult.Refused thirty = assertInstanceOf(CartResult.Refused.class, commerce.addToCart(BOB, CART, GLASS, 30));
        assertEquals(CartResult.Reason.QUANTITY_STEP, thirty.reason());
        assertTrue(thirty.message().contains("multiples of 12") && thirty.message().contains("24 or 36"), thirty.message());
        assertEquals(CartResult.Reason.BELOW_MINIMUM_QUANTITY, assertInstanceOf(CartResult.Refused.class,
                commerce.addToCart(BOB, CART, GLASS, 6)).reason());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, GLASS, 24));
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, GLASS, 12));
        assertEquals(36, units(GLASS));
        // the platform-wide 99 rounded down to the step: 96; 36 + 72 = 108 is over it
        CartResult.Refused over = assertInstanceOf(CartResult.Refused.class, commerce.addToCart(BOB, CART, GLASS, 72));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, over.reason());
        assertTrue(over.message().contains("at most 96"), over.message());
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, GLASS, 60));
        assertEquals(96, units(GLASS));
        assertEquals(CartResult.Reason.QUANTITY_STEP, assertInstanceOf(CartResult.Refused.class,
                commerce.changeQuantity(BOB, CART, GLASS, 50)).reason());
        assertEquals(96, units(GLASS));
    }

    @Test
    void checkoutChecksEveryLineAgainstTheCatalogAsItIsThenAndReservesNothingWhenRefused() {
        commerce.addToCart(BOB, CART, BRICK, 5_000);
        commerce.addToCart(BOB, CART, CUP, 2);
        catalog.put(BRICK_SKU.withOrderQuantity(100, 1_000));

        CheckoutResult.Refused lowered = assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(BOB, CART, "late-1", Optional.empty()));
        assertEquals(CheckoutResult.Reason.QUANTITY_LIMIT, lowered.reason());
        assertTrue(lowered.message().contains("at most 1000 units of tea-brick"), lowered.message());

        catalog.put(BRICK_SKU.withOrderQuantity(6_000, 10_000));
        CheckoutResult.Refused raised = assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(BOB, CART, "late-2", Optional.empty()));
        assertEquals(CheckoutResult.Reason.QUANTITY_LIMIT, raised.reason());
        assertTrue(raised.message().contains("at least 6000 units"), raised.message());

        assertEquals(20_000, inventory.available(BRICK));
        assertEquals(500, inventory.available(CUP));
        assertEquals(5_000, units(BRICK));
        assertEquals(0, ordersOfBob());

        catalog.put(BRICK_SKU);
        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(BOB, CART, "late-3", Optional.empty()));
        assertEquals(15_000, inventory.available(BRICK));
    }

    @Test
    void aMergedGuestCartKeepsTheWholesaleUnits() {
        CartId guestCart = CartId.guest("g-1");
        Actor.Buyer guest = new Actor.Buyer(guestCart.ownerId());
        commerce.addToCart(guest, guestCart, BRICK, 5_000);
        commerce.addToCart(BOB, CART, BRICK, 200);
        commerce.addToCart(BOB, CART, CUP, 90);
        commerce.addToCart(guest, guestCart, CUP, 20);

        CartResult.Updated merged = assertInstanceOf(CartResult.Updated.class, commerce.mergeGuestCart(BOB, CART, guestCart));

        assertEquals(5_200, merged.cart().item(BRICK).orElseThrow().quantity());
        assertEquals(99, merged.cart().item(CUP).orElseThrow().quantity(), "the retail SKU is cut to the platform's 99");
        assertEquals(1, merged.notes().size(), merged.notes().toString());
    }

    @Test
    void hostileQuantitiesAreRefusedAndChangeNothing() {
        commerce.addToCart(BOB, CART, BRICK, 100);
        Cart before = commerce.cart(BOB, CART);
        for (long hostile : new long[] {Long.MAX_VALUE, CartLimits.MAX_UNITS + 1, 10_000 - 99}) {
            assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                    commerce.addToCart(BOB, CART, BRICK, hostile)).reason(), "add " + hostile);
        }
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                commerce.changeQuantity(BOB, CART, BRICK, Long.MAX_VALUE)).reason());
        for (long bad : new long[] {0, -1, -100, Long.MIN_VALUE}) {
            assertThrows(InvalidInputException.class, () -> commerce.addToCart(BOB, CART, BRICK, bad), "add " + bad);
            assertThrows(InvalidInputException.class, () -> commerce.changeQuantity(BOB, CART, BRICK, bad), "change " + bad);
        }
        assertEquals(before, commerce.cart(BOB, CART));
    }

    @Test
    void aMinimumAboveThePlatformMaximumWithoutAMaximumOfItsOwnIsRefusedWithTheFix() {
        catalog.put(Sku.of("crate", "tea-farm", "Tea crate", cny("80.00")).withOrderQuantity(OrderQuantity.atLeast(100)));
        CartResult.Refused refused = assertInstanceOf(CartResult.Refused.class,
                commerce.addToCart(BOB, CART, SkuId.of("crate"), 100));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, refused.reason());
        assertTrue(refused.message().contains("give it a maximum of its own"), refused.message());
    }

    @Test
    void aPlatformRangeInTheCartLimitsReplacesTheCatalogsOrderQuantity() {
        Commerce limited = commerce(CartLimits.DEFAULT.withSkuQuantities(BRICK, 1, 50));
        assertEquals(CartResult.Reason.QUANTITY_LIMIT, assertInstanceOf(CartResult.Refused.class,
                limited.addToCart(BOB, CART, BRICK, 60)).reason());
        assertInstanceOf(CartResult.Updated.class, limited.addToCart(BOB, CART, BRICK, 20));
    }

    @Test
    void invalidOrderQuantitiesAreTypedErrors() {
        assertThrows(InvalidInputException.class, () -> OrderQuantity.between(0, 10));
        assertThrows(InvalidInputException.class, () -> OrderQuantity.between(10, 9));
        assertThrows(InvalidInputException.class, () -> OrderQuantity.between(1, CartLimits.MAX_UNITS + 1));
        assertThrows(InvalidInputException.class, () -> OrderQuantity.atLeast(10).inMultiplesOf(12));
        assertThrows(InvalidInputException.class, () -> OrderQuantity.atLeast(12).inMultiplesOf(0));
        assertThrows(InvalidInputException.class, () -> new OrderQuantity(1, null, 1));
        assertThrows(InvalidInputException.class, () -> BRICK_SKU.withOrderQuantity(null));
        assertEquals(OrderQuantity.ANY, CUP_SKU.orderQuantity());
        assertEquals(new OrderQuantity(100, OptionalLong.of(10_000), 1), BRICK_SKU.orderQuantity());
    }
}
