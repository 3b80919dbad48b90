package dev.mercato.core.storage;

import java.util.List;

/**
 * The service that builds the generic JSON codecs of {@link Codecs}. Core provides one (through
 * {@link java.util.ServiceLoader}); a host has no reason to provide another.
 */
public interface CodecFactory {
    /**
     * A codec writing values of a type by their structure: records by their components, sealed
     * families with a type tag, amounts as minor units with their currency code.
     *
     * @param type the value class
     * @param schemaVersion the version written, at least 1
     * @param upcasters one step for each version from 1 to {@code schemaVersion - 1}
     * @param <V> the value type
     * @return the codec
     */
    <V> Codec<V> structural(Class<V> type, int schemaVersion, List<Upcaster> upcasters);

    /**
     * A codec for values of any supported class, writing the value's class name beside its
     * document so that it can be read back without knowing the class in advance.
     *
     * @return the codec
     */
    Codec<Object> tagged();
}
