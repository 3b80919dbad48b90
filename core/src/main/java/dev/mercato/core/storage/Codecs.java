package dev.mercato.core.storage;

import dev.mercato.pricing.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The codecs Mercato declares its stored types with. The JSON mapping is the same for every type
 * and follows the type's shape, so a record that gains or loses a component needs no codec change,
 * only an {@link Upcaster} when old documents need one:
 * <ul>
 *   <li>a record is an object of its components, by name;</li>
 *   <li>a sealed interface is its record's object plus {@code "@type"}: the record's simple name;</li>
 *   <li>a {@code MonetaryAmount} is {@code {"minor": 1050, "currency": "CNY"}}, exact minor units,
 *       never a floating-point number (an amount finer than its currency's minor unit is refused);</li>
 *   <li>a {@code CurrencyUnit} is its code; an {@code Instant}, {@code Duration}, {@code
 *       LocalDate} or {@code BigDecimal} its ISO text; an enum its name;</li>
 *   <li>an {@code Optional} is its value or {@code null}; a list or set an array; a map with
 *       string keys an object, any other map an array of {@code [key, value]} pairs.</li>
 * </ul>
 * The codecs are built lazily on first use. Thread-safe.
 */
public final class Codecs {
    private Codecs() {}

    private static final class Holder {
        static final CodecFactory FACTORY = ServiceLoader.load(CodecFactory.class, Codecs.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + CodecFactory.class.getName()
                        + " provider: the mercato-core jar is incomplete"));
    }

    /**
     * The generic JSON codec of a type at schema version 1.
     *
     * @param type the value class
     * @param <V> the value type
     * @return the codec
     */
    public static <V> Codec<V> json(Class<V> type) {
        return json(type, 1);
    }

    /**
     * The generic JSON codec of a type at a later schema version, with its upcasting path.
     *
     * @param type the value class
     * @param schemaVersion the version written, at least 1
     * @param upcasters exactly one step from each version {@code 1 .. schemaVersion - 1}
     * @param <V> the value type
     * @return the codec
     * @throws InvalidInputException if a step is missing or duplicated
     */
    public static <V> Codec<V> json(Class<V> type, int schemaVersion, Upcaster... upcasters) {
        InvalidInputException.requireNonNull(type, "type");
        InvalidInputException.requireNonNull(upcasters, "upcasters");
        if (schemaVersion < 1) {
            throw new InvalidInputException("schemaVersion", schemaVersion, "must be at least 1");
        }
        List<Upcaster> path = new ArrayList<>(List.of(upcasters));
        path.sort(java.util.Comparator.comparingInt(Upcaster::fromVersion));
        for (int i = 0; i < path.size(); i++) {
            if (path.get(i).fromVersion() != i + 1) {
                throw new InvalidInputException("upcasters", path.size() + " steps",
                        "must be one step from each version 1 to " + (schemaVersion - 1));
            }
        }
        if (path.size() != schemaVersion - 1) {
            throw new InvalidInputException("upcasters", path.size() + " steps",
                    "must be one step from each version 1 to " + (schemaVersion - 1));
        }
        return new Lazy<>(type, schemaVersion, List.copyOf(path));
    }

    /**
     * The codec of idempotency results: any value a command remembers, with its class name, so a
     * replay reads back the first result whatever its type.
     *
     * @return the codec
     */
    public static Codec<Object> idempotencyResults() {
        return Holder.FACTORY.tagged();
    }

    /**
     * The codec of domain events, for an outbox: each event with its class name.
     *
     * @return the codec
     */
    public static Codec<Object> domainEvents() {
        return Holder.FACTORY.tagged();
    }

    /** Resolves the structural codec on first use, so aggregate types can be declared as constants. */
    private static final class Lazy<V> implements Codec<V> {
        private final Class<V> type;
        private final int schemaVersion;
        private final List<Upcaster> upcasters;
        private volatile Codec<V> delegate;

        Lazy(Class<V> type, int schemaVersion, List<Upcaster> upcasters) {
            this.type = type;
            this.schemaVersion = schemaVersion;
            this.upcasters = upcasters;
        }

        private Codec<V> delegate() {
            Codec<V> d = delegate;
            if (d == null) {
                d = Holder.FACTORY.structural(type, schemaVersion, upcasters);
                delegate = d;
            }
            return d;
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
            return delegate().encode(value);
        }

        @Override
        public V decode(StoredDocument document) {
            return delegate().decode(document);
        }

        @Override
        public String toString() {
            return "Codec[" + type.getName() + " v" + schemaVersion + "]";
        }
    }
}
