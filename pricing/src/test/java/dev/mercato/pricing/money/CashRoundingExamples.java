package dev.mercato.pricing.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class CashRoundingExamples {

    static MonetaryAmount chf(String v) {
        return Money.of(new BigDecimal(v), "CHF");
    }

    static MonetaryAmount cny(String v) {
        return Money.of(new BigDecimal(v), "CNY");
    }

    static void assertMoney(MonetaryAmount expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(expected), MinorUnits.toMinor(actual), () -> expected + " but was " + actual);
        assertEquals(expected.getCurrency(), actual.getCurrency());
    }

    @Test
    void swissTotalsRoundToTheNearestFiveRappen() {
        CashRounding rappen = CashRounding.to(chf("0.05"));

        assertMoney(chf("10.00"), rappen.round(chf("10.02")).rounded());
        assertMoney(chf("-0.02"), rappen.round(chf("10.02")).adjustment());
        assertMoney(chf("10.05"), rappen.round(chf("10.03")).rounded());
        assertMoney(chf("0.02"), rappen.round(chf("10.03")).adjustment());
        assertMoney(chf("10.05"), rappen.round(chf("10.05")).rounded());
        assertMoney(chf("0.00"), rappen.round(chf("10.05")).adjustment());
    }

    @Test
    void aPlatformRoundingToTheJiaoRoundsHalvesUp() {
        CashRounding jiao = CashRounding.to(cny("0.10"));

        assertMoney(cny("99.90"), jiao.round(cny("99.94")).rounded());
        assertMoney(cny("100.00"), jiao.round(cny("99.95")).rounded());
        assertMoney(cny("0.05"), jiao.round(cny("99.95")).adjustment());
        assertMoney(cny("99.90"), new CashRounding(cny("0.10"), RoundingPolicy.DOWN).round(cny("99.99")).rounded());
    }

    @Test
    void thePricedOrdersCashTotalKeepsTheDifferenceOutOfLinesAndSellers() {
        PricingRequest request = PricingRequest.of(javax.money.Monetary.getCurrency("CHF"),
                Instant.parse("2026-11-11T00:00:00Z"), List.of(
                        PricingLine.of("a", "bread", "shop-a", List.of("food"), 3, chf("2.39")),
                        PricingLine.of("b", "milk", "shop-b", List.of("food"), 1, chf("1.45"))));
        PricingResult result = PricingEngine.of(List.of()).price(request);

        CashRounding.CashAdjustment cash = result.payableInCash(CashRounding.to(chf("0.05")));

        // 7.17 + 1.45 = 8.62, paid in cash as 8.60; the sellers still split 8.62.
        assertMoney(chf("8.62"), cash.exact());
        assertMoney(chf("8.60"), cash.rounded());
        assertMoney(chf("-0.02"), cash.adjustment());
        assertEquals(862, result.sellers().stream().mapToLong(s -> MinorUnits.toMinor(s.payable())).sum());
    }

    @Test
    void anIncrementMustBePositiveAndInTheTotalsCurrency() {
        assertThrows(InvalidInputException.class, () -> CashRounding.to(chf("0.00")));
        assertThrows(CurrencyMismatchException.class, () -> CashRounding.to(chf("0.05")).round(cny("1.00")));
        assertThrows(InvalidAmountException.class, () -> CashRounding.to(chf("0.005")));
    }
}
