package dev.mercato.core.storage;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A commit lost a race: an aggregate (or idempotency record) it wrote was changed by another
 * commit since it was read. Nothing of the losing unit of work was committed; the caller may
 * read again and retry.
 */
public final class ConcurrencyConflictException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The version reported when the aggregate does not exist. */
    public static final long ABSENT = 0;

    private final String aggregateType;
    private final String key;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param aggregateType the aggregate type's name
     * @param key the key as text
     * @param expectedVersion the version the writer read, {@link #ABSENT} for an insert
     * @param actualVersion the version found at commit, {@link #ABSENT} when missing
     */
    public ConcurrencyConflictException(String aggregateType, String key, long expectedVersion, long actualVersion) {
        super("concurrent change of " + aggregateType + " " + key + ": expected version "
                + expectedVersion + " but found " + actualVersion + "; read again and retry");
        this.aggregateType = aggregateType;
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * The aggregate type's name.
     *
     * @return e.g. {@code "order"}
     */
    public String aggregateType() {
        return aggregateType;
    }

    /**
     * The key of the conflicting aggregate, as text.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The version the writer expected.
     *
     * @return the version, {@link #ABSENT} for an insert
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * The version found.
     *
     * @return the version, {@link #ABSENT} when the aggregate was missing
     */
    public long actualVersion() {
        return actualVersion;
    }
}
