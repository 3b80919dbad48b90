package dev.mercato.pricing.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.json.PromotionFileException;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.promotion.rule.AmountOff;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Hostile documents for both JSON readers: each is refused with the reader's typed exception, at its path, quickly. */
class HostileJsonExamples {
    /** Generous: each refusal takes milliseconds; the guard only stops a regression from hanging the build. */
    private static final Duration GUARD = Duration.ofSeconds(10);

    private static String promotions(String body) {
        return "{\"currency\": \"CNY\", \"promotions\": [" + body + "]}";
    }

    private static String schedule(String rule) {
        return "{\"name\": \"x\", \"currency\": \"CNY\", \"commission\": {\"base\": \"PAID\", \"rules\": [" + rule + "]}}";
    }

    private static PromotionFileException promotionRefusal(String json) {
        return assertTimeoutPreemptively(GUARD,
                () -> assertThrows(PromotionFileException.class, () -> PromotionJson.standard().read(json)));
    }

    private static InvalidScheduleException scheduleRefusal(String json) {
        return assertTimeoutPreemptively(GUARD,
                () -> assertThrows(InvalidScheduleException.class, () -> ScheduleJson.read(json)));
    }

    private static void assertAt(String location, String problem, PromotionFileException e) {
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    private static void assertAt(String location, String problem, InvalidScheduleException e) {
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void aPromotionFileThatRepeatsAKeyIsRefused() {
        PromotionFileException top = promotionRefusal("{\"currency\": \"CNY\", \"currency\": \"USD\", \"promotions\": []}");
        assertTrue(top.location().startsWith("line 1"), top.location());
        assertTrue(top.problem().contains("Duplicate field 'currency'"), top.problem());

        PromotionFileException inner = promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1, \"perUnit\": 100}"));
        assertTrue(inner.problem().contains("Duplicate field 'perUnit'"), inner.problem());
    }

    @Test
    void aScheduleFileThatRepeatsAKeyIsRefused() {
        InvalidScheduleException e = scheduleRefusal(schedule(
                "{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"rate\": \"0%\"}"));
        assertTrue(e.problem().contains("Duplicate field 'rate'"), e.problem());
    }

    @Test
    void aHugeExponentIsRefusedAtItsPathBeforeTheNumberIsBuilt() {
        assertAt("$.promotions[0].perUnit", "too large", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1e999999999}")));
        assertAt("$.promotions[0].perUnit", "too large", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": \"-1e999999999\"}")));
        assertAt("$.commission.rules[0].minimum", "too large", scheduleRefusal(schedule(
                "{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"minimum\": \"1e999999999\"}")));
    }

    @Test
    void anExponentBeyondTheRangeOfIntIsRefused() {
        // Jackson reports this one with an unchecked NumberFormatException.
        assertTrue(promotionRefusal(promotions("{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1e9999999999}"))
                .problem().contains("out of every bound"));
        assertTrue(scheduleRefusal(schedule("{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"minimum\": -1e-9999999999}"))
                .problem().contains("out of every bound"));
        assertAt("$.promotions[0].perUnit", "decimal number", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": \"1e9999999999\"}")));
    }

    @Test
    void aHugeScaleIsRefusedAtItsPathBeforeAnyArithmetic() {
        assertAt("$.promotions[0].percent", "decimals", promotionRefusal(promotions(
                "{\"kind\": \"percent-off\", \"id\": \"p\", \"percent\": 1e-999999999}")));
        assertAt("$.promotions[0].percent", "decimals", promotionRefusal(promotions(
                "{\"kind\": \"percent-off\", \"id\": \"p\", \"percent\": 0.0000000000000000000001}")));
        assertAt("$.commission.rules[0].rate", "decimals", scheduleRefusal(schedule(
                "{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"1e-999999999%\"}")));
    }

    @Test
    void aMillionDigitNumberIsRefusedByTheParser() {
        String digits = "9".repeat(1_000_000);
        PromotionFileException number = promotionRefusal(promotions(
                "{\"kind\": \"flash-sale\", \"id\": \"f\", \"unitPrice\": 1, \"stock\": " + digits + "}"));
        assertTrue(number.problem().contains("bound"), number.problem());
        PromotionFileException text = promotionRefusal(promotions(
                "{\"kind\": \"percent-off\", \"id\": \"p\", \"percent\": \"0." + "0".repeat(1_000_000) + "1\"}"));
        assertTrue(text.problem().contains("bound"), text.problem());
        InvalidScheduleException schedule = scheduleRefusal(schedule(
                "{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"minimum\": " + digits + "}"));
        assertTrue(schedule.problem().contains("bound"), schedule.problem());
    }

    @Test
    void aLongNumberStringIsRefusedBeforeItIsParsed() {
        assertAt("$.promotions[0].perUnit", "at most 100 characters", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": \"" + "1".repeat(5_000) + "\"}")));
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        String deep = "[".repeat(JsonLimits.MAX_DEPTH + 1) + "]".repeat(JsonLimits.MAX_DEPTH + 1);
        assertTrue(promotionRefusal(promotions(deep)).problem().contains("nesting depth"));
        assertTrue(scheduleRefusal("{\"name\": " + deep + "}").problem().contains("nesting depth"));
    }

    @Test
    void aWholeNumberBeyondTenToTheFifteenIsRefusedAtItsPath() {
        assertAt("$.promotions[0].buy", "out of range", promotionRefusal(promotions(
                "{\"kind\": \"buy-x-get-y\", \"id\": \"b\", \"buy\": 9223372036854775807, \"get\": 9223372036854775807}")));
        assertAt("$.promotions[0].stock", "out of range", promotionRefusal(promotions(
                "{\"kind\": \"flash-sale\", \"id\": \"f\", \"unitPrice\": 1, \"stock\": 99999999999999999999}")));
        assertAt("$.promotions[0].items.tea", "out of range", promotionRefusal(promotions(
                "{\"kind\": \"bundle-price\", \"id\": \"b\", \"items\": {\"tea\": 1000000000000001}, \"price\": 1}")));
    }

    @Test
    void anAmountBeyondTheMinorUnitRangeIsRefusedAtItsPath() {
        assertAt("$.promotions[0].perUnit", "too large for a count of CNY minor units", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 92233720368547758.08}")));
        // Before the strict layer this escaped the schedule reader as a raw ArithmeticException.
        assertAt("$.commission.rules[0].minimum", "too large for a count of CNY minor units", scheduleRefusal(schedule(
                "{\"id\": \"a\", \"scope\": \"default\", \"rate\": \"5%\", \"minimum\": \"99999999999999999.99\"}")));
    }

    @Test
    void theLargestAmountAPromotionFileMayHoldIsRead() {
        List<Promotion> read = PromotionJson.standard().read(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 92233720368547758.07}"));
        assertEquals(Long.MAX_VALUE, MinorUnits.toMinor(((AmountOff) read.get(0)).perUnit()));
    }

    @Test
    void tiersWhoseThresholdsDoNotRiseAreRefusedAtTheTier() {
        assertAt("$.promotions[0].tiers[1].threshold", "above the previous tier's threshold CNY 300.00",
                promotionRefusal(promotions("{\"kind\": \"threshold-reduction\", \"id\": \"t\", \"tiers\": "
                        + "[{\"threshold\": 300, \"off\": 40}, {\"threshold\": 200, \"off\": 50}]}")));
        assertAt("$.promotions[0].tiers[1].threshold", "above the previous tier's threshold",
                promotionRefusal(promotions("{\"kind\": \"threshold-reduction\", \"id\": \"t\", \"tiers\": "
                        + "[{\"threshold\": 300, \"off\": 40}, {\"threshold\": 300, \"off\": 50}]}")));
    }

    @Test
    void aTierThatTakesLessThanTheTierBelowItIsRefused() {
        assertAt("$.promotions[0].tiers[1].off", "must not fall", promotionRefusal(promotions(
                "{\"kind\": \"threshold-reduction\", \"id\": \"t\", \"tiers\": "
                        + "[{\"threshold\": 100, \"off\": 40}, {\"threshold\": 200, \"off\": 30}]}")));
    }

    @Test
    void aTierThatTakesMoreThanItsThresholdIsRefused() {
        assertAt("$.promotions[3].tiers[0].off", "must not be above its threshold CNY 10.00", promotionRefusal(promotions(
                "{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1},"
                        + "{\"kind\": \"amount-off\", \"id\": \"b\", \"perUnit\": 1},"
                        + "{\"kind\": \"amount-off\", \"id\": \"c\", \"perUnit\": 1},"
                        + "{\"kind\": \"threshold-reduction\", \"id\": \"t\", \"tiers\": [{\"threshold\": 10, \"off\": 40}]}")));
    }

    @Test
    void quantityBreaksMustRiseInQuantityAndNeverRiseInPrice() {
        assertAt("$.promotions[0].breaks[1].minQuantity", "above the previous break", promotionRefusal(promotions(
                "{\"kind\": \"quantity-breaks\", \"id\": \"q\", \"breaks\": "
                        + "[{\"minQuantity\": 5, \"unitPrice\": 8}, {\"minQuantity\": 3, \"unitPrice\": 9}]}")));
        assertAt("$.promotions[0].breaks[1].unitPrice", "must not rise", promotionRefusal(promotions(
                "{\"kind\": \"quantity-breaks\", \"id\": \"q\", \"breaks\": "
                        + "[{\"minQuantity\": 3, \"unitPrice\": 8}, {\"minQuantity\": 5, \"unitPrice\": 9}]}")));
    }

    @Test
    void aMessageQuotesAtMostFortyCharactersOfTheDocument() {
        String longText = "x".repeat(9_000);
        List<Executable> readers = List.of(
                () -> PromotionJson.standard().read(promotions("{\"kind\": \"" + longText + "\", \"id\": \"a\"}")),
                () -> PromotionJson.standard().read("{\"currency\": \"" + longText + "\", \"promotions\": []}"),
                () -> PromotionJson.standard().read(promotions("{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": 1, \""
                        + "k".repeat(200) + "\": 1}")),
                () -> PromotionJson.standard().read(promotions("{\"kind\": \"amount-off\", \"id\": \"a\", \"perUnit\": \""
                        + longText + "\"}")),
                () -> ScheduleJson.read("{\"name\": \"x\", \"currency\": \"" + longText + "\"}"),
                () -> ScheduleJson.read(schedule("{\"id\": \"a\", \"scope\": \"" + longText + "\", \"rate\": \"5%\"}")),
                () -> ScheduleJson.read("{\"name\": \"x\", \"" + "k".repeat(200) + "\": 1}"));
        for (Executable read : readers) {
            RuntimeException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(RuntimeException.class, read));
            assertTrue(e instanceof PromotionFileException || e instanceof InvalidScheduleException, e.toString());
            // The quoted input is cut to 40 characters; the rest is the path, the problem and, for an
            // unknown kind, at most 30 known kind names.
            assertTrue(e.getMessage().length() < 900, e.getMessage().length() + ": " + e.getMessage());
            assertTrue(e.getMessage().contains("characters)"), e.getMessage());
        }
    }

    @Test
    void aScheduleWithTrailingTokensIsRefused() {
        String valid = "{\"name\": \"x\", \"currency\": \"CNY\", \"commission\": {\"base\": \"PAID\", \"rules\": []}}";
        ScheduleJson.read(valid);
        assertTrue(scheduleRefusal(valid + " {}").problem().contains("not valid JSON"));
    }

    @Test
    void aCurrencyWithoutAMinorUnitIsRefusedAsAFileProblem() {
        assertAt("$", "no usable minor unit", promotionRefusal("{\"currency\": \"XAU\", \"promotions\": []}"));
    }

    @Test
    void aCustomKindReadsThroughTheSameStrictLayer() {
        PromotionJson reader = PromotionJson.standard().withKind("custom", f -> new AmountOff(f.terms(),
                dev.mercato.pricing.promotion.Scope.all(), f.money("value")));
        assertAt("$.promotions[0].value", "too large", assertThrows(PromotionFileException.class, () -> reader.read(
                promotions("{\"kind\": \"custom\", \"id\": \"c\", \"value\": 1e999999999}"))));
    }

    @Test
    void aStreamWithInvalidBytesIsRefusedAsAFileProblem() {
        byte[] bytes = "{\"currency\": \"CNY\", \"promotions\": [\"\u00ff\"]}".getBytes(StandardCharsets.ISO_8859_1);
        PromotionFileException e = assertThrows(PromotionFileException.class,
                () -> PromotionJson.standard().read(new ByteArrayInputStream(bytes)));
        assertTrue(e.problem().contains("UTF-8") || e.problem().contains("not valid JSON"), e.problem());
    }

    @Test
    void aKeyLongerThanTheBoundIsRefusedByTheParser() {
        String key = "k".repeat(JsonLimits.MAX_NAME_LENGTH + 44);
        assertTrue(promotionRefusal(promotions("{\"" + key + "\": 1}")).problem().contains("bound"));
    }

    @Test
    void aDocumentLongerThanEightMebibytesIsRefusedWithoutBeingParsed() {
        String padding = " ".repeat((int) JsonLimits.MAX_DOCUMENT_LENGTH);
        assertAt("$", "longer than", promotionRefusal(promotions(padding)));
        PromotionFileException stream = assertTimeoutPreemptively(GUARD, () -> assertThrows(PromotionFileException.class,
                () -> PromotionJson.standard().read(new ByteArrayInputStream(promotions(padding)
                        .getBytes(StandardCharsets.UTF_8)))));
        assertTrue(stream.problem().contains("bound"), stream.problem());
    }

    @Test
    void anEmptyDocumentIsRefused() {
        assertAt("$", "empty", promotionRefusal(""));
        assertAt("$", "empty", scheduleRefusal("   "));
    }
}
