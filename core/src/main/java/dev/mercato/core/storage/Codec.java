package dev.mercato.core.storage;

/**
 * Turns values of one type into versioned JSON documents and back, so that any storage adapter
 * can persist them. Every {@link AggregateType} carries one ({@link AggregateType#codec()}); the
 * default, {@link Codecs#json(Class)}, writes records by their components and needs no code per
 * type.
 *
 * <h2>Versions and upcasting</h2>
 * A codec has a {@link #schemaVersion()}; every document it writes records that version. When a
 * stored type changes incompatibly (a component renamed, added without a sensible absent value,
 * split), its declaration moves to the next version and adds one {@link Upcaster} from the
 * previous one: {@link #decode} runs the steps from the document's version up to the current one
 * before reading it, so documents written by every earlier release stay readable and are
 * rewritten at the current version on their next update. A document of a newer version than the
 * codec's is refused with {@link CodecException}: an older release must not misread it.
 *
 * <p>Implementations are immutable and thread-safe.
 *
 * @param <V> the value type
 */
public interface Codec<V> {
    /**
     * The class of the values.
     *
     * @return never {@code null}
     */
    Class<V> type();

    /**
     * The version of the documents this codec writes.
     *
     * @return at least 1
     */
    int schemaVersion();

    /**
     * Writes a value.
     *
     * @param value the value, never {@code null}
     * @return the document, at {@link #schemaVersion()}
     * @throws CodecException if the value holds something the codec cannot represent exactly
     */
    StoredDocument encode(V value);

    /**
     * Reads a document written by this codec at this or an earlier version.
     *
     * @param document the document
     * @return a value equal to the one encoded
     * @throws CodecException if the document is malformed, newer than this codec, or lacks an
     *     upcasting step
     */
    V decode(StoredDocument document);
}
