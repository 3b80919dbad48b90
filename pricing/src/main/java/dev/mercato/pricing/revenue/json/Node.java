package dev.mercato.pricing.revenue.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.money.MinorUnits;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/** A JSON node with its path, so that every problem can name where it is. */
final class Node {
    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
        this.json = json;
        this.path = path;
    }

    String path() {
        return path;
    }

    InvalidScheduleException problem(String problem) {
        return new InvalidScheduleException(path, problem);
    }

    Node object(String... allowed) {
        if (!json.isObject()) {
            throw problem("must be an object, was " + kind());
        }
        List<String> names = Arrays.asList(allowed);
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (!names.contains(name)) {
                throw new InvalidScheduleException(path + "." + name, "is not a known field here; expected one of " + names);
            }
        }
        return this;
    }

    Node field(String name) {
        return optional(name).orElseThrow(() -> new InvalidScheduleException(path + "." + name, "is required"));
    }

    Optional<Node> optional(String name) {
        JsonNode child = json.get(name);
        return child == null || child.isNull() ? Optional.empty() : Optional.of(new Node(child, path + "." + name));
    }

    List<Node> elements() {
        if (!json.isArray()) {
            throw problem("must be an array, was " + kind());
        }
        List<Node> list = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            list.add(new Node(json.get(i), path + "[" + i + "]"));
        }
        return list;
    }

    List<Map.Entry<String, Node>> entries() {
        if (!json.isObject()) {
            throw problem("must be an object, was " + kind());
        }
        List<Map.Entry<String, Node>> list = new ArrayList<>();
        json.properties().forEach(e -> list.add(Map.entry(e.getKey(), new Node(e.getValue(), path + "." + e.getKey()))));
        return list;
    }

    String text() {
        if (!json.isTextual()) {
            throw problem("must be a string, was " + kind());
        }
        if (json.asText().isBlank()) {
            throw problem("must not be blank");
        }
        return json.asText();
    }

    long integer() {
        if (!json.isIntegralNumber() || !json.canConvertToLong()) {
            throw problem("must be a whole number, was " + kind());
        }
        return json.longValue();
    }

    BigDecimal decimal() {
        if (json.isNumber()) {
            return json.decimalValue();
        }
        if (json.isTextual()) {
            try {
                return new BigDecimal(json.asText().trim());
            } catch (NumberFormatException e) {
                throw problem("\"" + json.asText() + "\" is not a decimal number");
            }
        }
        throw problem("must be a decimal number or a string holding one, was " + kind());
    }

    /** A rate written as a percentage string, e.g. {@code "12.5%"}. */
    Rate rate() {
        String text = json.isTextual() ? json.asText().trim() : "";
        if (!text.endsWith("%")) {
            throw problem("must be a percentage string such as \"5%\" or \"0.6%\", was " + show());
        }
        return wrap(() -> Rate.percent(text.substring(0, text.length() - 1)));
    }

    MonetaryAmount amount(CurrencyUnit currency) {
        BigDecimal value = decimal();
        if (value.signum() < 0) {
            throw problem("must not be negative, was " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > MinorUnits.scale(currency)) {
            throw problem(value.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + MinorUnits.scale(currency) + ")");
        }
        return wrap(() -> MinorUnits.toAmount(value.movePointRight(MinorUnits.scale(currency)).longValueExact(), currency));
    }

    Instant instant() {
        String text = text();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem("\"" + text + "\" is not an ISO-8601 instant such as \"2026-07-01T00:00:00Z\"");
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        String text = text();
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw problem("\"" + text + "\" is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Runs a domain constructor and reports its precondition failures at this node. */
    <T> T wrap(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidScheduleException e) {
            throw e.under(path);
        } catch (MercatoException e) {
            InvalidScheduleException located = problem(e.getMessage());
            located.initCause(e);
            throw located;
        }
    }

    private String kind() {
        return json.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private String show() {
        return json.isTextual() ? "\"" + json.asText() + "\"" : json.toString();
    }
}
