package dev.mercato.core.storage;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A value could not be encoded, or a stored document could not be decoded: a type the codec
 * cannot represent, a document written by a newer schema version than the codec knows, a missing
 * upcasting step, or malformed JSON. A bug or an incompatible deployment, not a business outcome.
 */
public final class CodecException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String type;

    /**
     * Creates the exception.
     *
     * @param type the name of the class being encoded or decoded
     * @param problem what went wrong
     * @param cause the underlying failure, or {@code null}
     */
    public CodecException(String type, String problem, Throwable cause) {
        super("cannot encode or decode " + type + ": " + problem, cause);
        this.type = type;
    }

    /**
     * The class being encoded or decoded.
     *
     * @return its name
     */
    public String type() {
        return type;
    }
}
