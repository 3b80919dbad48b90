package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One step of a codec's upcasting path: turns a document of schema version {@code fromVersion}
 * into one of {@code fromVersion + 1}. A codec at version {@code n} holds one step for each of
 * the versions {@code 1 .. n-1}; decoding an old document runs the steps in order.
 *
 * <p>The document is the JSON tree as plain Java values, so that a domain package can declare its
 * upcasters beside its type without a JSON library: a JSON object is a mutable {@code
 * Map<String, Object>}, an array a mutable {@code List<Object>}, a string a {@code String}, a
 * number a {@code Long} (integral) or {@code java.math.BigDecimal}, a boolean a {@code Boolean},
 * {@code null} is {@code null}. For example, a step that adds a component {@code note} with a
 * default value: {@code new Upcaster(1, doc -> { doc.put("note", ""); return doc; })}.
 *
 * @param fromVersion the version this step reads, at least 1
 * @param step turns the document's top-level object into that of the next version
 */
public record Upcaster(int fromVersion, UnaryOperator<Map<String, Object>> step) {
    /** Validates the fields. */
    public Upcaster {
        if (fromVersion < 1) {
            throw new InvalidInputException("fromVersion", fromVersion, "must be at least 1");
        }
        InvalidInputException.requireNonNull(step, "step");
    }
}
