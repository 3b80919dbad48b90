package dev.mercato.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.core.actor.Actor;
import dev.mercato.core.cart.CartId;
import dev.mercato.core.cart.CartPricing;
import dev.mercato.core.cart.PricedCart;
import dev.mercato.core.catalog.Catalog;
import dev.mercato.core.catalog.PriceLevel;
import dev.mercato.core.catalog.Sku;
import dev.mercato.core.catalog.SkuId;
import dev.mercato.core.inventory.Inventory;
import dev.mercato.core.inventory.Warehouse;
import dev.mercato.core.inventory.WarehouseChoice;
import dev.mercato.core.inventory.WarehouseId;
import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.json.PromotionJson;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

/**
 * The catalog's member price goes to the platform's own member tiers (docs/membership.md, "Paid
 * plans"): a paid plan's code is the tier its subscribers hold, so naming the plan codes on the
 * pricing unlocks the member price for them, with no buyer flag set by the host.
 */
class MemberPriceTierExamples {
    static final Map<String, BuyerContext> BUYERS = Map.of(
            "ann", BuyerContext.anonymous().withTiers("PLUS"),
            "bob", BuyerContext.anonymous(),
            "carl", BuyerContext.anonymous().withTiers("member"));

    static MonetaryAmount paid(CartPricing pricing, String buyer) {
        Commerce commerce = Commerce.builder().sandboxes().clock(new TestClock(Instant.parse("2026-06-01T10:00:00Z")))
                .catalog(Catalog.inMemory().put(Sku.of("tea", "tea-shop", "Green tea", Money.of(30, "CNY"))
                        .withPriceLevel(PriceLevel.MEMBER, Money.of(27, "CNY"))))
                .inventory(Inventory.inMemory(WarehouseChoice.best()).addWarehouse(Warehouse.of("east", "sh"))
                        .setStock(new WarehouseId("east"), SkuId.of("tea"), 5, 0))
                .pricing(pricing).build();
        Actor.Buyer actor = new Actor.Buyer(buyer);
        commerce.addToCart(actor, CartId.of(buyer), SkuId.of("tea"), 1);
        PricedCart priced = commerce.priceCart(actor, CartId.of(buyer)).priced().orElseThrow();
        return priced.lines().get(0).payable();
    }

    static PricingEngine engine() {
        return PricingEngine.of(PromotionJson.standard().read("{\"currency\": \"CNY\", \"promotions\": []}"));
    }

    @Test
    void aPaidPlansTierUnlocksTheMemberPriceWhenThePricingNamesIt() {
        CartPricing plans = CartPricing.engine(engine(), BUYERS::get, Set.of("PLUS", "GOLD"));
        assertTrue(Money.of(27, "CNY").isEqualTo(paid(plans, "ann")), "PLUS subscribers pay the member price");
        assertTrue(Money.of(30, "CNY").isEqualTo(paid(plans, "bob")), "no tier, list price");
        assertTrue(Money.of(30, "CNY").isEqualTo(paid(plans, "carl")), "a tier the platform did not name");
    }

    @Test
    void withoutTiersNamedOnlyTheMemberTierUnlocksIt() {
        CartPricing plain = CartPricing.engine(engine(), BUYERS::get);
        assertTrue(Money.of(30, "CNY").isEqualTo(paid(plain, "ann")));
        assertTrue(Money.of(27, "CNY").isEqualTo(paid(plain, "carl")));
    }

    @Test
    void theTiersMustBeNamed() {
        assertThrows(InvalidInputException.class, () -> CartPricing.engine(engine(), BUYERS::get, Set.of()));
        assertThrows(InvalidInputException.class, () -> CartPricing.engine(engine(), BUYERS::get, Set.of(" ")));
    }
}
