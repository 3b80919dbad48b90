package dev.mercato.pricing.revenue.json;

import dev.mercato.pricing.commission.InvalidScheduleException;
import dev.mercato.pricing.error.MercatoException;
import dev.mercato.pricing.json.JsonValue;
import dev.mercato.pricing.json.StrictJson;
import dev.mercato.pricing.money.Rate;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * A JSON value with its path, read through the strict JSON layer, so that every problem names
 * where it is and no number is converted before its bounds are checked.
 */
final class Node {
    /** Makes the schedule reader's exception for the strict layer. */
    static final StrictJson.Refusal REFUSAL = (location, problem, cause) -> {
        InvalidScheduleException e = new InvalidScheduleException(location, problem);
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    };

    private final JsonValue value;

    Node(JsonValue value) {
        this.value = value;
    }

    String path() {
        return value.path();
    }

    InvalidScheduleException problem(String problem) {
        return new InvalidScheduleException(value.path(), problem);
    }

    Node object(String... allowed) {
        List<String> names = Arrays.asList(allowed);
        for (String name : value.requireObject().keys()) {
            if (!names.contains(name)) {
                throw new InvalidScheduleException(JsonValue.key(value.path(), name),
                        "is not a known field here; expected one of " + names);
            }
        }
        return this;
    }

    Node field(String name) {
        return optional(name).orElseThrow(() -> new InvalidScheduleException(JsonValue.key(value.path(), name), "is required"));
    }

    Optional<Node> optional(String name) {
        return value.member(name).map(Node::new);
    }

    List<Node> elements() {
        List<Node> list = new ArrayList<>();
        for (JsonValue element : value.elements()) {
            list.add(new Node(element));
        }
        return list;
    }

    List<Map.Entry<String, Node>> entries() {
        List<Map.Entry<String, Node>> list = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : value.members()) {
            list.add(Map.entry(e.getKey(), new Node(e.getValue())));
        }
        return list;
    }

    String text() {
        return value.text();
    }

    long integer() {
        return value.whole();
    }

    BigDecimal decimal() {
        return value.decimal();
    }

    /** A rate written as a percentage string, e.g. {@code "12.5%"}. */
    Rate rate() {
        return value.percentString();
    }

    MonetaryAmount amount(CurrencyUnit currency) {
        return value.amount(currency);
    }

    Instant instant() {
        String text = text();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw problem(StrictJson.quote(text) + " is not an ISO-8601 instant such as \"2026-07-01T00:00:00Z\"");
        }
    }

    <E extends Enum<E>> E enumValue(Class<E> type) {
        return value.constant(type);
    }

    /** Runs a domain constructor and reports its precondition failures at this node. */
    <T> T wrap(Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidScheduleException e) {
            throw e.under(value.path());
        } catch (MercatoException e) {
            InvalidScheduleException located = problem(StrictJson.bound(e.getMessage()));
            located.initCause(e);
            throw located;
        }
    }
}
