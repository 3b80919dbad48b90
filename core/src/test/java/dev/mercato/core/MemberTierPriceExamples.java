package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.InMemoryCatalog;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.checkout.CheckoutResult;
import dev.mercato.core.checkout.PaymentResult;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.core.membership.ClawbackPolicy;
import dev.mercato.core.membership.MembershipSettings;
import dev.mercato.core.membership.SubscriptionResult;
import dev.mercato.core.order.OrderLine;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.sandbox.SandboxPaymentProvider;
import dev.mercato.payments.sandbox.SandboxSettings;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.membership.BillingPeriod;
import dev.mercato.pricing.membership.EarnRules;
import dev.mercato.pricing.membership.PlanBenefits;
import dev.mercato.pricing.membership.PlanTerms;
import dev.mercato.pricing.membership.QualificationBasis;
import dev.mercato.pricing.membership.RedemptionPolicy;
import dev.mercato.pricing.membership.TierLevel;
import dev.mercato.pricing.membership.TierPolicy;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * Member prices per plan and tier code through the facade (docs/membership.md, "Member prices per
 * tier"), by hand. The programme: the paid plan {@code PLUS} and the score ladder MEMBER (0),
 * SILVER (100) and GOLD (200), SILVER and GOLD with the {@code member-price} benefit. The catalog:
 * green tea lists at 30.00 (PLUS 27.00, SILVER 26.00, GOLD 25.00); a cup at 10.00 (PLUS 8.00,
 * GOLD 9.00); a kettle at 100.00 with the single member price 90.00 and SILVER 85.00.
 */
class MemberTierPriceExamples {
    static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    static final PaymentSource CARD = new PaymentSource("tok_visa");
    static final Actor.System OPERATOR = new Actor.System("operator");
    static final SkuId TEA = SkuId.of("tea");
    static final SkuId CUP = SkuId.of("cup");
    static final SkuId KETTLE = SkuId.of("kettle");

    static final PlanTerms PLUS = PlanTerms.of("PLUS", cny("198.00"), BillingPeriod.YEAR).withTrial(Duration.ofDays(30));
    static final TierPolicy LADDER = new TierPolicy(List.of(TierLevel.of("MEMBER", 0),
            TierLevel.of("SILVER", 100, PlanBenefits.MEMBER_PRICE), TierLevel.of("GOLD", 200, PlanBenefits.MEMBER_PRICE)),
            QualificationBasis.SCORE, Duration.ofDays(365), Duration.ofDays(30));
    static final MembershipSettings SETTINGS = new MembershipSettings(CNY, EarnRules.perUnit(1), Duration.ofDays(365),
            new RedemptionPolicy(100, Rate.percent(50), 100), ClawbackPolicy.ALLOW_NEGATIVE, LADDER,
            Map.of("PLUS", PLUS));

    static final Sku TEA_SKU = Sku.of("tea", "tea-shop", "Green tea", cny("30.00"))
            .withMemberPrice("PLUS", cny("27.00")).withMemberPrice("SILVER", cny("26.00"))
            .withMemberPrice("GOLD", cny("25.00"));
    static final Sku CUP_SKU = Sku.of("cup", "tea-shop", "Tea cup", cny("10.00"))
            .withMemberPrice("PLUS", cny("8.00")).withMemberPrice("GOLD", cny("9.00"));
    static final Sku KETTLE_SKU = Sku.of("kettle", "kettle-shop", "Kettle", cny("100.00"))
            .withPriceLevel(PriceLevel.MEMBER, cny("90.00")).withMemberPrice("SILVER", cny("85.00"));

    final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
    final InMemoryCatalog catalog = Catalog.inMemory().put(TEA_SKU).put(CUP_SKU).put(KETTLE_SKU);
    final Commerce commerce = Commerce.builder().sandboxes().clock(clock)
            .paymentProvider(SandboxPaymentProvider.create(SandboxSettings.of(clock, "whsec-tiers", Set.of(CNY))))
            .catalog(catalog)
            .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                    .setStock(new WarehouseId("east"), TEA, 100, 0).setStock(new WarehouseId("east"), CUP, 100, 0)
                    .setStock(new WarehouseId("east"), KETTLE, 100, 0))
            .memberships(SETTINGS)
            .memberPricing(engine())
            .build();

    static MonetaryAmount cny(String value) {
        return Money.of(new BigDecimal(value), "CNY");
    }

    static void assertMoney(String expected, MonetaryAmount actual) {
        assertTrue(cny(expected).isEqualTo(actual), "expected CNY " + expected + ", was " + actual);
    }

    static PricingEngine engine() {
        return PricingEngine.of(PromotionJson.standard().read("{\"currency\": \"CNY\", \"promotions\": []}"));
    }

    void subscribePlus(String buyer) {
        assertInstanceOf(SubscriptionResult.Done.class,
                commerce.memberships().subscribe(new Actor.Buyer(buyer), buyer, "PLUS", CARD, buyer + "-join"));
    }

    void score(String buyer, long score) {
        commerce.memberships().addScore(OPERATOR, buyer, score, buyer + "-score-" + score);
    }

    /** The unit price a buyer's cart line of one unit of {@code sku} pays now. */
    MonetaryAmount unitPrice(String buyer, SkuId sku) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        CartId cart = CartId.of(buyer);
        commerce.addToCart(actor, cart, sku, 1);
        MonetaryAmount payable = commerce.priceCart(actor, cart).priced().orElseThrow().lines().get(0).payable();
        commerce.removeFromCart(actor, cart, sku);
        return payable;
    }

    /** Checks out and pays one unit of {@code sku}. */
    CheckoutResult.Placed buy(String buyer, SkuId sku, String key) {
        Actor.Buyer actor = new Actor.Buyer(buyer);
        CartId cart = CartId.of(buyer);
        commerce.addToCart(actor, cart, sku, 1);
        CheckoutResult.Placed placed = assertInstanceOf(CheckoutResult.Placed.class,
                commerce.checkout(actor, cart, key, Optional.empty()));
        assertInstanceOf(PaymentResult.Paid.class, commerce.pay(actor, placed.payment().paymentId(), CARD));
        return placed;
    }

    @Test
    void aPlusSubscriberPaysThePlansPriceAtCartAndCheckout() {
        subscribePlus("pat");
        assertMoney("27.00", unitPrice("pat", TEA));
        CheckoutResult.Placed placed = buy("pat", TEA, "pat-1");
        assertMoney("27.00", placed.payment().total());
        OrderLine line = placed.orders().get(0).facts().snapshot().lines().get(0);
        assertMoney("30.00", line.unitPrice()); // the list price stays the line's unit price
        assertMoney("27.00", line.priceLevelAmount()); // the member price is frozen with the order
        assertTrue(placed.orders().get(0).facts().snapshot().explanation().stream()
                .anyMatch(e -> e.contains("member price CNY 27.00 of PLUS")), "the order says which code gave it: "
                + placed.orders().get(0).facts().snapshot().explanation());
    }

    @Test
    void aGoldMemberPaysTheGoldPriceAndThePlacedOrderKeepsItWhenTheCatalogChanges() {
        score("gina", 200);
        assertEquals(Set.of("GOLD"), commerce.memberships().standing(OPERATOR, "gina").tiers());
        CheckoutResult.Placed placed = buy("gina", TEA, "gina-1");
        assertMoney("25.00", placed.payment().total());
        assertTrue(placed.orders().get(0).facts().snapshot().explanation().stream()
                .anyMatch(e -> e.contains("member price CNY 25.00 of GOLD")));

        // The shop lowers the GOLD price to 22.00: new carts pay it, the placed order keeps 25.00.
        catalog.put(TEA_SKU.withMemberPrice("GOLD", cny("22.00")));
        assertMoney("22.00", unitPrice("gina", TEA));
        assertMoney("25.00", commerce.order(new Actor.Buyer("gina"), placed.orders().get(0).id()).orElseThrow()
                .facts().snapshot().lines().get(0).priceLevelAmount());
    }

    @Test
    void aBuyerHoldingAPlanAndATierPaysTheLowerOfTheirPrices() {
        subscribePlus("bea");
        score("bea", 200);
        assertEquals(Set.of("GOLD", "PLUS"), Set.copyOf(commerce.memberships().standing(OPERATOR, "bea").tiers()));
        assertMoney("25.00", unitPrice("bea", TEA)); // GOLD 25.00 < PLUS 27.00
        assertMoney("8.00", unitPrice("bea", CUP)); // PLUS 8.00 < GOLD 9.00
        CheckoutResult.Placed placed = buy("bea", CUP, "bea-1");
        assertMoney("8.00", placed.payment().total());
        assertTrue(placed.orders().get(0).facts().snapshot().explanation().stream()
                .anyMatch(e -> e.contains("member price CNY 8.00 of PLUS")));
    }

    @Test
    void aBuyerHoldingNoMemberPriceCodePaysTheListPrice() {
        assertEquals(Set.of("MEMBER"), commerce.memberships().standing(OPERATOR, "nia").tiers());
        assertMoney("30.00", unitPrice("nia", TEA));
        assertMoney("100.00", unitPrice("nia", KETTLE));
        CheckoutResult.Placed placed = buy("nia", TEA, "nia-1");
        assertMoney("30.00", placed.payment().total());
        assertTrue(placed.orders().get(0).facts().snapshot().explanation().stream()
                .noneMatch(e -> e.contains("member price")));
    }

    @Test
    void aHigherLevelIsOfferedTheLowerLevelsPricesOnTheLadder() {
        score("sam", 100);
        score("gina", 200);
        // The kettle has no GOLD price: SILVER's 85.00 beats the single member price 90.00 for both.
        assertMoney("85.00", unitPrice("sam", KETTLE));
        assertMoney("85.00", unitPrice("gina", KETTLE));
        CheckoutResult.Placed placed = buy("gina", KETTLE, "gina-kettle");
        assertMoney("85.00", placed.payment().total());
        assertTrue(placed.orders().get(0).facts().snapshot().explanation().stream()
                .anyMatch(e -> e.contains("member price CNY 85.00 of SILVER, through GOLD, instead of CNY 100.00 (1 unit)")),
                placed.orders().get(0).facts().snapshot().explanation().toString());
        // The cup has no SILVER price: a SILVER member pays the list price, GOLD its own 9.00.
        assertMoney("10.00", unitPrice("sam", CUP));
        assertMoney("9.00", unitPrice("gina", CUP));
    }

    @Test
    void withoutALadderEachCodePaysOnlyItsOwnPrices() {
        Map<String, BuyerContext> buyers = Map.of("gina", BuyerContext.anonymous().withTiers("GOLD"));
        CartPricing noLadder = CartPricing.engine(engine(), buyers::get, Set.of("SILVER", "GOLD"));
        CartPricing ladder = CartPricing.engine(engine(), buyers::get, Set.of("SILVER", "GOLD"),
                List.of("MEMBER", "SILVER", "GOLD"));
        assertMoney("90.00", pricedKettle(noLadder)); // GOLD: only the single member price
        assertMoney("85.00", pricedKettle(ladder)); // GOLD inherits SILVER's 85.00
    }

    static MonetaryAmount pricedKettle(CartPricing pricing) {
        Commerce plain = Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z")))
                .catalog(Catalog.inMemory().put(KETTLE_SKU))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                        .setStock(new WarehouseId("east"), KETTLE, 5, 0))
                .pricing(pricing).build();
        Actor.Buyer gina = new Actor.Buyer("gina");
        plain.addToCart(gina, CartId.of("gina"), KETTLE, 1);
        PricedCart priced = plain.priceCart(gina, CartId.of("gina")).priced().orElseThrow();
        return priced.lines().get(0).payable();
    }

    @Test
    void theSkuAnswersTheLowestPriceTheHeldCodesEntitleTo() {
        assertEquals(Optional.empty(), TEA_SKU.memberPriceFor(Set.of()));
        assertEquals(Optional.empty(), TEA_SKU.memberPriceFor(Set.of("BRONZE")));
        assertMoney("27.00", TEA_SKU.memberPriceFor(Set.of("PLUS")).orElseThrow());
        assertMoney("25.00", TEA_SKU.memberPriceFor(Set.of("PLUS", "GOLD")).orElseThrow());
        // The single member price is the price of every code, the code's own price when lower.
        assertMoney("90.00", KETTLE_SKU.memberPriceFor(Set.of("GOLD")).orElseThrow());
        assertMoney("85.00", KETTLE_SKU.memberPriceFor(Set.of("SILVER")).orElseThrow());
        assertEquals(Map.of("PLUS", cny("27.00"), "SILVER", cny("26.00"), "GOLD", cny("25.00")), TEA_SKU.memberPrices());
        assertThrows(UnsupportedOperationException.class, () -> TEA_SKU.memberPrices().put("X", cny("1.00")));
    }

    @Test
    void aBadMemberPriceIsRefusedWithItsReasonAndChangesNothing() {
        Sku before = catalog.find(TEA).orElseThrow();
        assertRefused("must not be blank", () -> before.withMemberPrice(" ", cny("20.00")));
        assertRefused("must not be blank", () -> before.withMemberPrice(null, cny("20.00")));
        assertRefused("the list price's currency", () -> before.withMemberPrice("GOLD", Money.of(20, "USD")));
        assertRefused("must be positive", () -> before.withMemberPrice("GOLD", cny("0.00")));
        assertRefused("must be positive", () -> before.withMemberPrice("GOLD", cny("-1.00")));
        assertRefused("above the list price", () -> before.withMemberPrice("GOLD", cny("30.01")));
        assertRefused("minor unit", () -> before.withMemberPrice("GOLD", cny("24.999")));
        assertRefused("memberPrices.GOLD", () -> before.withMemberPrice("GOLD", null));
        // The list price cannot drop below a member price either.
        assertRefused("above the list price", () -> before.withListPrice(cny("26.00")));
        assertEquals(TEA_SKU, before);
        assertEquals(TEA_SKU, catalog.find(TEA).orElseThrow());
        score("gina", 200);
        assertMoney("25.00", unitPrice("gina", TEA));
    }

    static void assertRefused(String reason, org.junit.jupiter.api.function.Executable change) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, change);
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
