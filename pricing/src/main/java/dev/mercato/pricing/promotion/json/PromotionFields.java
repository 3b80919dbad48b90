package dev.mercato.pricing.promotion.json;

import dev.mercato.pricing.json.JsonValue;
import dev.mercato.pricing.json.StrictJson;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import dev.mercato.pricing.promotion.Funding;
import dev.mercato.pricing.promotion.PromotionTerms;
import dev.mercato.pricing.promotion.Scope;
import dev.mercato.pricing.promotion.Window;
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
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One JSON object of a promotion document, with accessors that convert and validate fields and
 * name the field's location in every error. Amounts are JSON numbers or strings in the
 * document's currency ({@code 19.9} or {@code "19.90"}); percentages are numbers or strings
 * ({@code 12.5} is 12.5%). The fields a reader asks for are remembered, so that any other field
 * can be reported as unknown.
 *
 * <p>Every accessor reads through the strict JSON layer ({@code docs/pricing.md}, "Hostile
 * input"): a number's length, magnitude and decimals are checked before it is converted, whole
 * numbers are at most 10^15 in magnitude, and an error message quotes at most 40 characters of
 * the document. A custom {@link KindReader} gets the same checks by using these accessors. Not
 * thread-safe; used during one read.
 */
public final class PromotionFields {
    /** The fields every promotion may have, read by {@link #terms()}. */
    static final List<String> COMMON = List.of("kind", "id", "priority", "group", "window", "memberTiers", "newUsersOnly",
            "replacesPriceLevels", "funding");

    private final JsonValue value;
    private final String path;
    private final CurrencyUnit currency;
    private final Set<String> asked = new HashSet<>();

    PromotionFields(JsonValue value, CurrencyUnit currency) {
        this.value = value.requireObject();
        this.path = value.path();
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
        return new PromotionFileException(JsonValue.key(path, field), problem);
    }

    /**
     * Whether a field is present (and not {@code null}).
     *
     * @param field the field name
     * @return {@code true} if present
     */
    public boolean has(String field) {
        asked.add(field);
        return value.member(field).isPresent();
    }

    private JsonValue required(String field) {
        asked.add(field);
        return value.member(field).orElseThrow(() -> problem(field, "is required"));
    }

    /**
     * A required text field.
     *
     * @param field the field name
     * @return the text
     */
    public String text(String field) {
        return required(field).text();
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
     * A required whole number, at most 10^15 in magnitude.
     *
     * @param field the field name
     * @return the number
     */
    public long whole(String field) {
        return required(field).whole();
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
        JsonValue child = required(field);
        if (!child.node().isBoolean()) {
            throw problem(field, "must be true or false, was " + child.describe());
        }
        return child.node().asBoolean();
    }

    /**
     * A required amount in the document's currency.
     *
     * @param field the field name
     * @return the amount
     */
    public MonetaryAmount money(String field) {
        return required(field).amount(currency);
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
        return required(field).percent();
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
        throw problem(field, "must be one of " + names + ", was " + StrictJson.quote(text));
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
        JsonValue child = required(field);
        if (child.node().isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonValue element : child.elements()) {
                out.add(element.text());
            }
            return out;
        }
        throw problem(field, "must be an array of strings, was " + child.describe());
    }

    /**
     * A required object field.
     *
     * @param field the field name
     * @return its fields
     */
    public PromotionFields object(String field) {
        return new PromotionFields(required(field), currency);
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
        List<T> out = new ArrayList<>();
        for (JsonValue e : required(field).elements()) {
            PromotionFields fields = new PromotionFields(e, currency);
            out.add(PromotionJson.guard(e.path(), () -> element.apply(fields)));
            fields.rejectUnknown();
        }
        return out;
    }

    /**
     * A required, non-empty ladder of amount tiers such as {@code [{"threshold": 199, "off": 20},
     * {"threshold": 299, "off": 40}]}: thresholds strictly ascending in document order, discounts
     * that never fall as the thresholds rise, and no discount above its own threshold. Each
     * violation names the tier's field, e.g. {@code $.promotions[3].tiers[1].off}.
     *
     * @param field the array's field name
     * @param thresholdField the name of each tier's threshold, e.g. {@code "threshold"}
     * @param discountField the name of each tier's discount, e.g. {@code "off"}
     * @param tier builds one tier from its threshold and discount
     * @param <T> the tier type
     * @return the tiers, in document order
     */
    public <T> List<T> ladder(String field, String thresholdField, String discountField,
            BiFunction<MonetaryAmount, MonetaryAmount, T> tier) {
        List<JsonValue> elements = required(field).elements();
        if (elements.isEmpty()) {
            throw problem(field, "must contain at least one tier");
        }
        List<T> out = new ArrayList<>(elements.size());
        long previousThreshold = -1;
        long previousDiscount = -1;
        for (JsonValue e : elements) {
            PromotionFields t = new PromotionFields(e, currency);
            MonetaryAmount threshold = t.money(thresholdField);
            MonetaryAmount discount = t.money(discountField);
            t.rejectUnknown();
            long thresholdMinor = MinorUnits.toMinor(threshold);
            long discountMinor = MinorUnits.toMinor(discount);
            if (thresholdMinor <= previousThreshold) {
                throw t.problem(thresholdField, "must be above the previous tier's threshold "
                        + MinorUnits.format(previousThreshold, currency) + ", was " + MinorUnits.format(thresholdMinor, currency));
            }
            if (discountMinor < previousDiscount) {
                throw t.problem(discountField, "must not fall as the threshold rises: the previous tier takes "
                        + MinorUnits.format(previousDiscount, currency) + ", this one " + MinorUnits.format(discountMinor, currency));
            }
            if (discountMinor > thresholdMinor) {
                throw t.problem(discountField, "must not be above its threshold " + MinorUnits.format(thresholdMinor, currency)
                        + ", was " + MinorUnits.format(discountMinor, currency));
            }
            previousThreshold = thresholdMinor;
            previousDiscount = discountMinor;
            out.add(PromotionJson.guard(e.path(), () -> tier.apply(threshold, discount)));
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
        JsonValue child = required(field);
        if (!child.isObject() || child.node().isEmpty()) {
            throw problem(field, "must be a non-empty object of whole numbers, was " + child.describe());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : child.members()) {
            out.put(e.getKey(), e.getValue().whole());
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
            throw problem(field, "must be an ISO-8601 instant such as 2026-11-11T00:00:00Z, was " + StrictJson.quote(text));
        }
    }

    private Funding funding() {
        JsonValue f = required("funding");
        if (f.isText()) {
            return switch (f.node().asText()) {
                case "platform" -> Funding.PLATFORM;
                case "seller" -> Funding.SELLER;
                default -> throw problem("funding", "must be \"platform\", \"seller\" or {\"platformShare\": percent}, was "
                        + f.describe());
            };
        }
        PromotionFields share = object("funding");
        Funding funding = Funding.coFunded(share.percent("platformShare"));
        share.rejectUnknown();
        return funding;
    }

    /**
     * Reports the first field nobody asked for.
     *
     * @throws PromotionFileException naming the unknown field and the known ones
     */
    void rejectUnknown() {
        for (String key : value.keys()) {
            if (!asked.contains(key)) {
                List<String> known = new ArrayList<>(asked);
                known.sort(null);
                throw problem(key, "is not a known field here; known fields: " + known);
            }
        }
    }
}
