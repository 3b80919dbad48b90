package dev.mercato.core.storage.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.CodecException;
import dev.mercato.core.storage.StoredDocument;
import dev.mercato.core.storage.Upcaster;
import java.util.List;
import java.util.Map;

/** The structural codec of one type at one schema version, with its upcasting path. */
final class JsonCodec<V> implements Codec<V> {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS);
    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {};

    private final Class<V> type;
    private final int schemaVersion;
    private final List<Upcaster> upcasters;

    JsonCodec(Class<V> type, int schemaVersion, List<Upcaster> upcasters) {
        this.type = type;
        this.schemaVersion = schemaVersion;
        this.upcasters = List.copyOf(upcasters);
    }

    @Override
    public Class<V> type() {
        return type;
    }

    @Override
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public StoredDocument encode(V value) {
        if (!type.isInstance(value)) {
            throw new CodecException(type.getName(), "cannot encode " + (value == null ? "null" : value.getClass().getName()), null);
        }
        return new StoredDocument(schemaVersion, text(Structure.encode(type, value)));
    }

    @Override
    public V decode(StoredDocument document) {
        return type.cast(Structure.decode(type, upcast(document)));
    }

    /** The document's tree at the current version. */
    JsonNode upcast(StoredDocument document) {
        if (document.schemaVersion() > schemaVersion) {
            throw new CodecException(type.getName(), "the document is at schema version " + document.schemaVersion()
                    + " but this release reads up to " + schemaVersion + "; upgrade before reading it", null);
        }
        JsonNode tree = parse(document.json());
        if (document.schemaVersion() == schemaVersion) {
            return tree;
        }
        if (!tree.isObject()) {
            throw new CodecException(type.getName(), "only object documents can be upcast", null);
        }
        Map<String, Object> plain = MAPPER.convertValue(tree, TREE);
        for (int version = document.schemaVersion(); version < schemaVersion; version++) {
            plain = upcasters.get(version - 1).step().apply(plain);
            if (plain == null) {
                throw new CodecException(type.getName(), "the upcaster from version " + version + " returned null", null);
            }
        }
        return MAPPER.valueToTree(plain);
    }

    static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new CodecException("json", "cannot write a tree", e);
        }
    }

    JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CodecException(type.getName(), "malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JsonCodec[" + type.getName() + " v" + schemaVersion + "]";
    }
}
