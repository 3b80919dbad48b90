package dev.mercato.core.storage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.CodecException;
import dev.mercato.core.storage.StoredDocument;

/**
 * Any supported value with its class: {@code {"class": "...", "value": ...}}. Used for idempotency
 * results and domain events, whose classes are open sets.
 */
final class TaggedCodec implements Codec<Object> {
    static final TaggedCodec INSTANCE = new TaggedCodec();

    private TaggedCodec() {}

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public int schemaVersion() {
        return 1;
    }

    @Override
    public StoredDocument encode(Object value) {
        if (value == null) {
            throw new CodecException("null", "a tagged value must not be null", null);
        }
        ObjectNode node = JsonCodec.MAPPER.createObjectNode();
        node.put("class", value.getClass().getName());
        node.set("value", Structure.encode(value.getClass(), value));
        return new StoredDocument(1, JsonCodec.text(node));
    }

    @Override
    public Object decode(StoredDocument document) {
        if (document.schemaVersion() != 1) {
            throw new CodecException("tagged value", "unknown schema version " + document.schemaVersion(), null);
        }
        JsonNode node;
        try {
            node = JsonCodec.MAPPER.readTree(document.json());
        } catch (JsonProcessingException e) {
            throw new CodecException("tagged value", "malformed JSON: " + e.getOriginalMessage(), e);
        }
        String className = node.path("class").asText("");
        Class<?> type = className.equals(String.class.getName()) ? String.class
                : className.equals(Long.class.getName()) ? Long.class : Structure.named(Record.class, className);
        if (type == null) {
            throw new CodecException(className, "is not a loadable record, String or Long", null);
        }
        return Structure.decode(type, node.get("value"));
    }

    @Override
    public String toString() {
        return "TaggedCodec";
    }
}
