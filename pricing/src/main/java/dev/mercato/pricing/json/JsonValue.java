package dev.mercato.pricing.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * One value of a document read by {@link StrictJson}, with its JSON path, and typed accessors
 * that refuse a wrong type or an out-of-bounds value with the reader's exception, naming the
 * path. Numbers are checked for length, magnitude and scale (see {@link JsonLimits}) before they
 * are converted, so no accessor ever builds a huge number. Immutable; safe to share.
 */
public final class JsonValue {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonNode node;
    private final String path;
    private final StrictJson.Refusal refusal;

    JsonValue(JsonNode node, String path, StrictJson.Refusal refusal) {
        this.node = node;
        this.path = path;
        this.refusal = refusal;
    }

    /**
     * Where this value is.
     *
     * @return a JSON path such as {@code $.promotions[3].tiers[1].off}
     */
    public String path() {
        return path;
    }

    /**
     * The parsed node, for readers that inspect its shape.
     *
     * @return the Jackson node, never {@code null}
     */
    public JsonNode node() {
        return node;
    }

    /**
     * The reader's exception for a problem at this value.
     *
     * @param problem what is wrong; quote input only through {@link StrictJson#quote(String)}
     * @return the exception to throw
     */
    public MercatoException refuse(String problem) {
        return refusal.refuse(path, problem, null);
    }

    /**
     * The reader's exception for a problem at a location below this value.
     *
     * @param suffix the rest of the path, e.g. {@code ".until"} or {@code "[2]"}
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     * @return the exception to throw
     */
    public MercatoException refuseAt(String suffix, String problem, Throwable cause) {
        return refusal.refuse(path + suffix, problem, cause);
    }

    /**
     * Whether this is a JSON object.
     *
     * @return {@code true} for an object
     */
    public boolean isObject() {
        return node.isObject();
    }

    /**
     * Whether this is a JSON string.
     *
     * @return {@code true} for a string
     */
    public boolean isText() {
        return node.isTextual();
    }

    /**
     * A member of this object, absent when missing or {@code null}.
     *
     * @param name the key
     * @return the member, or empty
     */
    public Optional<JsonValue> member(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return child == null || child.isNull() ? Optional.empty() : Optional.of(new JsonValue(child, key(path, name), refusal));
    }

    /**
     * The keys of this object, in document order.
     *
     * @return the keys
     * @throws MercatoException if this is not an object
     */
    public List<String> keys() {
        requireObject();
        List<String> keys = new ArrayList<>(node.size());
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /**
     * The members of this object, in document order.
     *
     * @return key and value pairs
     * @throws MercatoException if this is not an object
     */
    public List<Map.Entry<String, JsonValue>> members() {
        requireObject();
        List<Map.Entry<String, JsonValue>> out = new ArrayList<>(node.size());
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            out.add(Map.entry(e.getKey(), new JsonValue(e.getValue(), key(path, e.getKey()), refusal)));
        }
        return out;
    }

    /**
     * The elements of this array.
     *
     * @return the elements, in order
     * @throws MercatoException if this is not an array
     */
    public List<JsonValue> elements() {
        if (!node.isArray()) {
            throw refuse("must be an array, was " + describe());
        }
        List<JsonValue> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonValue(node.get(i), path + "[" + i + "]", refusal));
        }
        return out;
    }

    /**
     * Refuses anything but an object.
     *
     * @return this value
     * @throws MercatoException if this is not an object
     */
    public JsonValue requireObject() {
        if (!node.isObject()) {
            throw refuse("must be an object, was " + describe());
        }
        return this;
    }

    /**
     * A non-blank string.
     *
     * @return the text
     * @throws MercatoException if this is not a string or is blank
     */
    public String text() {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw refuse("must be a non-blank string, was " + describe());
        }
        return node.asText();
    }

    /**
     * A whole number of at most {@link JsonLimits#MAX_WHOLE} in magnitude.
     *
     * @return the number
     * @throws MercatoException if this is not a whole JSON number or is out of range
     */
    public long whole() {
        if (!node.isIntegralNumber()) {
            throw refuse("must be a whole number, was " + describe());
        }
        if (!node.canConvertToLong() || Math.abs(node.longValue()) > JsonLimits.MAX_WHOLE) {
            throw refuse("is out of range: a whole number here is at most " + JsonLimits.MAX_WHOLE
                    + " in magnitude, was " + describe());
        }
        return node.longValue();
    }

    /**
     * A whole number within a range.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the number
     * @throws MercatoException if this is not a whole number or is outside {@code [min, max]}
     */
    public long whole(long min, long max) {
        long value = whole();
        if (value < min || value > max) {
            throw refuse("must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /**
     * A decimal number, written as a JSON number or as a string holding one ({@code 19.9},
     * {@code "19.90"}, {@code "1e2"}). Its length, magnitude (below {@code 10^19}) and decimals
     * (at most {@link JsonLimits#MAX_DECIMALS}) are checked before anything else is done with it.
     *
     * @return the number, without trailing zeros
     * @throws MercatoException if this is not a decimal number or is out of bounds
     */
    public BigDecimal decimal() {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            value = parseDecimal(node.asText().trim());
        } else {
            throw refuse("must be a decimal number, was " + describe());
        }
        return bounded(value);
    }

    /**
     * A non-negative amount in a currency, exact to its minor unit.
     *
     * @param currency the currency
     * @return the amount
     * @throws MercatoException if this is not a decimal, is negative, has more decimals than the
     *     currency allows or does not fit a {@code long} count of minor units
     */
    public MonetaryAmount amount(CurrencyUnit currency) {
        BigDecimal value = decimal();
        if (value.signum() < 0) {
            throw refuse("must not be negative, was " + value.toPlainString());
        }
        int scale = MinorUnits.scale(currency);
        if (value.scale() > scale) {
            throw refuse("has more decimals than " + currency.getCurrencyCode() + " allows (" + scale + "): "
                    + value.toPlainString());
        }
        try {
            return MinorUnits.toAmount(value.movePointRight(scale).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw refuse("is too large for a count of " + currency.getCurrencyCode() + " minor units: "
                    + value.toPlainString());
        }
    }

    /**
     * A percentage from 0 to 100 given as a decimal ({@code 12.5} is 12.5%).
     *
     * @return the rate
     * @throws MercatoException if this is not a decimal or is outside 0 to 100
     */
    public Rate percent() {
        return percentOf(decimal());
    }

    /**
     * A percentage written as a string with a percent sign ({@code "12.5%"}).
     *
     * @return the rate
     * @throws MercatoException if this is not such a string or is outside 0% to 100%
     */
    public Rate percentString() {
        String text = node.isTextual() ? node.asText().trim() : "";
        if (!text.endsWith("%")) {
            throw refuse("must be a percentage string such as \"5%\" or \"0.6%\", was " + describe());
        }
        BigDecimal value = bounded(parseDecimal(text.substring(0, text.length() - 1).trim()));
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw refuse("must be between 0% and 100% (a fraction between 0 and 1), was " + value.toPlainString() + "%");
        }
        return Rate.percent(value);
    }

    /**
     * An enum constant written as its name in any case, with dashes or underscores
     * ({@code "per-shop"} or {@code "PER_SHOP"}).
     *
     * @param type the enum
     * @param <E> the enum type
     * @return the constant
     * @throws MercatoException if the text names no constant; the message lists the constants
     */
    public <E extends Enum<E>> E constant(Class<E> type) {
        String text = text();
        String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
            names.add(e.name());
        }
        throw refuse(StrictJson.quote(text) + " is not one of " + names);
    }

    /**
     * This value described for a message: its JSON type and, for a scalar, its first
     * {@link JsonLimits#MAX_QUOTE} characters.
     *
     * @return e.g. {@code "abc"}, {@code 12.5}, {@code true}, {@code an object}, {@code an array}
     */
    public String describe() {
        return describe(node);
    }

    /**
     * A node described for a message, quoting at most {@link JsonLimits#MAX_QUOTE} characters.
     *
     * @param node the node
     * @return its description
     */
    public static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        if (node.isTextual()) {
            return StrictJson.quote(node.asText());
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isBigDecimal()) {
            // toString, never toPlainString: 1E+999999999 stays twelve characters.
            return StrictJson.shorten(node.decimalValue().toString());
        }
        return StrictJson.shorten(node.asText());
    }

    /**
     * The path of a member: {@code parent.key}, the key shortened to {@link JsonLimits#MAX_QUOTE}
     * characters.
     *
     * @param parent the parent's path
     * @param key the member's key
     * @return the member's path
     */
    public static String key(String parent, String key) {
        return parent + "." + StrictJson.shorten(key);
    }

    private Rate percentOf(BigDecimal value) {
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw refuse("must be a percentage from 0 to 100, was " + value.toPlainString());
        }
        return Rate.percent(value);
    }

    private BigDecimal parseDecimal(String text) {
        if (text.isEmpty() || text.length() > JsonLimits.MAX_NUMBER_LENGTH) {
            throw refuse("must be a decimal number of at most " + JsonLimits.MAX_NUMBER_LENGTH + " characters, was "
                    + describe());
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw refuse("must be a decimal number, was " + describe());
        }
    }

    /** Checks the magnitude from precision and scale alone, then the decimals: no step builds a large number. */
    private BigDecimal bounded(BigDecimal value) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long exponent = (long) value.precision() - value.scale() - 1;
        if (exponent > JsonLimits.MAX_EXPONENT) {
            throw refuse("is too large: a number here is below 10^" + (JsonLimits.MAX_EXPONENT + 1)
                    + " in magnitude, was " + describe());
        }
        if (exponent < -JsonLimits.MAX_DECIMALS) {
            throw refuse("has more than " + JsonLimits.MAX_DECIMALS + " decimals, was " + describe());
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > JsonLimits.MAX_DECIMALS) {
            throw refuse("has more than " + JsonLimits.MAX_DECIMALS + " decimals, was " + describe());
        }
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
