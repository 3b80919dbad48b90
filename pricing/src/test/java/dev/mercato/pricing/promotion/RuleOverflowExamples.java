package dev.mercato.pricing.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.MoneyOverflowException;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.json.PromotionFileException;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.promotion.rule.BuyXGetY;
import dev.mercato.pricing.promotion.rule.Measure;
import dev.mercato.pricing.promotion.rule.PercentOff;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.ThresholdPercentOff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/** Rule arithmetic at the edges of {@code long}: every overflow is a MoneyOverflowException, never a wrapped value. */
class RuleOverflowExamples {
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");
    private static final long MAX = Long.MAX_VALUE;
    /** Generous: pricing these carts takes milliseconds; the guard only keeps a regression from hanging the build. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static PricingLine line(String id, String sku, String seller, long quantity, long unitMinor) {
        return PricingLine.of(id, sku, seller, List.of("tea"), quantity, MinorUnits.toAmount(unitMinor, CNY));
    }

    private static PricingRequest request(PricingLine... lines) {
        return PricingRequest.of(CNY, AT, List.of(lines));
    }

    @Test
    void aCartWhoseListTotalLeavesTheRangeOfMinorUnitsIsRefusedAsAnOverflow() {
        PricingEngine engine = PricingEngine.of(List.of());
        assertThrows(MoneyOverflowException.class, () -> engine.price(request(
                line("1", "a", "s", 1, MAX / 2 + 10), line("2", "b", "s", 1, MAX / 2 + 10))));
    }

    @Test
    void aCartWhoseUnitsLeaveTheRangeOfLongIsRefusedAsAnOverflow() {
        // Free units: the amounts fit, the count of units does not.
        PricingEngine engine = PricingEngine.of(List.of(new BuyXGetY(PromotionTerms.of("b1g1"), Scope.all(), 1, 1,
                Rate.ONE_HUNDRED_PERCENT)));
        assertThrows(MoneyOverflowException.class, () -> engine.price(request(
                line("1", "a", "s", MAX, 0), line("2", "b", "s", MAX, 0))));
    }

    @Test
    void aPercentOffOverLinesThatSumBeyondLongIsAnOverflowNotANegativeDiscount() {
        // Before the checks this wrapped to a negative base and surfaced as "pool.amount must not be negative".
        PricingEngine engine = PricingEngine.of(List.of(new PercentOff(PromotionTerms.of("ten"), Scope.all(),
                Rate.percent(10))));
        assertThrows(MoneyOverflowException.class, () -> engine.price(request(
                line("1", "a", "s", 1, MAX / 2 + 10), line("2", "b", "s", 1, MAX / 2 + 10))));
    }

    @Test
    void aBuyXGetYWhoseGroupSizeOverflowsIsRefusedWhenBuilt() {
        // Before the check, buy + get wrapped to -2 and a cart of five 1.00 units paid 3.00.
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new BuyXGetY(PromotionTerms.of("b"),
                Scope.all(), MAX, MAX, Rate.ONE_HUNDRED_PERCENT));
        assertEquals("get", e.field());
    }

    @Test
    void aGiftWorthMoreThanTheMinorUnitRangeIsRefusedWhenBuilt() {
        MonetaryAmount unit = MinorUnits.toAmount(MAX / 2, CNY);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Effect.Gift("g", "s", 3, unit));
        assertEquals("gift.quantity", e.field());
    }

    @Test
    void theLargestCartThatFitsIsPricedExactly() {
        PricingEngine engine = PricingEngine.of(List.of(new PercentOff(PromotionTerms.of("half"), Scope.all(),
                Rate.percent(50))));
        PricingResult result = engine.price(request(line("1", "a", "s", 1, MAX - 1), line("2", "b", "s", 1, 1)));
        // 50% of MAX, rounded half-up: MAX / 2 + 1 off, MAX / 2 paid.
        assertEquals(MAX / 2, MinorUnits.toMinor(result.payable()));
    }

    @Test
    void aCartThatCostsExactlyTheLargestAmountIsPricedWhenPromotionsAreContested() {
        // The search kept the cheapest run only if it cost less than Long.MAX_VALUE, and so found none.
        Promotion twoItems = new ThresholdPercentOff(PromotionTerms.of("two-items").inGroup("shop-discounts"), Scope.all(),
                Reach.PER_SHOP, 2, MinorUnits.toAmount(0, CNY), Rate.percent(10), Measure.RUNNING);
        PricingResult result = PricingEngine.of(List.of(twoItems)).price(request(line("1", "a", "s", 1, MAX)));
        assertEquals(MAX, MinorUnits.toMinor(result.payable()));
    }

    /** Every built-in kind at the extreme values the strict reader allows. */
    private static final String EXTREME = """
            {"currency": "CNY", "promotions": [
              {"kind": "percent-off", "id": "p", "percent": 0.000000000000000001},
              {"kind": "amount-off", "id": "a", "perUnit": 92233720368547758.07},
              {"kind": "flash-sale", "id": "f", "unitPrice": 0, "stock": 1000000000000000, "perBuyerLimit": 1000000000000000},
              {"kind": "threshold-reduction", "id": "t", "tiers": [{"threshold": 0.01, "off": 0.01},
                {"threshold": 92233720368547758.07, "off": 92233720368547758.07}]},
              {"kind": "repeating-reduction", "id": "r", "reach": "across-shops", "every": 0.01, "off": 92233720368547758.07},
              {"kind": "threshold-percent-off", "id": "tp", "minItems": 1000000000000000, "percent": 100},
              {"kind": "buy-x-get-y", "id": "b", "buy": 1000000000000000, "get": 1000000000000000},
              {"kind": "bundle-price", "id": "bp", "items": {"a": 1, "b": 1000000000000000}, "price": 92233720368547758.07},
              {"kind": "free-gift", "id": "g", "threshold": 0,
                "gift": {"sku": "g", "seller": "s", "quantity": 1, "unitValue": 92233720368547758.07}},
              {"kind": "coupon", "id": "c", "percent": 100, "maxDiscount": 92233720368547758.07},
              {"kind": "free-shipping", "id": "fs", "threshold": 0},
              {"kind": "shipping-coupon", "id": "sc", "maxOff": 92233720368547758.07},
              {"kind": "member-price", "id": "m", "unitPrice": 0},
              {"kind": "member-percent-off", "id": "mp", "percent": 100},
              {"kind": "new-user-price", "id": "n", "unitPrice": 92233720368547758.07},
              {"kind": "quantity-breaks", "id": "q", "breaks": [{"minQuantity": 1, "unitPrice": 92233720368547758.07},
                {"minQuantity": 1000000000000000, "unitPrice": 0}]},
              {"kind": "group-buy-price", "id": "gb", "unitPrice": 0},
              {"kind": "pre-sale", "id": "ps", "deposit": 0.01, "depositValue": 92233720368547758.07}
            ]}""";

    @Test
    void aCartPricedUnderARuleFileOfExtremeValuesIsPricedOrRefusedAsAnOverflow() {
        List<Promotion> promotions = PromotionJson.standard().read(EXTREME);
        PricingEngine engine = PricingEngine.of(promotions);
        BuyerContext everything = BuyerContext.anonymous().withNewUser(true).withCoupons("c", "sc")
                .withFlags(BuyerContext.GROUP_FORMED);
        List<PricingRequest> carts = new ArrayList<>();
        carts.add(request(line("1", "a", "s", 1, 100), line("2", "b", "t", 3, 250)));
        carts.add(request(line("1", "a", "s", 1_000_000_000_000_000L, 1), line("2", "b", "t", 1, MAX / 4)));
        carts.add(request(line("1", "a", "s", MAX / 2, 0), line("2", "b", "t", MAX / 2, 0)));
        carts.add(request(line("1", "a", "s", 1, MAX - 10)).withShipping(Map.of("s", MinorUnits.toAmount(10, CNY))));
        int priced = 0;
        int overflows = 0;
        for (PricingRequest cart : carts) {
            for (BuyerContext buyer : List.of(BuyerContext.anonymous(), everything)) {
                Object outcome = assertTimeoutPreemptively(GUARD, () -> {
                    try {
                        return engine.price(cart.withBuyer(buyer));
                    } catch (MoneyOverflowException e) {
                        return e;
                    }
                });
                if (outcome instanceof PricingResult result) {
                    long payable = MinorUnits.toMinor(result.payable());
                    assertTrue(payable >= 0, "payable " + payable);
                    assertTrue(result.totals().discounts().isLessThanOrEqualTo(result.totals().list()), result.totals().toString());
                    priced++;
                } else if (outcome instanceof MoneyOverflowException) {
                    overflows++;
                } else {
                    fail("unexpected outcome " + outcome);
                }
            }
        }
        // The small cart is priced for both buyers; the extreme carts may be priced or refused, never anything else.
        assertTrue(priced >= 2, "priced " + priced + ", overflows " + overflows);
    }

    @Test
    void aGiftWhoseValueOverflowsIsRefusedAtItsPathInAPromotionFile() {
        PromotionFileException e = assertThrows(PromotionFileException.class, () -> PromotionJson.standard().read("""
                {"currency": "CNY", "promotions": [{"kind": "free-gift", "id": "g", "threshold": 0,
                  "gift": {"sku": "g", "seller": "s", "quantity": 1000000000000000, "unitValue": 92233720368547758.07}}]}"""));
        assertEquals("$.promotions[0].gift.quantity", e.location());
    }
}
