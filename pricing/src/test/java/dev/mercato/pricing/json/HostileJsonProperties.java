package dev.mercato.pricing.json;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.MoneyOverflowException;
import dev.mercato.pricing.promotion.BuyerContext;
import dev.mercato.pricing.promotion.PricingEngine;
import dev.mercato.pricing.promotion.PricingLine;
import dev.mercato.pricing.promotion.PricingRequest;
import dev.mercato.pricing.promotion.Promotion;
import dev.mercato.pricing.promotion.json.PromotionFileException;
import dev.mercato.pricing.promotion.json.PromotionJson;
import dev.mercato.pricing.revenue.json.ScheduleJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated garbage and edge cases for both JSON readers: mutated valid documents (huge and tiny
 * numbers, wrong types, deleted and inserted characters, repeated keys, deep nesting, long
 * strings, dropped fields) and random token streams. Each document is either read or refused
 * with the reader's typed exception, never another exception, and reading stays bounded in time.
 */
class HostileJsonProperties {
    /** Generous: a read takes milliseconds; the guard only keeps a regression from hanging the build. */
    private static final Duration GUARD = Duration.ofSeconds(10);
    private static final CurrencyUnit CNY = Monetary.getCurrency("CNY");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("\"[^\"\\\\]*\"");
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\"\\s*:");
    private static final Pattern SCALAR_MEMBER = Pattern.compile("\"\\w+\"\\s*:\\s*(\"[^\"]*\"|-?[\\d.]+|true|false),?");

    private static final List<String> HOSTILE_NUMBERS = List.of("1e999999999", "-1e999999999", "1e-999999999",
            "1e9999999999", "-1E-9999999999", "1e9223372036854775807",
            "0e-999999999", "0." + "0".repeat(90) + "1", "9".repeat(99), "9".repeat(101), "92233720368547758.08",
            "92233720368547758.07", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "1000000000000001", "2147483648", "-0", "-1", "0", "0.001", "1E+18", "1e2", "100.0000000000000000001",
            "\"1e999999999\"", "\"" + "9".repeat(5_000) + "\"", "\"12.5%\"", "\"-0.0%\"");
    private static final List<String> WRONG_VALUES = List.of("null", "true", "[]", "{}", "[1, 2]", "{\"a\": 1}", "\"\"",
            "\" \"", "\"x\"", "0", "\"2026-13-45T99:00:00Z\"", "\"" + "z".repeat(20_000) + "\"", "\"\\u0000\"",
            "\"\\ud800\"");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"kind\"", "\"id\"", "\"currency\"",
            "\"promotions\"", "\"CNY\"", "\"tiers\"", "\"threshold\"", "\"off\"", "\"amount-off\"", "\"perUnit\"",
            "\"threshold-reduction\"", "\"name\"", "\"commission\"", "\"rules\"", "\"rate\"", "\"5%\"", "1", "-1",
            "1e999999999", "0.000000000000000000001", "true", "null", "NaN", "'x'", "/* */", "\"\\", " ");

    private static final String PROMOTION_DOCUMENT = docsExample();
    private static final List<String> SCHEDULE_DOCUMENTS = ScheduleJson.EXAMPLES.stream()
            .map(HostileJsonProperties::exampleSchedule).toList();

    private static String docsExample() {
        try {
            String doc = Files.readString(Path.of("..", "docs", "pricing.md"), StandardCharsets.UTF_8);
            int start = doc.indexOf("```json\n") + "```json\n".length();
            return doc.substring(start, doc.indexOf("```", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String exampleSchedule(String name) {
        try (InputStream in = ScheduleJson.class.getResourceAsStream(name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit of a document: where (a seed for the position) and what. */
    record Mutation(Kind kind, int seed, String payload, int depth) {
        enum Kind { NUMBER, WRONG_TYPE, DELETE, INSERT, DUPLICATE_KEY, NEST, DROP_FIELD }

        String apply(String doc) {
            return switch (kind) {
                case NUMBER -> replaceMatch(doc, NUMBER, payload);
                case WRONG_TYPE -> replaceMatch(doc, STRING, payload);
                case DELETE -> {
                    int at = Math.floorMod(seed, doc.length());
                    yield doc.substring(0, at) + doc.substring(Math.min(doc.length(), at + 1 + depth % 6));
                }
                case INSERT -> {
                    int at = Math.floorMod(seed, doc.length() + 1);
                    yield doc.substring(0, at) + payload + doc.substring(at);
                }
                case DUPLICATE_KEY -> duplicateKey(doc, seed);
                case NEST -> replaceMatch(doc, NUMBER, "[".repeat(depth) + payload + "]".repeat(depth));
                case DROP_FIELD -> replaceMatch(doc, SCALAR_MEMBER, "");
            };
        }

        private String replaceMatch(String doc, Pattern pattern, String replacement) {
            List<int[]> spans = spans(doc, pattern);
            if (spans.isEmpty()) {
                return doc;
            }
            int[] span = spans.get(Math.floorMod(seed, spans.size()));
            return doc.substring(0, span[0]) + replacement + doc.substring(span[1]);
        }
    }

    private static List<int[]> spans(String doc, Pattern pattern) {
        List<int[]> spans = new ArrayList<>();
        Matcher m = pattern.matcher(doc);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    /** Repeats a key of some object right after itself: {@code "k": v} becomes {@code "k": 0, "k": v}. */
    static String duplicateKey(String doc, int seed) {
        List<int[]> keys = spans(doc, KEY);
        int[] key = keys.get(Math.floorMod(seed, keys.size()));
        return doc.substring(0, key[0]) + doc.substring(key[0], key[1]) + " 0, " + doc.substring(key[0]);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        Arbitrary<Integer> seeds = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        Arbitrary<Integer> depths = Arbitraries.integers().between(1, 60);
        Arbitrary<Mutation> numbers = Combinators.combine(seeds, Arbitraries.of(HOSTILE_NUMBERS))
                .as((s, p) -> new Mutation(Mutation.Kind.NUMBER, s, p, 0));
        Arbitrary<Mutation> wrong = Combinators.combine(seeds, Arbitraries.of(WRONG_VALUES))
                .as((s, p) -> new Mutation(Mutation.Kind.WRONG_TYPE, s, p, 0));
        Arbitrary<Mutation> deletions = Combinators.combine(seeds, depths)
                .as((s, d) -> new Mutation(Mutation.Kind.DELETE, s, "", d));
        Arbitrary<Mutation> insertions = Combinators.combine(seeds, Arbitraries.of(TOKENS))
                .as((s, p) -> new Mutation(Mutation.Kind.INSERT, s, p, 0));
        Arbitrary<Mutation> duplicates = seeds.map(s -> new Mutation(Mutation.Kind.DUPLICATE_KEY, s, "", 0));
        Arbitrary<Mutation> nests = Combinators.combine(seeds, Arbitraries.of("1", "{}", "\"x\""), depths)
                .as((s, p, d) -> new Mutation(Mutation.Kind.NEST, s, p, d));
        Arbitrary<Mutation> drops = seeds.map(s -> new Mutation(Mutation.Kind.DROP_FIELD, s, "", 0));
        return Arbitraries.oneOf(numbers, wrong, deletions, insertions, duplicates, nests, drops);
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(TOKENS).list().ofMinSize(0).ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    private static String mutate(String doc, List<Mutation> mutations) {
        String out = doc;
        for (Mutation m : mutations) {
            out = m.apply(out);
        }
        return out;
    }

    /** Reads, or refuses with exactly the expected exception type; anything else fails the property. */
    private static <T> T readOrRefuse(String json, Function<String, T> read, Class<? extends RuntimeException> refusal) {
        return assertTimeoutPreemptively(GUARD, () -> {
            try {
                return read.apply(json);
            } catch (RuntimeException e) {
                if (refusal.isInstance(e)) {
                    return null;
                }
                throw new AssertionError("refused with " + e + " instead of " + refusal.getSimpleName(), e);
            }
        });
    }

    /** A promotion set that was read prices a small cart, or refuses it as an overflow. */
    private static void pricesOrOverflows(List<Promotion> promotions) {
        PricingRequest request = PricingRequest.of(CNY, Instant.parse("2026-11-11T12:00:00Z"), List.of(
                PricingLine.of("1", "tea", "shop-a", List.of("drinks", "tea"), 3, MinorUnits.toAmount(12_000, CNY)),
                PricingLine.of("2", "cup", "shop-b", List.of("kitchen"), 2, MinorUnits.toAmount(4_500, CNY))))
                .withShipping(Map.of("shop-a", MinorUnits.toAmount(1_000, CNY)))
                .withBuyer(BuyerContext.anonymous().withNewUser(true).withTiers("GOLD", "VIP"));
        try {
            PricingEngine.of(promotions).price(request);
        } catch (MoneyOverflowException e) {
            // a typed refusal of the extreme values a mutation may have written
        }
    }

    @Property
    void aMutatedPromotionFileIsReadOrRefusedWithAPromotionFileException(
            @ForAll("mutations") Mutation first, @ForAll("mutations") Mutation second) {
        String json = mutate(PROMOTION_DOCUMENT, List.of(first, second));
        List<Promotion> read = readOrRefuse(json, PromotionJson.standard()::read, PromotionFileException.class);
        if (read != null) {
            pricesOrOverflows(read);
        }
    }

    @Property
    void aMutatedScheduleFileIsReadOrRefusedWithAnInvalidScheduleException(
            @ForAll("mutations") Mutation first, @ForAll("mutations") Mutation second,
            @ForAll("scheduleIndex") int which) {
        String json = mutate(SCHEDULE_DOCUMENTS.get(which), List.of(first, second));
        readOrRefuse(json, ScheduleJson::read, InvalidScheduleException.class);
    }

    @Provide
    Arbitrary<Integer> scheduleIndex() {
        return Arbitraries.integers().between(0, ScheduleJson.EXAMPLES.size() - 1);
    }

    @Property
    void aRepeatedKeyIsAlwaysRefused(@ForAll int seed, @ForAll("scheduleIndex") int which) {
        String promotions = duplicateKey(PROMOTION_DOCUMENT, seed);
        assertTimeoutPreemptively(GUARD, () -> assertThrows(PromotionFileException.class,
                () -> PromotionJson.standard().read(promotions)));
        String schedule = duplicateKey(SCHEDULE_DOCUMENTS.get(which), seed);
        assertTimeoutPreemptively(GUARD, () -> assertThrows(InvalidScheduleException.class, () -> ScheduleJson.read(schedule)));
    }

    @Property
    void aStreamOfRandomTokensIsReadOrRefusedByBothReaders(@ForAll("tokenSoup") String json) {
        readOrRefuse(json, PromotionJson.standard()::read, PromotionFileException.class);
        readOrRefuse(json, ScheduleJson::read, InvalidScheduleException.class);
        readOrRefuse("{\"currency\": \"CNY\", \"promotions\": [" + json + "]}", PromotionJson.standard()::read,
                PromotionFileException.class);
    }

    @Property
    void aHostileNumberInAnyNumericFieldIsReadOrRefusedAtAPath(@ForAll int seed, @ForAll("hostileNumber") String number) {
        String json = new Mutation(Mutation.Kind.NUMBER, seed, number, 0).apply(PROMOTION_DOCUMENT);
        assertTimeoutPreemptively(GUARD, () -> {
            try {
                pricesOrOverflows(PromotionJson.standard().read(json));
            } catch (PromotionFileException e) {
                if (e.getMessage().length() > 600) {
                    fail("message of " + e.getMessage().length() + " characters: " + e.getMessage().substring(0, 200));
                }
            }
        });
    }

    @Provide
    Arbitrary<String> hostileNumber() {
        return Arbitraries.oneOf(Arbitraries.of(HOSTILE_NUMBERS),
                Arbitraries.longs().map(e -> "1e" + e),
                Arbitraries.integers().between(1, 120).map(n -> "0." + "0".repeat(n) + "1"),
                Arbitraries.integers().between(1, 120).map("7"::repeat));
    }
}
