package dev.mercato.core.storage.json;

import dev.mercato.core.storage.Codec;
import dev.mercato.core.storage.CodecFactory;
import dev.mercato.core.storage.Upcaster;
import java.util.List;

/**
 * The JSON codecs of {@link dev.mercato.core.storage.Codecs}, written with Jackson's tree model.
 * Loaded through {@link java.util.ServiceLoader}; hosts use {@code Codecs} instead.
 */
public final class JacksonCodecFactory implements CodecFactory {
    /** For the service loader. */
    public JacksonCodecFactory() {}

    @Override
    public <V> Codec<V> structural(Class<V> type, int schemaVersion, List<Upcaster> upcasters) {
        return new JsonCodec<>(type, schemaVersion, upcasters);
    }

    @Override
    public Codec<Object> tagged() {
        return TaggedCodec.INSTANCE;
    }
}
