package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;

/**
 * A value as an adapter stores it: a JSON document and the schema version of the codec that wrote
 * it. An adapter keeps both; {@link Codec#decode} upcasts a document of an older version before
 * reading it.
 *
 * @param schemaVersion the version of the document's layout, at least 1
 * @param json the JSON text, not blank
 */
public record StoredDocument(int schemaVersion, String json) {
    /** Validates the fields. */
    public StoredDocument {
        if (schemaVersion < 1) {
            throw new InvalidInputException("schemaVersion", schemaVersion, "must be at least 1");
        }
        InvalidInputException.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new InvalidInputException("json", "\"\"", "must not be blank");
        }
    }
}
