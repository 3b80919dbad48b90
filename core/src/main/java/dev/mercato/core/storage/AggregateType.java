package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Names one kind of aggregate kept in {@link Storage}: its table, key and value types, how a key
 * is written as text (for adapters that store keys as strings) and its secondary indexes.
 *
 * <p>Each domain package declares its aggregate types as constants (for example the order
 * package declares the order type); escrow, ledger and membership add theirs the same way
 * without changing the SPI. Immutable and thread-safe.
 *
 * @param name a stable name, unique per storage, e.g. {@code "order"}; not blank
 * @param keyType the key class
 * @param valueType the value class; values must be immutable
 * @param keyText writes a key as text; must be injective
 * @param indexes secondary indexes, with distinct names; may be empty
 * @param codec how a persistent adapter writes the values: by default {@link Codecs#json(Class)}
 *     at schema version 1; a type whose stored shape changes declares its next version and
 *     upcaster with {@link #withCodec}
 * @param <K> the key type
 * @param <V> the value type
 */
public record AggregateType<K, V>(String name, Class<K> keyType, Class<V> valueType,
        Function<? super K, String> keyText, List<Index<V>> indexes, Codec<V> codec) {

    /** Validates the fields and copies the index list. */
    public AggregateType {
        InvalidInputException.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new InvalidInputException("name", "\"" + name + "\"", "must not be blank");
        }
        InvalidInputException.requireNonNull(keyType, "keyType");
        InvalidInputException.requireNonNull(valueType, "valueType");
        InvalidInputException.requireNonNull(keyText, "keyText");
        indexes = List.copyOf(InvalidInputException.requireNonNull(indexes, "indexes"));
        if (indexes.stream().map(Index::name).distinct().count() != indexes.size()) {
            throw new InvalidInputException("indexes", indexes, "index names must be distinct");
        }
        InvalidInputException.requireNonNull(codec, "codec");
        if (!codec.type().equals(valueType)) {
            throw new InvalidInputException("codec", codec, "must be a codec of " + valueType.getName());
        }
    }

    /**
     * Declares an aggregate type without indexes; add them with {@link #withIndex}.
     *
     * @param name the stable name
     * @param keyType the key class
     * @param valueType the value class
     * @param keyText writes a key as text
     * @param <K> the key type
     * @param <V> the value type
     * @return the type
     */
    public static <K, V> AggregateType<K, V> of(String name, Class<K> keyType, Class<V> valueType,
            Function<? super K, String> keyText) {
        return new AggregateType<>(name, keyType, valueType, keyText, List.of(), Codecs.json(valueType));
    }

    /**
     * This type with one more secondary index.
     *
     * @param indexName the index name, not used yet by this type
     * @param entryOf the entry of a value, empty text for none
     * @return a new type
     */
    public AggregateType<K, V> withIndex(String indexName, Function<? super V, String> entryOf) {
        List<Index<V>> more = new java.util.ArrayList<>(indexes);
        more.add(new Index<>(indexName, entryOf));
        return new AggregateType<>(name, keyType, valueType, keyText, more, codec);
    }

    /**
     * This type with another codec, typically the next schema version of the generic one with its
     * upcaster: {@code .withCodec(Codecs.json(Order.class, 2, new Upcaster(1, doc -> ...)))}.
     *
     * @param next the codec, of this type's value class
     * @return a new type
     */
    public AggregateType<K, V> withCodec(Codec<V> next) {
        return new AggregateType<>(name, keyType, valueType, keyText, indexes, next);
    }

    /**
     * Finds a declared index by name.
     *
     * @param indexName the index name
     * @return the index
     * @throws InvalidInputException if this type has no such index
     */
    public Index<V> index(String indexName) {
        for (Index<V> index : indexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        throw new InvalidInputException("indexName", indexName, "is not an index of aggregate type " + name);
    }

    /**
     * Checks that a value belongs to this type.
     *
     * @param value the value
     * @return the value
     * @throws InvalidInputException if {@code null} or of another class
     */
    public V requireValue(Object value) {
        InvalidInputException.requireNonNull(value, name);
        if (!valueType.isInstance(value)) {
            throw new InvalidInputException(name, value.getClass().getName(), "is not a " + valueType.getName());
        }
        return valueType.cast(value);
    }

    /**
     * A secondary index: each value maps to at most one index entry.
     *
     * @param name the index name, unique within the aggregate type
     * @param entryOf the entry of a value, empty text for none; must be a pure function
     * @param <V> the value type
     */
    public record Index<V>(String name, Function<? super V, String> entryOf) {
        /** Validates the fields. */
        public Index {
            InvalidInputException.requireNonNull(name, "name");
            InvalidInputException.requireNonNull(entryOf, "entryOf");
        }

        /**
         * The index entry of a value.
         *
         * @param value the value
         * @return its entry, never {@code null}; empty when the value is not indexed
         */
        public String entry(V value) {
            return Objects.requireNonNullElse(entryOf.apply(value), "");
        }
    }

    /** Shows the name only: functions have no useful text. */
    @Override
    public String toString() {
        return "AggregateType[" + name + "]";
    }
}
