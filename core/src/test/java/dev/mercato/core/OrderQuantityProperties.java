package dev.mercato.core;

import static dev.mercato.core.GuaranteedTransactionExamples.cny;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Order quantities and seller minimums over generated SKU ranges, steps, minimums and hostile
 * quantities: an add is taken exactly when the units it leaves are within the SKU's order
 * quantity (checked against a plain model), a refused or thrown add leaves the cart as it was; a
 * checkout after the catalog changed is refused exactly when a line is outside the new range or
 * the seller's goods are below its minimum, and a refused checkout changes nothing (cart, stock,
 * orders).
 */
class OrderQuantityProperties {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final SkuId BOX = SkuId.of("box");
    static final WarehouseId EAST = new WarehouseId("east");
    static final long STOCK = 1_000_000;
    static final long PLATFORM_MAX = 99;
    /** CNY 2.50 per unit. */
    static final long UNIT_MINOR = 250;

    /** The units a range accepts, by the plain rule. */
    static boolean allowed(OrderQuantity q, long units) {
        long max = q.max().orElse(PLATFORM_MAX);
        max -= max % q.step();
        return units >= q.min() && units <= max && units % q.step() == 0;
    }

    @Property(tries = 200)
    void refusedAddsAndCheckoutsChangeNothing(@ForAll("ranges") OrderQuantity atAdd,
            @ForAll("ranges") OrderQuantity atCheckout, @ForAll("quantities") List<Long> adds,
            @ForAll("minimums") long minimumMinor) {
        Storage storage = InMemoryStorage.create();
        Sku box = Sku.of("box", "boxes", "Gift box", cny("2.50"));
        InMemoryCatalog catalog = Catalog.inMemory().put(box.withOrderQuantity(atAdd));
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                .setStock(EAST, BOX, STOCK, 0);
        Commerce commerce = Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z")))
                .storage(storage).catalog(catalog).inventory(inventory)
                .cartLimits(new CartLimits(PLATFORM_MAX, 10, java.util.Map.of()))
                .sellerMinimums(seller -> Optional.of(dev.mercato.pricing.money.MinorUnits.toAmount(minimumMinor,
                        javax.money.Monetary.getCurrency("CNY"))))
                .build();

        long model = 0;
        for (long quantity : adds) {
            Cart before = commerce.cart(ANN, CART);
            boolean taken;
            try {
                CartResult result = commerce.addToCart(ANN, CART, BOX, quantity);
                taken = result instanceof CartResult.Updated;
            } catch (InvalidInputException bad) {
                assertTrue(quantity <= 0, "only a non-positive quantity throws: " + quantity);
                taken = false;
            }
            boolean expected = quantity > 0 && quantity <= CartLimits.MAX_UNITS && allowed(atAdd, model + quantity);
            assertEquals(expected, taken, "add " + quantity + " to " + model + " within " + atAdd);
            if (taken) {
                model += quantity;
            } else {
                assertEquals(before, commerce.cart(ANN, CART), "a refused add changes nothing");
            }
            assertEquals(model, commerce.cart(ANN, CART).item(BOX).map(i -> i.quantity()).orElse(0L));
        }

        catalog.put(box.withOrderQuantity(atCheckout));
        Cart before = commerce.cart(ANN, CART);
        CheckoutResult result = commerce.checkout(ANN, CART, "k", Optional.empty());
        int orders = storage.inTransaction(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, "ann")).size();
        if (model == 0) {
            assertEquals(CheckoutResult.Reason.EMPTY_CART, ((CheckoutResult.Refused) result).reason());
        } else if (!allowed(atCheckout, model)) {
            assertEquals(CheckoutResult.Reason.QUANTITY_LIMIT, ((CheckoutResult.Refused) result).reason(),
                    result.toString());
        } else if (model * UNIT_MINOR < minimumMinor) {
            CheckoutResult.Refused refused = (CheckoutResult.Refused) result;
            assertEquals(CheckoutResult.Reason.BELOW_SELLER_MINIMUM, refused.reason());
            assertEquals(minimumMinor - model * UNIT_MINOR,
                    dev.mercato.pricing.money.MinorUnits.toMinor(refused.belowSellerMinimum().get(0).missing()));
        } else {
            assertTrue(result instanceof CheckoutResult.Placed, result.toString());
            assertEquals(STOCK - model, inventory.available(BOX));
            assertEquals(1, orders);
            return;
        }
        assertEquals(before, commerce.cart(ANN, CART), "a refused checkout keeps the cart");
        assertEquals(STOCK, inventory.available(BOX), "a refused checkout reserves nothing");
        assertEquals(0, orders, "a refused checkout places no order");
    }

    @Provide
    Arbitrary<OrderQuantity> ranges() {
        Arbitrary<Long> steps = Arbitraries.of(1L, 1L, 2L, 6L, 12L);
        return Combinators.combine(steps, Arbitraries.longs().between(1, 20), Arbitraries.longs().between(0, 300),
                Arbitraries.of(true, false)).as((step, packs, extra, ownMax) -> {
                    long min = step * packs;
                    return new OrderQuantity(min, ownMax ? OptionalLong.of(min + extra) : OptionalLong.empty(), step);
                });
    }

    @Provide
    Arbitrary<List<Long>> quantities() {
        Arbitrary<Long> hostile = Arbitraries.of(0L, -1L, -12L, Long.MIN_VALUE, Long.MAX_VALUE, CartLimits.MAX_UNITS + 1,
                CartLimits.MAX_UNITS);
        Arbitrary<Long> plausible = Arbitraries.longs().between(1, 150);
        Arbitrary<Long> packs = Arbitraries.longs().between(1, 12).map(n -> n * 12);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(1, hostile), net.jqwik.api.Tuple.of(4, plausible),
                net.jqwik.api.Tuple.of(3, packs)).list().ofMinSize(0).ofMaxSize(6);
    }

    @Provide
    Arbitrary<Long> minimums() {
        // CNY 0.01 .. 800.00, around what 1 to 320 boxes cost
        return Arbitraries.longs().between(1, 80_000);
    }
}
