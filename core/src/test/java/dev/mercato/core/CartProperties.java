package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.Cart;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartItem;
import dev.mercato.core.cart.CartLimits;
import dev.mercato.core.cart.CartResult;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.InactiveSkuException;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.catalog.UnknownSkuException;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.javamoney.moneta.Money;

/**
 * A state model of the cart through the facade: random adds, quantity changes and removals
 * (including bad input and another buyer's attempts) against a plain map model, with the cart's
 * invariants checked after every step.
 */
class CartProperties {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final long MAX_PER_SKU = 5;
    static final int MAX_LINES = 2;
    static final long FLASH_CAP = 2;
    static final String[] SKUS = {"tea", "cup", "flash", "usd-mug", "old", "nope"};

    /** The facade under test and the model of what the cart should hold. */
    static final class Model {
        final Commerce commerce;
        final Map<SkuId, Long> expected = new LinkedHashMap<>();
        String currency = "";

        Model() {
            InMemoryCatalog catalog = Catalog.inMemory();
            catalog.put(Sku.of("tea", "tea-shop", "Tea", Money.of(25, "CNY")));
            catalog.put(Sku.of("cup", "cup-shop", "Cup", Money.of(12, "CNY")));
            catalog.put(Sku.of("flash", "tea-shop", "Flash tea", Money.of(9, "CNY")));
            catalog.put(Sku.of("usd-mug", "cup-shop", "Mug", Money.of(3, "USD")));
            catalog.put(Sku.of("old", "tea-shop", "Old", Money.of(5, "CNY")).withActive(false));
            commerce = Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z"))).catalog(catalog)
                    .cartLimits(new CartLimits(MAX_PER_SKU, MAX_LINES, Map.of(SkuId.of("flash"), FLASH_CAP))).build();
        }

        Cart cart() {
            return commerce.cart(ANN, CART);
        }

        @Override
        public String toString() {
            return expected.toString();
        }
    }

    @Property
    void everyCartStepKeepsTheCartConsistent(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("cart invariants", CartProperties::checkInvariants).run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(4, new Add())
                .withAction(2, new ChangeQuantity())
                .withAction(new Remove())
                .withAction(new Intrude())
                .withMaxTransformations(30);
    }

    static void checkInvariants(Model model) {
        Cart cart = model.cart();
        Map<SkuId, Long> actual = new LinkedHashMap<>();
        for (CartItem item : cart.items()) {
            actual.put(item.sku(), item.quantity());
            assertTrue(item.quantity() >= 1 && item.quantity() <= MAX_PER_SKU, "quantity within limits: " + item);
        }
        assertEquals(model.expected, actual, "cart matches the model");
        assertTrue(cart.items().size() <= MAX_LINES, "line limit");
        assertTrue(cart.item(SkuId.of("flash")).map(CartItem::quantity).orElse(0L) <= FLASH_CAP, "flash cap");
        assertEquals(!cart.isEmpty(), cart.currency().isPresent(), "a currency exactly when not empty");
        cart.currency().ifPresent(c -> assertEquals(model.currency, c.getCurrencyCode()));
    }

    static Arbitrary<String> skus() {
        return Arbitraries.of(SKUS);
    }

    static Arbitrary<Long> quantities() {
        return Arbitraries.longs().between(-2, 7);
    }

    /** What the model says an add should do. */
    static final class Add implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(skus(), quantities()).as((sku, qty) -> Transformer.mutate("add " + sku + " x" + qty, m -> {
                SkuId id = SkuId.of(sku);
                Cart before = m.cart();
                String skuCurrency = sku.equals("usd-mug") ? "USD" : "CNY";
                long total = m.expected.getOrDefault(id, 0L) + qty;
                if (qty <= 0) {
                    assertThrows(InvalidInputException.class, () -> m.commerce.addToCart(ANN, CART, id, qty));
                } else if (sku.equals("nope")) {
                    assertThrows(UnknownSkuException.class, () -> m.commerce.addToCart(ANN, CART, id, qty));
                } else if (sku.equals("old")) {
                    assertThrows(InactiveSkuException.class, () -> m.commerce.addToCart(ANN, CART, id, qty));
                } else if (!m.expected.isEmpty() && !m.currency.equals(skuCurrency)) {
                    assertThrows(CurrencyMismatchException.class, () -> m.commerce.addToCart(ANN, CART, id, qty));
                } else if ((!m.expected.containsKey(id) && m.expected.size() >= MAX_LINES) || total > MAX_PER_SKU
                        || (sku.equals("flash") && total > FLASH_CAP)) {
                    assertInstanceOf(CartResult.Refused.class, m.commerce.addToCart(ANN, CART, id, qty));
                } else {
                    assertInstanceOf(CartResult.Updated.class, m.commerce.addToCart(ANN, CART, id, qty));
                    m.expected.put(id, total);
                    m.currency = skuCurrency;
                    return;
                }
                assertEquals(before, m.cart(), "a refused or failed add changes nothing");
            }));
        }
    }

    static final class ChangeQuantity implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(skus(), quantities()).as((sku, qty) -> Transformer.mutate("set " + sku + " x" + qty, m -> {
                SkuId id = SkuId.of(sku);
                Cart before = m.cart();
                if (qty <= 0) {
                    assertThrows(InvalidInputException.class, () -> m.commerce.changeQuantity(ANN, CART, id, qty));
                } else if (!m.expected.containsKey(id) || qty > MAX_PER_SKU || (sku.equals("flash") && qty > FLASH_CAP)) {
                    assertInstanceOf(CartResult.Refused.class, m.commerce.changeQuantity(ANN, CART, id, qty));
                } else {
                    assertInstanceOf(CartResult.Updated.class, m.commerce.changeQuantity(ANN, CART, id, qty));
                    m.expected.put(id, qty);
                    return;
                }
                assertEquals(before, m.cart(), "a refused or failed change changes nothing");
            }));
        }
    }

    static final class Remove implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return skus().map(sku -> Transformer.mutate("remove " + sku, m -> {
                SkuId id = SkuId.of(sku);
                if (m.expected.containsKey(id)) {
                    assertInstanceOf(CartResult.Updated.class, m.commerce.removeFromCart(ANN, CART, id));
                    m.expected.remove(id);
                } else {
                    Cart before = m.cart();
                    assertInstanceOf(CartResult.Refused.class, m.commerce.removeFromCart(ANN, CART, id));
                    assertEquals(before, m.cart());
                }
            }));
        }
    }

    /** Another buyer, or a seller, touches the cart: always refused, nothing changes. */
    static final class Intrude implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.<Actor>of(new Actor.Buyer("bob"), new Actor.Seller("tea-shop"))
                    .map(actor -> Transformer.mutate("intrusion by " + actor, m -> {
                        Cart before = m.cart();
                        assertThrows(NotPermittedException.class, () -> m.commerce.addToCart(actor, CART, SkuId.of("tea"), 1));
                        assertThrows(NotPermittedException.class,
                                () -> m.commerce.checkout(actor, CART, "k", Optional.empty()));
                        assertEquals(before, m.cart());
                    }));
        }
    }
}
