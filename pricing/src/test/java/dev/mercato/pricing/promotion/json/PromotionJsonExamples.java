package dev.mercato.pricing.promotion.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.Outcome;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.RejectionReason;
import dev.mercato.pricing.promotion.rule.Coupon;
import dev.mercato.pricing.promotion.rule.CouponValue;
import dev.mercato.pricing.promotion.rule.Reach;
import dev.mercato.pricing.promotion.rule.RepeatingReduction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.money.Monetary;
import org.javamoney.moneta.Money;
import org.junit.jupiter.api.Test;

class PromotionJsonExamples {

    static String docsExample() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "pricing.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n") + "```json\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    static String document(String promotion) {
        return "{\"currency\": \"CNY\", \"promotions\": [" + promotion + "]}";
    }

    static PromotionFileException failure(String json) {
        return assertThrows(PromotionFileException.class, () -> PromotionJson.standard().read(json));
    }

    @Test
    void theDocumentationExampleHasEveryKindAndLoads() throws IOException {
        List<Promotion> promotions = PromotionJson.standard().read(docsExample());

        Set<String> kinds = promotions.stream().map(Promotion::kind).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(PromotionJson.standard().kinds(), kinds);
        assertEquals(25, promotions.size());
        PricingEngine engine = PricingEngine.of(promotions);
        assertEquals(25, engine.promotions().size());
    }

    @Test
    void aRepeatingReductionReadsIntoTheSameRecordAsWrittenInJava() {
        List<Promotion> read = PromotionJson.standard().read(document("""
                {"kind": "repeating-reduction", "id": "double-11", "reach": "across-shops", "every": "300.00",
                 "off": 40, "funding": {"platformShare": 50}, "priority": 3}"""));

        RepeatingReduction r = assertInstanceOf(RepeatingReduction.class, read.get(0));
        assertEquals(Reach.ACROSS_SHOPS, r.reach());
        assertEquals(30000, MinorUnits.toMinor(r.every()));
        assertEquals(Funding.coFunded(Rate.percent(50)), r.funding());
        assertEquals(3, r.terms().priority());
    }

    @Test
    void aLoadedPercentCouponPricesLikeItsJavaTwin() {
        List<Promotion> read = PromotionJson.standard().read(document("""
                {"kind": "coupon", "id": "p10", "minSpend": 100, "percent": 10, "maxDiscount": 15}"""));
        Coupon coupon = assertInstanceOf(Coupon.class, read.get(0));
        assertEquals(new CouponValue.Percent(Rate.percent(10), java.util.Optional.of(MinorUnits.toAmount(1500,
                Monetary.getCurrency("CNY")))), coupon.value());

        PricingRequest request = PricingRequest.of(Monetary.getCurrency("CNY"), Instant.parse("2026-11-11T00:00:00Z"),
                List.of(PricingLine.of("l", "tv", "shop-a", List.of(), 1, Money.of(200, "CNY"))))
                .withBuyer(BuyerContext.anonymous().withCoupons("p10"));
        assertEquals(18500, MinorUnits.toMinor(PricingEngine.of(read).price(request).payable()));
    }

    @Test
    void aBadThresholdIsReportedAtItsJsonLocation() {
        PromotionFileException e = failure("""
                {"currency": "CNY", "promotions": [
                  {"kind": "amount-off", "id": "a", "perUnit": 1},
                  {"kind": "amount-off", "id": "b", "perUnit": 1},
                  {"kind": "amount-off", "id": "c", "perUnit": 1},
                  {"kind": "free-shipping", "id": "d", "threshold": "abc"}
                ]}""");

        assertEquals("$.promotions[3].threshold", e.location());
        assertTrue(e.problem().contains("decimal number"), e.problem());
    }

    @Test
    void anUnknownKindNamesTheKnownKinds() {
        PromotionFileException e = failure(document("{\"kind\": \"mystery\", \"id\": \"m\"}"));

        assertEquals("$.promotions[0].kind", e.location());
        for (String kind : PromotionJson.standard().kinds()) {
            assertTrue(e.problem().contains(kind), e.problem());
        }
    }

    @Test
    void aMisspelledFieldIsReportedWithTheKnownFields() {
        PromotionFileException e = failure(document("{\"kind\": \"free-shipping\", \"id\": \"f\", \"treshold\": 99}"));

        assertEquals("$.promotions[0].threshold", e.location());
        PromotionFileException unknown = failure(document(
                "{\"kind\": \"free-shipping\", \"id\": \"f\", \"threshold\": 99, \"treshold\": 99}"));
        assertEquals("$.promotions[0].treshold", unknown.location());
        assertTrue(unknown.problem().contains("threshold"), unknown.problem());
    }

    @Test
    void invalidValuesAreReportedWhereTheyAre() {
        assertEquals("$.promotions[0].tiers[1].off", failure(document("""
                {"kind": "threshold-reduction", "id": "t", "tiers": [{"threshold": 199, "off": 20},
                 {"threshold": 299, "off": -40}]}""")).location());
        assertEquals("$.promotions[0].perUnit", failure(document(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 0.001}")).location());
        assertEquals("$.promotions[0].window.until", failure(document("""
                {"kind": "amount-off", "id": "a", "perUnit": 1,
                 "window": {"from": "2026-11-11T00:00:00Z", "until": "2026-11-10T00:00:00Z"}}""")).location());
        assertEquals("$.promotions[0].reach", failure(document(
                "{\"kind\": \"repeating-reduction\", \"id\": \"r\", \"reach\": \"galaxy\", \"every\": 1, \"off\": 1}"))
                .location());
        assertEquals("$.promotions[1].id", failure(document(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1}, {\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 2}"))
                .location());
        assertEquals("$.promotions[0].percent", failure(document(
                "{\"kind\": \"percent-off\", \"id\": \"p\", \"percent\": 120}")).location());
        assertEquals("$.promotions[0].perBuyerLimit", failure(document(
                "{\"kind\": \"flash-sale\", \"id\": \"f\", \"unitPrice\": 1, \"stock\": 1, \"perBuyerLimit\": 0}")).location());
        assertEquals("$.currency", failure("{\"currency\": \"XYZ\", \"promotions\": []}").location());
    }

    @Test
    void aSyntaxErrorNamesTheLineAndColumn() {
        PromotionFileException e = failure("{\"currency\": \"CNY\",\n \"promotions\": [ {\"kind\": } ]}");
        assertTrue(e.location().startsWith("line 2"), e.location());
    }

    @Test
    void aCustomKindCanBeRegistered() {
        PromotionJson reader = PromotionJson.standard().withKind("always-rejects", f -> {
            var terms = f.terms();
            String code = f.text("code");
            return new Promotion() {
                @Override
                public dev.mercato.pricing.promotion.PromotionTerms terms() {
                    return terms;
                }

                @Override
                public String kind() {
                    return "always-rejects";
                }

                @Override
                public dev.mercato.pricing.promotion.Lane lane() {
                    return dev.mercato.pricing.promotion.Lane.ITEM;
                }

                @Override
                public Outcome evaluate(dev.mercato.pricing.promotion.PromotionContext context) {
                    return Outcome.rejected(new RejectionReason.Other(code, "never applies"));
                }
            };
        });

        List<Promotion> read = reader.read(document("{\"kind\": \"always-rejects\", \"id\": \"x\", \"code\": \"nope\"}"));
        assertEquals("always-rejects", read.get(0).kind());
        assertTrue(reader.kinds().contains("always-rejects"));
    }
}
