package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPriceResult;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.CartPricingRequest;
import dev.mercato.core.cart.Destination;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.cart.SellerShipping;
import dev.mercato.core.cart.ShippingCharges;
import dev.mercato.core.cart.ShippingRates;
import dev.mercato.core.cart.ShippingRefusal;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.Dimensions;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.statistics.Statistics;
import org.javamoney.moneta.Money;

/**
 * For random carts, stock spread, destinations and shipping promotions: what pricing sees as a
 * seller's shipping is exactly the sum of the carrier's quotes for that seller's parcels, the
 * parcels carry every unit once, shipping promotions never take more than the quotes, and the
 * checkout charges the buyer goods + quotes - shipping discounts to the cent.
 */
class QuotedShippingProperties {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    static final Map<String, Address> WAREHOUSES = Map.of(
            "hz", new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Warehouse Road"),
            "sh", new Address("CN", "Shanghai", "Shanghai", "200000", "2 Dock Street"),
            "gz", new Address("CN", "Guangdong", "Guangzhou", "510000", "3 Port Road"));
    static final List<Address> DESTINATIONS = List.of(Address.of("CN", "Zhejiang", "Hangzhou"),
            Address.of("CN", "Zhejiang", "Ningbo"), Address.of("CN", "Shanghai", "Shanghai"),
            Address.of("CN", "Beijing", "Beijing"), Address.of("CN", "Xinjiang", "Urumqi"),
            Address.of("US", "California", "San Francisco"));
    static final long MAX_PARCEL_GRAMS = 50_000;

    /** One cart line: a SKU with its seller, weight, size, quantity and stock per warehouse. */
    record Item(int seller, long grams, Dimensions size, long listYuan, long quantity, Map<String, Long> stock) {}

    /** A random cart with its destination, service, clock and promotions. */
    record Scenario(List<Item> items, Address destination, ServiceLevel service, long minutesAfterMidnightUtc,
            long freeShippingYuan, long couponYuan) {}

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Map<String, Long>> stock = Combinators.combine(Arbitraries.longs().between(0, 30).withDistribution(RandomDistribution.uniform()),
                Arbitraries.longs().between(0, 30).withDistribution(RandomDistribution.uniform()), Arbitraries.longs().between(0, 30).withDistribution(RandomDistribution.uniform()), Arbitraries.integers().between(1, 7))
                .as((hz, sh, gz, carrying) -> {
                    // Which warehouses carry the SKU (at least one), each with 0 to 30 units.
                    Map<String, Long> levels = new LinkedHashMap<>();
                    if ((carrying & 1) != 0) {
                        levels.put("hz", hz);
                    }
                    if ((carrying & 2) != 0) {
                        levels.put("sh", sh);
                    }
                    if ((carrying & 4) != 0) {
                        levels.put("gz", gz);
                    }
                    return levels;
                }).withoutEdgeCases(); // an out-of-stock edge case in every other cart would hide the checkout
        Arbitrary<Dimensions> sizes = Combinators.combine(Arbitraries.longs().between(0, 400),
                Arbitraries.longs().between(0, 400), Arbitraries.longs().between(0, 400)).as(Dimensions::new);
        Arbitrary<Item> items = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 14_000), sizes, Arbitraries.longs().between(1, 200),
                Arbitraries.longs().between(1, 4), stock).as(Item::new);
        return Combinators.combine(items.list().ofMinSize(1).ofMaxSize(6), Arbitraries.of(DESTINATIONS),
                Arbitraries.of(ServiceLevel.STANDARD, ServiceLevel.EXPRESS), Arbitraries.longs().between(0, 1439),
                Arbitraries.longs().between(0, 600), Arbitraries.longs().between(1, 40)).as(Scenario::new);
    }

    @Property(tries = 150)
    void pricingSeesExactlyTheCarriersQuotesAndPromotionsNeverExceedThem(@ForAll("scenarios") Scenario scenario) {
        TestClock clock = new TestClock(Instant.parse("2026-11-20T00:00:00Z")
                .plus(Duration.ofMinutes(scenario.minutesAfterMidnightUtc())));
        SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("quoted-shipping-property-secret"), clock);
        InMemoryCatalog catalog = Catalog.inMemory();
        InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.nearest(
                WarehouseChoice.RegionDistance.sameRegionFirst()));
        Map<WarehouseId, Address> origins = new LinkedHashMap<>();
        WAREHOUSES.forEach((id, address) -> {
            inventory.addWarehouse(Warehouse.of(id, address.region()));
            origins.put(new WarehouseId(id), address);
        });
        for (int i = 0; i < scenario.items().size(); i++) {
            Item item = scenario.items().get(i);
            SkuId sku = SkuId.of("sku-" + i);
            catalog.put(Sku.of(sku.value(), "seller-" + item.seller(), "Item " + i, Money.of(item.listYuan(), "CNY"))
                    .withPhysical(item.grams(), item.size()));
            item.stock().forEach((warehouse, units) -> inventory.setStock(new WarehouseId(warehouse), sku, units, 0));
        }
        String promotions = """
                {"currency": "CNY", "promotions": [
                  {"kind": "free-shipping", "id": "free-over", "threshold": %d},
                  {"kind": "shipping-coupon", "id": "ship-off", "maxOff": %d}]}"""
                .formatted(scenario.freeShippingYuan(), scenario.couponYuan());
        CartPricing engine = CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(promotions)),
                buyer -> BuyerContext.anonymous().withCoupons("ship-off"));
        AtomicReference<CartPricingRequest> seen = new AtomicReference<>();
        ShippingRates rates = ShippingRates.quoted(carrier, scenario.service(), inventory, origins);
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory).carrier(carrier)
                .shippingRates(rates).pricing(request -> {
                    seen.set(request);
                    return engine.price(request);
                }).build();
        for (int i = 0; i < scenario.items().size(); i++) {
            commerce.addToCart(ANN, CART, SkuId.of("sku-" + i), scenario.items().get(i).quantity());
        }
        Destination destination = Destination.of(scenario.destination());

        CartPriceResult result = commerce.priceCart(ANN, CART, destination);
        Map<String, Long> gramsBySeller = new LinkedHashMap<>();
        for (int i = 0; i < scenario.items().size(); i++) {
            Item item = scenario.items().get(i);
            if (item.grams() > 0 || !item.size().equals(Dimensions.NONE)) {
                gramsBySeller.merge("seller-" + item.seller(), item.grams() * item.quantity(), Long::sum);
            }
        }
        boolean light = gramsBySeller.values().stream().allMatch(g -> g <= MAX_PARCEL_GRAMS);
        if (scenario.destination().countryCode().equals("CN") && light) {
            // Inside China, standard and express are offered everywhere, and no generated box exceeds 1.5 m.
            assertInstanceOf(CartPriceResult.Priced.class, result);
        }
        Statistics.label("outcome").collect(result instanceof CartPriceResult.Unshippable u
                ? u.refusal().reason().name() : result.getClass().getSimpleName());
        if (result instanceof CartPriceResult.Unshippable unshippable) {
            ShippingRefusal.Reason reason = unshippable.refusal().reason();
            if (!scenario.destination().countryCode().equals("CN")
                    && reason != ShippingRefusal.Reason.PARCEL_TOO_HEAVY) {
                // Abroad every route is refused, unless the first parcel quoted is already too heavy.
                assertEquals(ShippingRefusal.Reason.ROUTE_NOT_SERVED, reason);
            } else {
                // Only a parcel over the sandbox's 50 kg is refused inside China (every service is offered
                // nationally except same day, which is not generated).
                assertEquals(ShippingRefusal.Reason.PARCEL_TOO_HEAVY, reason, unshippable.toString());
                assertTrue(gramsBySeller.get(unshippable.refusal().sellerId()) > MAX_PARCEL_GRAMS);
            }
            assertEquals(null, seen.get(), "pricing must not run for a cart that cannot ship");
            assertInstanceOf(CheckoutResult.Unshippable.class, commerce.checkout(ANN, CART, "k", destination));
            assertTrue(commerce.ordersOfBuyer(ANN, "ann").isEmpty());
            return;
        }
        assertTrue(scenario.destination().countryCode().equals("CN") || gramsBySeller.isEmpty());
        PricedCart priced = assertInstanceOf(CartPriceResult.Priced.class, result).cart();
        CartPricingRequest request = seen.get();
        ShippingCharges.Charged charged = assertInstanceOf(ShippingCharges.Charged.class, rates.charges(request));

        long goods = 0;
        long quotedTotal = 0;
        long chargedTotal = 0;
        long freeSellersQuotes = 0;
        long otherSellersQuotes = 0;
        for (String seller : priced.sellers()) {
            long sellerGoods = priced.linesOf(seller).stream().mapToLong(l -> MinorUnits.toMinor(l.payable())).sum();
            goods += sellerGoods;
            long quoted = 0;
            SellerShipping shipping = charged.bySeller().get(seller);
            if (shipping == null) {
                assertTrue(!gramsBySeller.containsKey(seller), seller + " has goods to ship but no charge");
            } else {
                long parcelGrams = 0;
                Optional<DeliveryPromise> slowest = Optional.empty();
                for (SellerShipping.ParcelQuote parcel : shipping.parcels()) {
                    // Each parcel is quoted from its warehouse's address to the destination, in the cart currency,
                    // and its quote is exactly what the carrier answers for that request.
                    assertEquals(origins.get(parcel.warehouse()), parcel.request().origin());
                    assertEquals(scenario.destination(), parcel.request().destination());
                    Quote again = ((QuoteOutcome.Quoted) carrier.quote(parcel.request())).forService(scenario.service())
                            .orElseThrow();
                    assertEquals(again, parcel.quote());
                    quoted += MinorUnits.toMinor(again.total(), request.currency());
                    parcelGrams += parcel.request().parcel().weightGrams();
                    if (slowest.isEmpty() || again.promise().deadline().isAfter(slowest.get().deadline())) {
                        slowest = Optional.of(again.promise());
                    }
                }
                // Every unit travels in exactly one parcel (the standard packing weighs at least 200 g a parcel).
                assertTrue(parcelGrams >= gramsBySeller.get(seller)
                        && parcelGrams <= gramsBySeller.get(seller) + 200L * shipping.parcels().size(), shipping.toString());
                assertEquals(slowest, priced.deliveryOf(seller));
                // What pricing saw for the seller is the sum of its parcel quotes, to the minor unit.
                assertEquals(quoted, MinorUnits.toMinor(request.shipping().get(seller), request.currency()));
            }
            long paid = MinorUnits.toMinor(priced.shippingOf(seller), request.currency());
            assertTrue(paid >= 0 && paid <= quoted, "shipping discount exceeds the quote for " + seller);
            if (sellerGoods >= scenario.freeShippingYuan() * 100) {
                assertEquals(0, paid, seller + " reached the free-shipping threshold");
                freeSellersQuotes += quoted;
            } else {
                otherSellersQuotes += quoted;
            }
            quotedTotal += quoted;
            chargedTotal += paid;
        }
        long shippingDiscounts = quotedTotal - chargedTotal;
        // The coupon takes at most its cap beyond what free shipping waives.
        assertTrue(shippingDiscounts <= freeSellersQuotes + scenario.couponYuan() * 100);
        assertTrue(chargedTotal >= otherSellersQuotes - scenario.couponYuan() * 100);
        assertEquals(goods + quotedTotal - shippingDiscounts, MinorUnits.toMinor(priced.total()));

        boolean inStock = scenario.items().stream()
                .allMatch(i -> i.stock().values().stream().mapToLong(Long::longValue).sum() >= i.quantity());
        CheckoutResult checkout = commerce.checkout(ANN, CART, "k", destination);
        Statistics.label("checkout").collect(checkout.getClass().getSimpleName());
        Statistics.label("parcels").collect(charged.bySeller().values().stream().mapToInt(p -> p.parcels().size()).max()
                .orElse(0));
        if (!inStock) {
            assertTrue(assertInstanceOf(CheckoutResult.Refused.class, checkout).reason() == CheckoutResult.Reason.OUT_OF_STOCK,
                    checkout.toString());
            return;
        }
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class, checkout);
        assertEquals(MinorUnits.toMinor(priced.total()), MinorUnits.toMinor(placed.payment().total()));
        List<String> sellers = new ArrayList<>();
        for (Order.AwaitingPayment order : placed.orders()) {
            String seller = order.facts().sellerId();
            sellers.add(seller);
            assertEquals(priced.deliveryOf(seller), order.facts().deliveryPromise());
            assertEquals(Optional.of(scenario.destination()), order.facts().destination());
            assertEquals(MinorUnits.toMinor(priced.shippingOf(seller)),
                    MinorUnits.toMinor(order.facts().snapshot().shipping()));
        }
        assertEquals(priced.sellers(), sellers);
    }
}
