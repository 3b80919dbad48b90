package dev.mercato.pricing.promotion.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.Window;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One JSON object of a promotion document, with accessors that convert and validate fields and
 * name the field's location in every error. Amounts are JSON numbers or strings in the
 * document's currency ({@code 19.9} or {@code "19.90"}); percentages are numbers or strings
 * ({@code 12.5} is 12.5%). The fields a reader asks for are remembered, so that any other field
 * can be reported as unknown. Not thread-safe; used during one read.
 */
public final class PromotionFields {
    /** The fields every promotion may have, read by {@link #terms()}. */
    static final List<String> COMMON = List.of("kind", "id", "priority", "group", "window", "memberTiers", "newUsersOnly",
            "replacesPriceLevels", "funding");

    private final JsonNode node;
    private final String path;
    private final CurrencyUnit currency;
    private final Set<String> asked = new HashSet<>();

    PromotionFields(JsonNode node, String path, CurrencyUnit currency) {
        this.node = node;
        this.path = path;
        this.currency = currency;
    }

    /**
     * This object's location.
     *
     * @return a JSON path such as {@code $.promotions[3]}
     */
    public String path() {
        return path;
    }

    /**
     * The document's currency.
     *
     * @return the currency every amount is in
     */
    public CurrencyUnit currency() {
        return currency;
    }

    /**
     * An error at a field of this object.
     *
     * @param field the field name
     * @param problem what is wrong
     * @return the exception to throw
     */
    public PromotionFileException problem(String field, String problem) {
        return new PromotionFileException(path + "." + field, problem);
    }

    /**
     * Whether a field is present (and not {@code null}).
     *
     * @param field the field name
     * @return {@code true} if present
     */
    public boolean has(String field) {
        asked.add(field);
        JsonNode child = node.get(field);
        return child != null && !child.isNull();
    }

    private JsonNode required(String field) {
        if (!has(field)) {
            throw problem(field, "is required");
        }
        return node.get(field);
    }

    /**
     * A required text field.
     *
     * @param field the field name
     * @return the text
     */
    public String text(String field) {
        JsonNode child = required(field);
        if (!child.isTextual() || child.asText().isBlank()) {
            throw problem(field, "must be a non-blank string, was " + describe(child));
        }
        return child.asText();
    }

    /**
     * An optional text field.
     *
     * @param field the field name
     * @return the text, or empty
     */
    public Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    /**
     * A required whole number.
     *
     * @param field the field name
     * @return the number
     */
    public long whole(String field) {
        JsonNode child = required(field);
        if (!child.isIntegralNumber() || !child.canConvertToLong()) {
            throw problem(field, "must be a whole number, was " + describe(child));
        }
        return child.asLong();
    }

    /**
     * An optional whole number.
     *
     * @param field the field name
     * @param otherwise the value when absent
     * @return the number
     */
    public long whole(String field, long otherwise) {
        return has(field) ? whole(field) : otherwise;
    }

    /**
     * An optional boolean.
     *
     * @param field the field name
     * @param otherwise the value when absent
     * @return the value
     */
    public boolean flag(String field, boolean otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        JsonNode child = node.get(field);
        if (!child.isBoolean()) {
            throw problem(field, "must be true or false, was " + describe(child));
        }
        return child.asBoolean();
    }

    /**
     * A required amount in the document's currency.
     *
     * @param field the field name
     * @return the amount
     */
    public MonetaryAmount money(String field) {
        BigDecimal value = decimal(field);
        if (value.signum() < 0) {
            throw problem(field, "must not be negative, was " + value.toPlainString());
        }
        int scale = MinorUnits.scale(currency);
        if (value.stripTrailingZeros().scale() > scale) {
            throw problem(field, "has more decimals than " + currency.getCurrencyCode() + " allows (" + scale + "): "
                    + value.toPlainString());
        }
        try {
            return MinorUnits.toAmount(value.movePointRight(scale).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw problem(field, "is too large: " + value.toPlainString());
        }
    }

    /**
     * An optional amount.
     *
     * @param field the field name
     * @return the amount, or empty
     */
    public Optional<MonetaryAmount> optionalMoney(String field) {
        return has(field) ? Optional.of(money(field)) : Optional.empty();
    }

    /**
     * A required percentage, e.g. {@code 10} for 10%.
     *
     * @param field the field name
     * @return the rate
     */
    public Rate percent(String field) {
        BigDecimal value = decimal(field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw problem(field, "must be a percentage from 0 to 100, was " + value.toPlainString());
        }
        return Rate.percent(value);
    }

    /**
     * An optional percentage.
     *
     * @param field the field name
     * @param otherwise the rate when absent
     * @return the rate
     */
    public Rate percent(String field, Rate otherwise) {
        return has(field) ? percent(field) : otherwise;
    }

    /**
     * An enum value written in lower case with dashes, e.g. {@code "per-shop"} for {@code PER_SHOP}.
     *
     * @param field the field name
     * @param type the enum type
     * @param otherwise the value when absent
     * @param <E> the enum
     * @return the value
     */
    public <E extends Enum<E>> E choice(String field, Class<E> type, E otherwise) {
        if (!has(field)) {
            return otherwise;
        }
        String text = text(field);
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            if (name.equals(text)) {
                return e;
            }
        }
        throw problem(field, "must be one of " + names + ", was \"" + text + "\"");
    }

    /**
     * A list of strings (absent means empty).
     *
     * @param field the field name
     * @return the strings
     */
    public List<String> texts(String field) {
        if (!has(field)) {
            return List.of();
        }
        JsonNode child = node.get(field);
        if (!child.isArray()) {
            throw problem(field, "must be an array of strings, was " + describe(child));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode element = child.get(i);
            if (!element.isTextual() || element.asText().isBlank()) {
                throw new PromotionFileException(path + "." + field + "[" + i + "]", "must be a non-blank string, was "
                        + describe(element));
            }
            out.add(element.asText());
        }
        return out;
    }

    /**
     * A required object field.
     *
     * @param field the field name
     * @return its fields
     */
    public PromotionFields object(String field) {
        JsonNode child = required(field);
        if (!child.isObject()) {
            throw problem(field, "must be an object, was " + describe(child));
        }
        return new PromotionFields(child, path + "." + field, currency);
    }

    /**
     * A required array of objects, each read by {@code element}.
     *
     * @param field the field name
     * @param element reads one element; its unknown fields are reported
     * @param <T> the element type
     * @return the elements
     */
    public <T> List<T> objects(String field, Function<PromotionFields, T> element) {
        JsonNode child = required(field);
        if (!child.isArray()) {
            throw problem(field, "must be an array, was " + describe(child));
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) {
            JsonNode e = child.get(i);
            String at = path + "." + field + "[" + i + "]";
            if (!e.isObject()) {
                throw new PromotionFileException(at, "must be an object, was " + describe(e));
            }
            PromotionFields fields = new PromotionFields(e, at, currency);
            out.add(PromotionJson.guard(at, () -> element.apply(fields)));
            fields.rejectUnknown();
        }
        return out;
    }

    /**
     * A required object of whole numbers keyed by name, e.g. {@code {"tea": 1, "cup": 2}}.
     *
     * @param field the field name
     * @return the map, in document order
     */
    public Map<String, Long> counts(String field) {
        JsonNode child = required(field);
        if (!child.isObject() || child.isEmpty()) {
            throw problem(field, "must be a non-empty object of whole numbers, was " + describe(child));
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : child.properties()) {
            if (!e.getValue().isIntegralNumber() || !e.getValue().canConvertToLong()) {
                throw new PromotionFileException(path + "." + field + "." + e.getKey(), "must be a whole number, was "
                        + describe(e.getValue()));
            }
            out.put(e.getKey(), e.getValue().asLong());
        }
        return out;
    }

    /**
     * The optional {@code scope} object: {@code {"skus": [...], "categories": [...], "sellers": [...]}};
     * absent means every line.
     *
     * @return the scope
     */
    public Scope scope() {
        if (!has("scope")) {
            return Scope.all();
        }
        PromotionFields s = object("scope");
        Scope scope = new Scope(Set.copyOf(s.texts("skus")), Set.copyOf(s.texts("categories")),
                Set.copyOf(s.texts("sellers")));
        s.rejectUnknown();
        return scope;
    }

    /**
     * The common terms: {@code id} (required), {@code priority}, {@code group}, {@code window}
     * ({@code {"from": ISO instant, "until": ISO instant}}), {@code memberTiers}, {@code newUsersOnly},
     * {@code replacesPriceLevels} and {@code funding} ({@code "platform"}, {@code "seller"} or
     * {@code {"platformShare": 60}}).
     *
     * @return the terms
     */
    public PromotionTerms terms() {
        String id = text("id");
        long priority = whole("priority", 0);
        if (priority < Integer.MIN_VALUE || priority > Integer.MAX_VALUE) {
            throw problem("priority", "is out of range: " + priority);
        }
        Optional<String> group = optionalText("group");
        Window window = has("window") ? window(object("window")) : Window.ALWAYS;
        Set<String> tiers = Set.copyOf(texts("memberTiers"));
        boolean newUsers = flag("newUsersOnly", false);
        boolean replaces = flag("replacesPriceLevels", false);
        Optional<Funding> funding = has("funding") ? Optional.of(funding()) : Optional.empty();
        return new PromotionTerms(id, (int) priority, group, window, tiers, newUsers, replaces, funding);
    }

    private Window window(PromotionFields w) {
        Instant from = w.instant("from");
        Instant until = w.instant("until");
        w.rejectUnknown();
        if (!until.isAfter(from)) {
            throw w.problem("until", "must be after from (" + from + "), was " + until);
        }
        return new Window(from, until);
    }

    private Instant instant(String field) {
        String text = text(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(field, "must be an ISO-8601 instant such as 2026-11-11T00:00:00Z, was \"" + text + "\"");
        }
    }

    private Funding funding() {
        JsonNode f = node.get("funding");
        if (f.isTextual()) {
            return switch (f.asText()) {
                case "platform" -> Funding.PLATFORM;
                case "seller" -> Funding.SELLER;
                default -> throw problem("funding", "must be \"platform\", \"seller\" or {\"platformShare\": percent}, was "
                        + describe(f));
            };
        }
        PromotionFields share = object("funding");
        Funding funding = Funding.coFunded(share.percent("platformShare"));
        share.rejectUnknown();
        return funding;
    }

    private BigDecimal decimal(String field) {
        JsonNode child = required(field);
        try {
            if (child.isNumber()) {
                return child.decimalValue();
            }
            if (child.isTextual()) {
                return new BigDecimal(child.asText().trim());
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw problem(field, "must be a decimal number, was " + describe(child));
    }

    /**
     * Reports the first field nobody asked for.
     *
     * @throws PromotionFileException naming the unknown field and the known ones
     */
    void rejectUnknown() {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!asked.contains(e.getKey())) {
                List<String> known = new ArrayList<>(asked);
                known.sort(null);
                throw problem(e.getKey(), "is not a known field here; known fields: " + known);
            }
        }
    }

    static String describe(JsonNode node) {
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
