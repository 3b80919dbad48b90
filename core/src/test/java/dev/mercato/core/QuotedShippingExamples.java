package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.fulfilment.CarrierDispatch;
import dev.mercato.core.fulfilment.DispatchResult;
import dev.mercato.core.inventory.InMemoryInventory;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.order.Order;
import dev.mercato.core.storage.IdempotencyKeyReusedException;
import dev.mercato.logistics.Address;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.ChargeKind;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteLine;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.payments.PaymentSource;
import dev.mercato.logistics.sandbox.SandboxCarrier;
import dev.mercato.logistics.sandbox.SandboxConfig;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.CurrencyMismatchException;
import dev.mercato.pricing.money.InvalidAmountException;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/** Carrier quotes as the shipping charges that pricing and checkout see. */
class QuotedShippingExamples {
    static final Actor.Buyer ANN = new Actor.Buyer("ann");
    static final CartId CART = CartId.of("ann");
    /** 10:00 in Shanghai: before the sandbox's 16:00 dispatch cut-off. */
    static final Instant T0 = Instant.parse("2026-11-20T02:00:00Z");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Address HANGZHOU_WAREHOUSE = new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Warehouse Road");
    static final Address SHANGHAI_WAREHOUSE = new Address("CN", "Shanghai", "Shanghai", "200000", "2 Dock Street");
    static final Destination BEIJING = Destination.of(new Address("CN", "Beijing", "Beijing", "100000", "3 Hutong"));
    static final Destination HANGZHOU = Destination.of(Address.of("CN", "Zhejiang", "Hangzhou"));
    static final Destination NEW_YORK = Destination.of(Address.of("US", "New York", "New York"));
    static final Map<WarehouseId, Address> ORIGINS = Map.of(new WarehouseId("hz"), HANGZHOU_WAREHOUSE,
            new WarehouseId("sh"), SHANGHAI_WAREHOUSE);

    final TestClock clock = new TestClock(T0);
    final SandboxCarrier carrier = SandboxCarrier.create(SandboxConfig.defaults("quoted-shipping-test-secret"), clock);
    final InMemoryInventory inventory = Inventory.inMemory(WarehouseChoice.nearest(
            WarehouseChoice.RegionDistance.sameRegionFirst()))
            .addWarehouse(Warehouse.of("hz", "Zhejiang")).addWarehouse(Warehouse.of("sh", "Shanghai"))
            .setStock(new WarehouseId("hz"), SkuId.of("tea"), 2, 0)
            .setStock(new WarehouseId("sh"), SkuId.of("tea"), 10, 0)
            .setStock(new WarehouseId("hz"), SkuId.of("teapot"), 5, 0)
            .setStock(new WarehouseId("sh"), SkuId.of("cup"), 20, 0)
            .setStock(new WarehouseId("sh"), SkuId.of("anvil"), 3, 0)
            .setStock(new WarehouseId("hz"), SkuId.of("ebook"), 1000, 0);
    final InMemoryCatalog catalog = Catalog.inMemory()
            .put(Sku.of("tea", "tea-shop", "Green tea", cny("30")).withPhysical(250, new Dimensions(200, 100, 80)))
            .put(Sku.of("teapot", "tea-shop", "Clay teapot", cny("120")).withPhysical(1200, new Dimensions(250, 200, 150)))
            .put(Sku.of("ebook", "tea-shop", "Tea e-book", cny("9")))
            .put(Sku.of("cup", "cup-shop", "Tea cup", cny("12.50")).withPhysical(400, new Dimensions(120, 120, 100)))
            .put(Sku.of("anvil", "cup-shop", "Cast-iron kettle stand", cny("50"))
                    .withPhysical(60_000, new Dimensions(300, 300, 300)));

    static Money cny(String amount) {
        return Money.of(new BigDecimal(amount), "CNY");
    }

    Commerce commerce(ServiceLevel service, CartPricing pricing) {
        return commerce(ShippingRates.quoted(carrier, service, inventory, ORIGINS), pricing);
    }

    Commerce commerce(ShippingRates rates, CartPricing pricing) {
        return Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory).carrier(carrier)
                .shippingRates(rates).pricing(pricing).build();
    }

    Commerce standard() {
        return commerce(ServiceLevel.STANDARD, CartPricing.listPrices());
    }

    static void assertAmount(javax.money.MonetaryAmount expected, javax.money.MonetaryAmount actual) {
        assertTrue(expected.isEqualTo(actual), "expected " + expected + " but was " + actual);
    }

    static PricedCart priced(CartPriceResult result) {
        return assertInstanceOf(CartPriceResult.Priced.class, result, result.toString()).cart();
    }

    static CartPricing engine(String promotions, BuyerContext buyer) {
        return CartPricing.engine(PricingEngine.of(PromotionJson.standard().read(promotions)), id -> buyer);
    }

    @Test
    void aSellersShippingIsExactlyTheCarriersQuoteWithItsDeliveryPromise() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        PricedCart priced = priced(commerce.priceCart(ANN, CART, BEIJING));
        // 400 g in the standard packing's 300 x 200 x 100 mm box (volumetric 1,000 g) from Shanghai to
        // Beijing, national standard: the first kilogram, CNY 12.00.
        assertAmount(cny("12.00"), priced.shippingOf("cup-shop"));
        assertAmount(cny("24.50"), priced.total());
        // Ordered before the 16:00 dispatch cut-off: leaves today, 3 to 5 days in transit.
        assertEquals(DeliveryPromise.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 25), SHANGHAI),
                priced.deliveryOf("cup-shop").orElseThrow());
        assertTrue(priced.explanation().contains("shipping from cup-shop quoted by sandbox STANDARD: CNY 12.00 for"
                + " 1 parcel (from sh, 400 g, chargeable 1000 g: CNY 12.00); delivery between 2026-11-23 and 2026-11-25"),
                priced.explanation().toString());
    }

    @Test
    void unitsFromTwoWarehousesShipAsTwoParcelsAndTheSellerPaysBothQuotes() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 3);
        PricedCart priced = priced(commerce.priceCart(ANN, CART, HANGZHOU));
        // Nearest first: two teas from Hangzhou (same city, CNY 8.00), the third from Shanghai (national, CNY 12.00).
        assertAmount(cny("20.00"), priced.shippingOf("tea-shop"));
        ShippingCharges.Charged charged = assertInstanceOf(ShippingCharges.Charged.class,
                ShippingRates.quoted(carrier, ServiceLevel.STANDARD, inventory, ORIGINS).charges(
                        new CartPricingRequest("ann", Money.of(0, "CNY").getCurrency(), T0,
                                List.of(new CartPricingRequest.Line(1, catalog.find(SkuId.of("tea")).orElseThrow(), 3)))
                                .withDestination(HANGZHOU)));
        SellerShipping shipping = charged.bySeller().get("tea-shop");
        assertEquals(List.of("hz", "sh"), shipping.parcels().stream().map(p -> p.warehouse().value()).toList());
        // The standard packing weighs at least 200 g a parcel.
        assertEquals(List.of(500L, 250L), shipping.parcels().stream().map(p -> p.request().parcel().weightGrams()).toList());
        for (SellerShipping.ParcelQuote parcel : shipping.parcels()) {
            Quote again = ((QuoteOutcome.Quoted) carrier.quote(parcel.request())).forService(ServiceLevel.STANDARD)
                    .orElseThrow();
            assertEquals(again, parcel.quote());
        }
        // The seller's promise is its slowest parcel's: the national one.
        assertEquals(shipping.parcels().get(1).quote().promise(), priced.deliveryOf("tea-shop").orElseThrow());
    }

    @Test
    void aFreeShippingRuleZeroesTheRealQuoteOnceTheThresholdIsReached() {
        Commerce commerce = commerce(ServiceLevel.STANDARD, engine("""
                {"currency": "CNY", "promotions": [{"kind": "free-shipping", "id": "free-over-99", "threshold": 99}]}""",
                BuyerContext.anonymous()));
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 1);
        PricedCart below = priced(commerce.priceCart(ANN, CART, BEIJING));
        // One tea to Beijing (both warehouses are as far: the one with more stock, Shanghai): CNY 12.00,
        // charged in full below the threshold.
        assertAmount(cny("12.00"), below.shippingOf("tea-shop"));
        commerce.addToCart(ANN, CART, SkuId.of("teapot"), 1);
        PricedCart above = priced(commerce.priceCart(ANN, CART, BEIJING));
        // The teapot ships from Hangzhou in a 300 x 200 x 150 mm box (volumetric 1,500 g): CNY 12.00 + one
        // started kilogram at 6.00 = 18.00; both quotes (30.00) are waived.
        assertAmount(cny("0.00"), above.shippingOf("tea-shop"));
        assertAmount(cny("150.00"), above.total());
        assertTrue(above.explanation().contains("free-over-99 (free-shipping): applied CNY 30.00 - free shipping from CNY 99.00"),
                above.explanation().toString());
        assertTrue(above.explanation().stream().anyMatch(e -> e.startsWith("shipping from tea-shop") && e.contains(
                "CNY 30.00 for 2 parcels (from hz, 1200 g, chargeable 1500 g: CNY 18.00; from sh, 250 g, chargeable 1000 g:"
                + " CNY 12.00)")), above.explanation().toString());
    }

    @Test
    void aShippingCouponCappedBelowTheQuoteLeavesTheRestToPay() {
        Commerce commerce = commerce(ServiceLevel.STANDARD, engine("""
                {"currency": "CNY", "promotions": [{"kind": "shipping-coupon", "id": "ship-10", "maxOff": 10}]}""",
                BuyerContext.anonymous().withCoupons("ship-10")));
        commerce.addToCart(ANN, CART, SkuId.of("teapot"), 1);
        PricedCart priced = priced(commerce.priceCart(ANN, CART, BEIJING));
        // The quote is CNY 18.00 (1,500 g chargeable, national); the coupon takes its cap of 10.00.
        assertAmount(cny("8.00"), priced.shippingOf("tea-shop"));
        assertAmount(cny("128.00"), priced.total());
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k1", BEIJING));
        assertAmount(cny("8.00"), placed.orders().get(0).facts().snapshot().shipping());
        assertAmount(cny("128.00"), placed.payment().total());
    }

    @Test
    void anUnservedDestinationIsRefusedByNameAndNothingChanges() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 2);
        CartPriceResult.Unshippable priced = assertInstanceOf(CartPriceResult.Unshippable.class,
                commerce.priceCart(ANN, CART, NEW_YORK));
        assertEquals(ShippingRefusal.Reason.ROUTE_NOT_SERVED, priced.refusal().reason());
        assertEquals("cup-shop", priced.refusal().sellerId());
        CheckoutResult.Unshippable refused = assertInstanceOf(CheckoutResult.Unshippable.class,
                commerce.checkout(ANN, CART, "k1", NEW_YORK));
        assertEquals(ShippingRefusal.Reason.ROUTE_NOT_SERVED, refused.refusal().reason());
        assertTrue(refused.refusal().describe().contains("sh"), refused.refusal().describe());
        assertEquals(2, commerce.cart(ANN, CART).items().get(0).quantity());
        assertEquals(20, commerce.inventory().available(SkuId.of("cup")));
        assertEquals(List.of(), commerce.ordersOfBuyer(ANN, "ann"));
        // The same cart ships to Beijing under the same key: the refusal stored nothing.
        assertInstanceOf(CheckoutResult.Placed.class, commerce.checkout(ANN, CART, "k1", BEIJING));
    }

    @Test
    void withoutAnAddressQuotedShippingIsRefusedNotFree() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        assertEquals(ShippingRefusal.Reason.NO_DESTINATION, assertInstanceOf(CartPriceResult.Unshippable.class,
                commerce.priceCart(ANN, CART)).refusal().reason());
        assertEquals(ShippingRefusal.Reason.NO_DESTINATION, assertInstanceOf(CheckoutResult.Unshippable.class,
                commerce.checkout(ANN, CART, "k1", Optional.of("Beijing"))).refusal().reason());
        assertEquals(20, commerce.inventory().available(SkuId.of("cup")));
    }

    @Test
    void goodsThatWeighNothingShipFreeWithoutAQuote() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("ebook"), 1);
        PricedCart priced = priced(commerce.priceCart(ANN, CART));
        assertAmount(cny("0"), priced.shippingOf("tea-shop"));
        assertEquals(Optional.empty(), priced.deliveryOf("tea-shop"));
    }

    @Test
    void aServiceTheCarrierDoesNotOfferOnTheRouteIsRefused() {
        Commerce commerce = commerce(ServiceLevel.SAME_DAY, CartPricing.listPrices());
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        assertEquals(ShippingRefusal.Reason.SERVICE_NOT_OFFERED, assertInstanceOf(CartPriceResult.Unshippable.class,
                commerce.priceCart(ANN, CART, BEIJING)).refusal().reason());
        // Within Shanghai the sandbox delivers the same day: ordered 10:00, before the 11:00 cut-off.
        PricedCart local = priced(commerce.priceCart(ANN, CART, Destination.of(Address.of("CN", "Shanghai", "Shanghai"))));
        assertAmount(cny("20.00"), local.shippingOf("cup-shop"));
        assertEquals(LocalDate.of(2026, 11, 20), local.deliveryOf("cup-shop").orElseThrow().latest());
    }

    @Test
    void aRemoteDestinationPaysTheCarriersSurchargeToTheMinorUnit() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        PricedCart priced = priced(commerce.priceCart(ANN, CART, Destination.of(Address.of("CN", "Xinjiang", "Urumqi"))));
        // National standard CNY 12.00 plus the sandbox's CNY 15.00 remote-area surcharge.
        assertAmount(cny("27.00"), priced.shippingOf("cup-shop"));
    }

    @Test
    void aSkuNoWarehouseCarriesHasNoOriginToQuoteFrom() {
        catalog.put(Sku.of("vase", "cup-shop", "Vase", cny("80")).withPhysical(900, new Dimensions(150, 150, 300)));
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("vase"), 1);
        ShippingRefusal refusal = assertInstanceOf(CartPriceResult.Unshippable.class,
                commerce.priceCart(ANN, CART, BEIJING)).refusal();
        assertEquals(ShippingRefusal.Reason.NO_ORIGIN, refusal.reason());
        assertTrue(refusal.detail().contains("vase"), refusal.detail());
    }

    @Test
    void aCartInACurrencyTheCarrierDoesNotPriceInIsRefused() {
        catalog.put(Sku.of("mug", "cup-shop", "Mug", Money.of(9, "USD")).withPhysical(300, new Dimensions(100, 100, 100)));
        inventory.setStock(new WarehouseId("sh"), SkuId.of("mug"), 5, 0);
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("mug"), 1);
        assertEquals(ShippingRefusal.Reason.CURRENCY_NOT_SUPPORTED, assertInstanceOf(CheckoutResult.Unshippable.class,
                commerce.checkout(ANN, CART, "k1", BEIJING)).refusal().reason());
        assertEquals(5, commerce.inventory().available(SkuId.of("mug")));
    }

    @Test
    void aParcelHeavierThanTheCarrierTakesIsRefused() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("anvil"), 1);
        assertEquals(ShippingRefusal.Reason.PARCEL_TOO_HEAVY, assertInstanceOf(CartPriceResult.Unshippable.class,
                commerce.priceCart(ANN, CART, BEIJING)).refusal().reason());
    }

    @Test
    void checkoutRecordsTheAddressAndEachSellersPromiseOnItsOrder() {
        Commerce commerce = standard();
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        commerce.addToCart(ANN, CART, SkuId.of("teapot"), 1);
        PricedCart priced = priced(commerce.priceCart(ANN, CART, BEIJING));
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k1", BEIJING));
        assertEquals(priced, placed.priced());
        for (Order.AwaitingPayment order : placed.orders()) {
            String seller = order.facts().sellerId();
            assertEquals(Optional.of(BEIJING.address()), order.facts().destination());
            assertEquals(Optional.of("Beijing"), order.facts().destinationRegion());
            assertEquals(priced.deliveryOf(seller), order.facts().deliveryPromise());
            assertTrue(order.facts().deliveryPromise().isPresent());
            assertEquals(priced.shippingOf(seller), order.facts().snapshot().shipping());
        }
        assertAmount(cny("12.00").add(cny("18.00")).add(cny("132.50")), placed.payment().total());
        assertThrows(IdempotencyKeyReusedException.class, () -> commerce.checkout(ANN, CART, "k1", HANGZHOU));
    }

    @Test
    void aQuoteInAnotherCurrencyIsATypedErrorAndNothingChanges() {
        Commerce commerce = commerce(ShippingRates.quoted(rewriting(carrier, q -> requote(q, Money.of(12, "EUR"))),
                ServiceLevel.STANDARD, inventory, ORIGINS), CartPricing.listPrices());
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        assertThrows(CurrencyMismatchException.class, () -> commerce.priceCart(ANN, CART, BEIJING));
        assertThrows(CurrencyMismatchException.class, () -> commerce.checkout(ANN, CART, "k1", BEIJING));
        assertEquals(20, commerce.inventory().available(SkuId.of("cup")));
        assertEquals(1, commerce.cart(ANN, CART).items().size());
    }

    @Test
    void aQuoteFinerThanTheCurrencyIsRefusedNotRounded() {
        Commerce commerce = commerce(ShippingRates.quoted(rewriting(carrier, q -> requote(q, cny("12.005"))),
                ServiceLevel.STANDARD, inventory, ORIGINS), CartPricing.listPrices());
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        assertThrows(InvalidAmountException.class, () -> commerce.priceCart(ANN, CART, BEIJING));
    }

    @Test
    void aWarehouseWithoutAnAddressIsAConfigurationError() {
        Commerce commerce = commerce(ShippingRates.quoted(carrier, ServiceLevel.STANDARD, inventory,
                Map.of(new WarehouseId("hz"), HANGZHOU_WAREHOUSE)), CartPricing.listPrices());
        commerce.addToCart(ANN, CART, SkuId.of("cup"), 1);
        InvalidInputException error = assertThrows(InvalidInputException.class,
                () -> commerce.priceCart(ANN, CART, BEIJING));
        assertTrue(error.getMessage().contains("warehouse sh"), error.getMessage());
    }

    @Test
    void theBuilderQuotesTheParcelsFulfilmentBooksAtTheQuotedPrice() {
        Commerce commerce = Commerce.builder().sandboxes().clock(clock).catalog(catalog).inventory(inventory).carrier(carrier)
                .warehouseAddress(new WarehouseId("hz"), HANGZHOU_WAREHOUSE)
                .warehouseAddress(new WarehouseId("sh"), SHANGHAI_WAREHOUSE)
                .quotedShipping(ServiceLevel.EXPRESS).build();
        commerce.addToCart(ANN, CART, SkuId.of("tea"), 3);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(ANN, CART, "k1", HANGZHOU));
        Order.AwaitingPayment order = placed.orders().get(0);
        assertInstanceOf(PaymentResult.Paid.class,
                commerce.pay(ANN, placed.payment().paymentId(), new PaymentSource("tok_visa")));
        DispatchResult.Dispatched shipped = assertInstanceOf(DispatchResult.Dispatched.class,
                commerce.shipWithCarrier(new Actor.Seller("tea-shop"), order.id(),
                        CarrierDispatch.everything("ship-1", HANGZHOU.address(), ServiceLevel.EXPRESS)));
        // Two parcels (two teas from Hangzhou, one from Shanghai), booked at exactly what checkout charged.
        assertEquals(2, shipped.parcels().size());
        javax.money.MonetaryAmount booked = shipped.parcels().stream().map(p -> p.shipment().charge())
                .reduce(javax.money.MonetaryAmount::add).orElseThrow();
        assertAmount(order.facts().snapshot().shipping(), booked);
        assertEquals(order.facts().deliveryPromise().orElseThrow(), shipped.parcels().stream()
                .map(p -> p.shipment().promise()).max(java.util.Comparator.comparing(DeliveryPromise::deadline))
                .orElseThrow());
    }

    static Quote requote(Quote quote, Money total) {
        return new Quote(quote.carrier(), quote.service(), total, List.of(new QuoteLine(ChargeKind.FIRST_WEIGHT, total)),
                quote.chargeableWeightGrams(), quote.promise());
    }

    /** A carrier whose quotes are rewritten, to play a misbehaving plug-in. */
    static Carrier rewriting(Carrier real, UnaryOperator<Quote> rewrite) {
        return new ForwardingCarrier(real) {
            @Override
            public QuoteOutcome quote(QuoteRequest request) {
                QuoteOutcome outcome = real.quote(request);
                return outcome instanceof QuoteOutcome.Quoted quoted
                        ? new QuoteOutcome.Quoted(quoted.quotes().stream().map(rewrite).toList()) : outcome;
            }
        };
    }
}
