package dev.mercato.examples.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.money.MinorUnits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import javax.money.UnknownCurrencyException;
import org.javamoney.moneta.Money;

/**
 * One value of an input JSON file with its path from the document root ({@code $},
 * {@code $.lines[1].quantity}), so that every problem names the file, the path and what is wrong.
 * Unknown fields are errors: a typo never silently drops a value.
 */
final class JsonInput {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final JsonNode node;
    private final String path;

    private JsonInput(String file, JsonNode node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    /**
     * Reads a file's document root.
     *
     * @param base the directory relative names are resolved against
     * @param file the file's name as the user gave it
     * @return the root, at {@code $}
     * @throws InputFileException if the file cannot be read or is not JSON
     */
    static JsonInput read(Path base, String file) {
        return new JsonInput(file, parse(base, file, MAPPER), "$");
    }

    /**
     * Reads a file's bytes.
     *
     * @param base the directory relative names are resolved against
     * @param file the file's name as the user gave it
     * @return its content
     * @throws InputFileException if the file does not exist or cannot be read
     */
    static byte[] bytes(Path base, String file) {
        Path resolved = base.resolve(file);
        try {
            return Files.readAllBytes(resolved);
        } catch (NoSuchFileException e) {
            throw new InputFileException(file, null, "no such file", e);
        } catch (IOException e) {
            throw new InputFileException(file, null, "cannot be read: " + e, e);
        }
    }

    private static JsonNode parse(Path base, String file, ObjectMapper mapper) {
        byte[] content = bytes(base, file);
        try {
            JsonNode root = mapper.readTree(content);
            if (root == null || root.isMissingNode()) {
                throw new InputFileException(file, "$", "the file is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new InputFileException(file, null, "cannot be read: " + e, e);
        }
    }

    /** A syntax error: its line and column, and the path of the value the parser was in. */
    static InputFileException syntax(String file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String inside = pathOf(parser.getParsingContext());
            if (!inside.equals("$")) {
                where = where + " (near " + inside + ")";
            }
        }
        return new InputFileException(file, where, "is not valid JSON: " + e.getOriginalMessage(), e);
    }

    private static String pathOf(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            path.append(parts.get(i));
        }
        return path.toString();
    }

    /** The path of this value, e.g. {@code $.lines[1].quantity}. */
    String path() {
        return path;
    }

    /** The file this value comes from, as the user gave it. */
    String file() {
        return file;
    }

    /**
     * A problem with this value.
     *
     * @param problem what is wrong
     * @return the exception to throw
     */
    InputFileException problem(String problem) {
        return new InputFileException(file, path, problem);
    }

    /**
     * This value as an object with only the given fields.
     *
     * @param known the fields it may have
     * @return this value
     * @throws InputFileException if it is not an object or has another field
     */
    JsonInput object(String... known) {
        if (!node.isObject()) {
            throw problem("must be an object, was " + describe(node));
        }
        Set<String> allowed = Set.of(known);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw child(name).problem("is not a known field; known fields: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        return this;
    }

    /**
     * A field that must be present.
     *
     * @param name the field
     * @return its value
     * @throws InputFileException if it is missing or {@code null}
     */
    JsonInput field(String name) {
        return optional(name).orElseThrow(() -> child(name).problem("is required"));
    }

    /**
     * A field that may be absent.
     *
     * @param name the field
     * @return its value, or empty when absent or {@code null}
     */
    Optional<JsonInput> optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(child(name));
    }

    private JsonInput child(String name) {
        JsonNode value = node.get(name);
        return new JsonInput(file, value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value,
                path + "." + name);
    }

    /**
     * The elements of this array.
     *
     * @return the elements, each with its index in its path
     * @throws InputFileException if this is not an array
     */
    List<JsonInput> elements() {
        if (!node.isArray()) {
            throw problem("must be an array, was " + describe(node));
        }
        List<JsonInput> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonInput(file, node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    /**
     * The fields of this object, in document order.
     *
     * @return each field's name and value
     * @throws InputFileException if this is not an object
     */
    List<Map.Entry<String, JsonInput>> entries() {
        if (!node.isObject()) {
            throw problem("must be an object, was " + describe(node));
        }
        List<Map.Entry<String, JsonInput>> out = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            out.add(Map.entry(name, child(name)));
        }
        return out;
    }

    /**
     * This value as non-blank text.
     *
     * @return the text
     * @throws InputFileException if it is not a string or is blank
     */
    String text() {
        if (!node.isTextual()) {
            throw problem("must be a string, was " + describe(node));
        }
        if (node.textValue().isBlank()) {
            throw problem("must not be blank");
        }
        return node.textValue();
    }

    /**
     * This value as a list of non-blank strings.
     *
     * @return the strings
     */
    List<String> texts() {
        return elements().stream().map(JsonInput::text).toList();
    }

    /**
     * This value as {@code true} or {@code false}.
     *
     * @return the value
     */
    boolean bool() {
        if (!node.isBoolean()) {
            throw problem("must be true or false, was " + describe(node));
        }
        return node.booleanValue();
    }

    /**
     * This value as a whole number.
     *
     * @return the number
     * @throws InputFileException if it is not a whole number that fits in a {@code long}
     */
    long whole() {
        if (!node.isNumber()) {
            throw problem("must be a whole number, was " + describe(node));
        }
        BigDecimal value = node.decimalValue();
        try {
            return value.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw problem("must be a whole number, was " + value.toPlainString());
        }
    }

    /**
     * This value as a whole number of at least {@code minimum}.
     *
     * @param minimum the smallest value allowed
     * @return the number
     */
    long whole(long minimum) {
        long value = whole();
        if (value < minimum) {
            throw problem("must be at least " + minimum + ", was " + value);
        }
        return value;
    }

    /**
     * This value as an amount of money: a number or a string of decimal digits, with no more
     * decimals than the currency has, not negative.
     *
     * @param currency the currency
     * @return the amount
     */
    MonetaryAmount amount(CurrencyUnit currency) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual()) {
            try {
                value = new BigDecimal(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw problem("must be an amount such as \"12.50\", was " + describe(node));
            }
        } else {
            throw problem("must be an amount such as \"12.50\", was " + describe(node));
        }
        if (value.signum() < 0) {
            throw problem("must not be negative, was " + value.toPlainString());
        }
        MonetaryAmount amount = Money.of(value, currency);
        guard(() -> MinorUnits.toMinor(amount));
        return amount;
    }

    /**
     * This value as an ISO-8601 instant such as {@code 2026-11-11T02:00:00Z}.
     *
     * @return the instant
     */
    Instant instant() {
        String text = text();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem("must be an instant such as \"2026-11-11T02:00:00Z\", was \"" + text + "\"");
        }
    }

    /**
     * This value as a currency code.
     *
     * @return the currency
     */
    CurrencyUnit currency() {
        String code = text();
        try {
            CurrencyUnit currency = Monetary.getCurrency(code);
            guard(() -> MinorUnits.scale(currency));
            return currency;
        } catch (UnknownCurrencyException e) {
            throw problem("\"" + code + "\" is not a known currency code");
        }
    }

    /**
     * This value as one of an enum's constants, written as the constant's name.
     *
     * @param type the enum
     * @param <E> the enum type
     * @return the constant
     */
    <E extends Enum<E>> E choice(Class<E> type) {
        String text = text();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw problem("\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
    }

    /**
     * Runs a constructor or calculation, turning a Mercato input error into a problem at this value.
     *
     * @param build what to run
     * @param <T> its result
     * @return the result
     */
    <T> T guard(Supplier<T> build) {
        try {
            return build.get();
        } catch (MercatoException e) {
            throw problem(e.getMessage());
        }
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "missing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "the string " + value.toString();
            case NUMBER -> "the number " + value.decimalValue().toPlainString();
            case BOOLEAN -> value.toString();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
