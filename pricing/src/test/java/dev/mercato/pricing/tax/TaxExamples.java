package dev.mercato.pricing.tax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.pricing.error.InvalidInputException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.PricingResult;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class TaxExamples {
    static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

    static MonetaryAmount m(String code, String value) {
        return Money.of(new BigDecimal(value), code);
    }

    static TaxLine line(String id, String category, MonetaryAmount amount) {
        return new TaxLine(id, category, amount, MinorUnits.toAmount(0, amount.getCurrency()));
    }

    static void assertMoney(MonetaryAmount expected, MonetaryAmount actual) {
        assertEquals(MinorUnits.toMinor(expected), MinorUnits.toMinor(actual), () -> expected + " but was " + actual);
    }

    static TaxRequest request(String code, String region, Instant at, List<TaxLine> lines, List<TaxLine> shipping) {
        return new TaxRequest(Monetary.getCurrency(code), region, at, lines, shipping);
    }

    @Test
    void aChineseRetailPriceIncludesThirteenPercentVat() {
        TaxCalculator cn = TaxCalculator.fromTable(List.of(TaxRegion.of("CN", TaxMode.INCLUSIVE)),
                List.of(TaxRate.from("CN", "standard", Rate.percent(13), EPOCH)));

        TaxResult result = cn.calculate(request("CNY", "CN", NOW, List.of(line("a", "standard", m("CNY", "113.00"))),
                List.of()));

        LineTax a = result.lines().get(0);
        assertMoney(m("CNY", "13.00"), a.tax());
        assertMoney(m("CNY", "100.00"), a.net());
        assertMoney(m("CNY", "113.00"), a.gross());
        assertMoney(m("CNY", "0.00"), result.addedToPayable());
    }

    @Test
    void roundingPerLineOrPerOrderGiveDifferentTotalsAndEachAddsUp() {
        TaxRegion perLine = TaxRegion.of("CN", TaxMode.INCLUSIVE);
        List<TaxRate> rates = List.of(TaxRate.from("CN", "standard", Rate.percent(13), EPOCH));
        List<TaxLine> lines = List.of(line("a", "standard", m("CNY", "1.00")), line("b", "standard", m("CNY", "1.00")),
                line("c", "standard", m("CNY", "1.00")));

        TaxResult byLine = TaxCalculator.fromTable(List.of(perLine), rates).calculate(request("CNY", "CN", NOW, lines, List.of()));
        TaxResult byOrder = TaxCalculator.fromTable(List.of(perLine.withRounding(TaxRounding.PER_ORDER)), rates)
                .calculate(request("CNY", "CN", NOW, lines, List.of()));

        // Per line: 1.00 x 13 / 113 = 0.11504 rounds to 0.12, three times 0.36. Per order:
        // 3.00 x 13 / 113 = 0.34513 rounds to 0.35, split 0.12 / 0.12 / 0.11.
        assertMoney(m("CNY", "0.36"), byLine.tax());
        assertMoney(m("CNY", "0.35"), byOrder.tax());
        assertMoney(m("CNY", "0.11"), byOrder.lines().get(2).tax());
        assertMoney(m("CNY", "2.65"), byOrder.net());
        assertMoney(m("CNY", "3.00"), byOrder.gross());
    }

    @Test
    void japaneseConsumptionTaxFollowsTheRateInForceAtTheOrderInstant() {
        Instant october2019 = Instant.parse("2019-09-30T15:00:00Z");
        TaxCalculator jp = TaxCalculator.fromTable(List.of(TaxRegion.of("JP", TaxMode.INCLUSIVE)), List.of(
                new TaxRate("JP", "standard", Rate.percent(8), EPOCH, Optional.of(october2019)),
                TaxRate.from("JP", "standard", Rate.percent(10), october2019),
                TaxRate.from("JP", "food", Rate.percent(8), EPOCH)));
        List<TaxLine> lines = List.of(line("tv", "standard", m("JPY", "1100")), line("rice", "food", m("JPY", "1080")));

        TaxResult before = jp.calculate(request("JPY", "JP", october2019.minusSeconds(1), lines, List.of()));
        TaxResult after = jp.calculate(request("JPY", "JP", october2019, lines, List.of()));

        // 1100 x 8 / 108 = 81.48 -> 81; from October 2019: 1100 x 10 / 110 = 100. Food stays at 8%: 80.
        assertMoney(m("JPY", "81"), before.lines().get(0).tax());
        assertMoney(m("JPY", "100"), after.lines().get(0).tax());
        assertMoney(m("JPY", "80"), after.lines().get(1).tax());
        assertMoney(m("JPY", "180"), after.tax());
    }

    @Test
    void californiaSalesTaxIsAddedOnTopAndShippingIsNotTaxed() {
        TaxCalculator ca = TaxCalculator.fromTable(List.of(TaxRegion.of("US-CA", TaxMode.EXCLUSIVE)),
                List.of(TaxRate.from("US-CA", "general", new Rate(new BigDecimal("0.0725")), EPOCH)));

        TaxResult result = ca.calculate(request("USD", "US-CA", NOW, List.of(line("a", "general", m("USD", "19.99"))),
                List.of(line("shipping:shop-a", "shipping", m("USD", "5.00")))));

        // 19.99 x 7.25% = 1.449 -> 1.45 on top: 21.44. Shipping untaxed: rate 0, tax 0.
        assertMoney(m("USD", "1.45"), result.tax());
        assertMoney(m("USD", "21.44"), result.lines().get(0).gross());
        assertMoney(m("USD", "0.00"), result.shipping().get(0).tax());
        assertMoney(m("USD", "1.45"), result.addedToPayable());
    }

    @Test
    void aPlatformFundedCouponReducesTheBaseOnlyUnderTheAllDiscountsRule() {
        List<TaxRate> rates = List.of(TaxRate.from("US-CA", "general", new Rate(new BigDecimal("0.0725")), EPOCH));
        TaxLine couponed = new TaxLine("a", "general", m("USD", "15.00"), m("USD", "5.00"));
        TaxRegion region = TaxRegion.of("US-CA", TaxMode.EXCLUSIVE);

        TaxResult all = TaxCalculator.fromTable(List.of(region), rates)
                .calculate(request("USD", "US-CA", NOW, List.of(couponed), List.of()));
        TaxResult sellerOnly = TaxCalculator.fromTable(List.of(region.withDiscountBase(DiscountBase.SELLER_FUNDED_ONLY)), rates)
                .calculate(request("USD", "US-CA", NOW, List.of(couponed), List.of()));

        // 15.00 x 7.25% = 1.0875 -> 1.09; with the 5.00 platform part added back: 20.00 x 7.25% = 1.45.
        assertMoney(m("USD", "1.09"), all.tax());
        assertMoney(m("USD", "1.45"), sellerOnly.tax());
    }

    @Test
    void bahrainVatIncludesShippingAndRoseFromFiveToTenPercentIn2022() {
        Instant y2022 = Instant.parse("2022-01-01T00:00:00Z");
        TaxCalculator bh = TaxCalculator.fromTable(List.of(TaxRegion.of("BH", TaxMode.INCLUSIVE).withShippingTaxedAs("standard")),
                List.of(new TaxRate("BH", "standard", Rate.percent(5), EPOCH, Optional.of(y2022)),
                        TaxRate.from("BH", "standard", Rate.percent(10), y2022)));
        List<TaxLine> lines = List.of(line("a", "standard", m("BHD", "11.000")));
        List<TaxLine> shipping = List.of(line("shipping:shop-a", "shipping", m("BHD", "1.650")));

        TaxResult now = bh.calculate(request("BHD", "BH", NOW, lines, shipping));
        TaxResult in2021 = bh.calculate(request("BHD", "BH", y2022.minusSeconds(1), List.of(line("a", "standard",
                m("BHD", "10.500"))), List.of()));

        assertMoney(m("BHD", "1.000"), now.lines().get(0).tax());
        assertMoney(m("BHD", "0.150"), now.shipping().get(0).tax());
        assertMoney(m("BHD", "1.150"), now.tax());
        assertMoney(m("BHD", "11.500"), now.net());
        assertMoney(m("BHD", "0.500"), in2021.tax());
    }

    @Test
    void twoRefundsOfALineReverseItsTaxInProportionAndExactlyInFull() {
        LineTax charged = new LineTax("a", "standard", Rate.percent(13), TaxMode.INCLUSIVE, m("CNY", "100.00"),
                m("CNY", "13.00"), m("CNY", "113.00"));

        TaxLeft.TaxReversal first = charged.left().refund(m("CNY", "50.00"));
        TaxLeft.TaxReversal rest = first.after().refund(m("CNY", "63.00"));

        // 13.00 x 50 / 113 = 5.752 -> 5.75; the rest reverses exactly the 7.25 left.
        assertMoney(m("CNY", "5.75"), first.taxReversed());
        assertMoney(m("CNY", "44.25"), first.netRefunded());
        assertMoney(m("CNY", "7.25"), rest.taxReversed());
        assertMoney(m("CNY", "0.00"), rest.after().taxLeft());
        assertThrows(InvalidInputException.class, () -> rest.after().refund(m("CNY", "0.01")));
    }

    @Test
    void aPricedOrderIsTaxedFromItsLineFinalsAndShippingAfterDiscounts() {
        CurrencyUnit cny = Monetary.getCurrency("CNY");
        Coupon coupon = new Coupon(PromotionTerms.of("p10"), Optional.empty(), Scope.all(), m("CNY", "0"),
                new CouponValue.Amount(m("CNY", "10.00")));
        PricingResult priced = PricingEngine.of(List.of(coupon)).price(PricingRequest.of(cny, NOW, List.of(
                PricingLine.of("a", "tea", "shop-a", List.of("tea"), 1, m("CNY", "123.00"))))
                .withShipping(Map.of("shop-a", m("CNY", "10.00")))
                .withBuyer(BuyerContext.anonymous().withCoupons("p10")));
        TaxCalculator cn = TaxCalculator.fromTable(List.of(TaxRegion.of("CN", TaxMode.INCLUSIVE).withShippingTaxedAs("shipping")),
                List.of(TaxRate.from("CN", "food", Rate.percent(9), EPOCH), TaxRate.from("CN", "shipping", Rate.percent(9), EPOCH)));

        TaxResult result = cn.calculate(TaxRequest.fromPricing(priced, "CN", NOW, l -> "food"));

        // The coupon brings the tea to 113.00: 113 x 9 / 109 = 9.33; shipping 10.00: 0.83.
        assertMoney(m("CNY", "9.33"), result.lines().get(0).tax());
        assertMoney(m("CNY", "0.83"), result.shipping().get(0).tax());
        assertEquals("shipping:shop-a", result.shipping().get(0).id());
        assertMoney(priced.payable(), result.gross());
    }

    @Test
    void aMissingRateOrRegionIsAConfigurationError() {
        TaxCalculator cn = TaxCalculator.fromTable(List.of(TaxRegion.of("CN", TaxMode.INCLUSIVE)),
                List.of(TaxRate.from("CN", "standard", Rate.percent(13), NOW)));

        NoTaxRateException early = assertThrows(NoTaxRateException.class, () -> cn.calculate(request("CNY", "CN",
                NOW.minusSeconds(1), List.of(line("a", "standard", m("CNY", "1.00"))), List.of())));
        assertEquals("standard", early.category());
        assertThrows(NoTaxRateException.class, () -> cn.calculate(request("CNY", "HK", NOW, List.of(), List.of())));
        assertThrows(InvalidInputException.class, () -> TaxCalculator.fromTable(List.of(),
                List.of(TaxRate.from("CN", "standard", Rate.percent(13), NOW),
                        TaxRate.from("CN", "standard", Rate.percent(9), NOW.plusSeconds(60)))));
    }
}
