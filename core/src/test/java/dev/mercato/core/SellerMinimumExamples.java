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
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.cart.SellerMinimumCurrencyException;
import dev.mercato.core.cart.SellerMinimumShortfall;
import dev.mercato.core.cart.ShippingRates;
import dev.mercato.core.catalog.Catalog;
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
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * A seller's minimum order amount (docs/core.md, "Order quantities and minimums"): compared with
 * the seller's line payables after discounts, before shipping; listed on the priced cart, never
 * refusing an add; refusing checkout with the seller, the minimum and the amount.
 */
class SellerMinimumExamples {
    static final Actor.Buyer BOB = new Actor.Buyer("bob");
    static final CartId CART = CartId.of("bob");
    static final SkuId TEAPOT = SkuId.of("teapot");
    static final SkuId CUP = SkuId.of("cup");
    static final SkuId MUG = SkuId.of("mug");
    static final SkuId TEA = SkuId.of("tea");
    static final WarehouseId EAST = new WarehouseId("east");
    /** The kiln's spend-300-save-30, on its own goods. */
    static final String PROMOTIONS = """
            {"currency": "CNY", "promotions": [
              {"kind": "threshold-reduction", "id": "kiln-300-30", "scope": {"sellers": ["kiln"]},
               "reach": "per-shop", "tiers": [{"threshold": 300, "off": 30}]}
            ]}""";

    final Storage storage = InMemoryStorage.create();
    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.best())
            .addWarehouse(Warehouse.of("east", "jingdezhen"))
            .setStock(EAST, TEAPOT, 10, 0).setStock(EAST, CUP, 10, 0).setStock(EAST, MUG, 10, 0).setStock(EAST, TEA, 10, 0);

    Commerce.Builder builder() {
        return Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z"))).storage(storage)
                .catalog(Catalog.inMemory()
                        .put(Sku.of("teapot", "kiln", "Yixing teapot", cny("499.99")))
                        .put(Sku.of("cup", "kiln", "Cup", cny("30.00")))
                        .put(Sku.of("mug", "kiln", "Mug", cny("30.01")))
                        .put(Sku.of("tea", "tea-shop", "Green tea", cny("5.00"))))
                .inventory(inventory)
                .shippingRates(ShippingRates.flatPerSeller(cny("8.00")))
                .pricing(CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(PROMOTIONS)),
                        buyer -> BuyerContext.anonymous()));
    }

    Commerce commerce(Function<String, Optional<MonetaryAmount>> minimums) {
        return builder().sellerMinimums(minimums).build();
    }

    static Optional<MonetaryAmount> kilnFrom500(String seller) {
        return seller.equals("kiln") ? Optional.of(cny("500.00")) : Optional.empty();
    }

    int ordersOfBob() {
        return storage.inTransaction(uow -> uow.repository(Orders.TYPE).findBy(Orders.BY_BUYER, "bob")).size();
    }

    @Test
    void ninetyNineCentsShortAfterTheDiscountIsListedAtTheCartAndRefusedAtCheckout() {
        Commerce commerce = commerce(SellerMinimumExamples::kilnFrom500);
        // every add is taken, though the kiln is below its minimum after each
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, TEAPOT, 1));
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, CUP, 1));
        assertInstanceOf(CartResult.Updated.class, commerce.addToCart(BOB, CART, TEA, 1));

        // kiln: 499.99 + 30.00 = 529.99 before discounts, minus 30.00 = 499.99; its 8.00 shipping
        // (which would lift it to 507.99) does not count, nor does the tea shop's 5.00
        CartPriceResult.Priced priced = assertInstanceOf(CartPriceResult.Priced.class, commerce.priceCart(BOB, CART));
        SellerMinimumShortfall kiln = new SellerMinimumShortfall("kiln", cny("500.00"), cny("499.99"));
        assertEquals(List.of(kiln), priced.belowSellerMinimum());
        assertTrue(cny("0.01").isEqualTo(kiln.missing()));
        assertTrue(cny("520.99").isEqualTo(priced.cart().total()), priced.cart().total().toString());

        Cart before = commerce.cart(BOB, CART);
        CheckoutResult.Refused refused = assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(BOB, CART, "k-1", Optional.empty()));

        assertEquals(CheckoutResult.Reason.BELOW_SELLER_MINIMUM, refused.reason());
        assertEquals(List.of(kiln), refused.belowSellerMinimum());
        assertTrue(refused.message().contains("seller kiln takes orders from CNY 500.00")
                && refused.message().contains("CNY 499.99") && refused.message().contains("CNY 0.01 short"),
                refused.message());
        assertEquals(before, commerce.cart(BOB, CART));
        assertEquals(10, inventory.available(TEAPOT));
        assertEquals(10, inventory.available(TEA));
        assertEquals(0, ordersOfBob());
    }

    @Test
    void exactlyTheMinimumAfterTheDiscountIsAccepted() {
        Commerce commerce = commerce(SellerMinimumExamples::kilnFrom500);
        commerce.addToCart(BOB, CART, TEAPOT, 1);
        commerce.addToCart(BOB, CART, MUG, 1);

        // 499.99 + 30.01 = 530.00, minus 30.00 = 500.00: the minimum exactly
        CartPriceResult.Priced priced = assertInstanceOf(CartPriceResult.Priced.class, commerce.priceCart(BOB, CART));
        assertEquals(List.of(), priced.belowSellerMinimum());

        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(BOB, CART, "k-2", Optional.empty()));
        assertTrue(cny("508.00").isEqualTo(placed.payment().total()), placed.payment().total().toString());
        assertEquals(9, inventory.available(TEAPOT));
    }

    @Test
    void theCartLimitsMinimumsAreTheDefault() {
        Commerce commerce = builder().cartLimits(CartLimits.DEFAULT.withSellerMinimum("kiln", cny("500.00"))).build();
        commerce.addToCart(BOB, CART, TEAPOT, 1);
        commerce.addToCart(BOB, CART, CUP, 1);
        assertEquals(CheckoutResult.Reason.BELOW_SELLER_MINIMUM, assertInstanceOf(CheckoutResult.Refused.class,
                commerce.checkout(BOB, CART, "k-3", Optional.empty())).reason());
    }

    @Test
    void aMinimumInAnotherCurrencyIsAConfigurationErrorAndChangesNothing() {
        Commerce commerce = commerce(seller -> Optional.of(Money.of(70, "USD")));
        commerce.addToCart(BOB, CART, TEAPOT, 1);

        SellerMinimumCurrencyException priceError = assertThrows(SellerMinimumCurrencyException.class,
                () -> commerce.priceCart(BOB, CART));
        assertEquals("kiln", priceError.sellerId());
        assertEquals("USD", priceError.minimumCurrency());
        assertEquals("CNY", priceError.cartCurrency());
        assertThrows(SellerMinimumCurrencyException.class, () -> commerce.checkout(BOB, CART, "k-4", Optional.empty()));
        assertEquals(1, commerce.cart(BOB, CART).item(TEAPOT).orElseThrow().quantity());
        assertEquals(10, inventory.available(TEAPOT));
        assertEquals(0, ordersOfBob());
    }

    @Test
    void badMinimumsAreTypedErrors() {
        Commerce zero = commerce(seller -> Optional.of(cny("0.00")));
        zero.addToCart(BOB, CART, TEAPOT, 1);
        assertThrows(InvalidInputException.class, () -> zero.checkout(BOB, CART, "k-5", Optional.empty()));
        assertThrows(InvalidInputException.class, () -> builder().sellerMinimums(SellerMinimumExamples::kilnFrom500)
                .cartLimits(CartLimits.DEFAULT.withSellerMinimum("kiln", cny("1.00"))).build());
        assertThrows(InvalidInputException.class, () -> new CheckoutResult.Refused(
                CheckoutResult.Reason.BELOW_SELLER_MINIMUM, "no sellers named"));
        assertThrows(dev.mercato.pricing.money.InvalidAmountException.class,
                () -> new SellerMinimumShortfall("kiln", cny("500.00"), cny("500.00")));
    }
}
