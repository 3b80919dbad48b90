package dev.mercato.pricing.error;

import java.io.Serial;
import java.util.Objects;

/**
 * A value handed to Mercato breaks a documented precondition: it is missing, out of range or
 * malformed.
 *
 * <p>{@link #field()} names the parameter or field, {@link #problem()} says what is wrong with
 * it. The rejected value is part of the message only (it may not be serializable).
 */
public class InvalidInputException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param field the parameter or field that was wrong, e.g. {@code "quantity"}
     * @param value the rejected value, shown in the message; may be {@code null}
     * @param problem what is wrong with it, e.g. {@code "must be positive"}
     */
    public InvalidInputException(String field, Object value, String problem) {
        super(field + " " + problem + " (was: " + value + ")");
        this.field = field;
        this.problem = problem;
    }

    /**
     * Returns {@code value} or throws when it is {@code null}.
     *
     * @param value the value to check
     * @param field the name of the parameter, used in the message
     * @param <T> the value's type
     * @return {@code value}, never {@code null}
     * @throws InvalidInputException if {@code value} is {@code null}
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, null, "is required");
        }
        return value;
    }

    /**
     * The parameter or field that was wrong.
     *
     * @return the field name, never {@code null}
     */
    public String field() {
        return field;
    }

    /**
     * What was wrong with the value.
     *
     * @return a short description, never {@code null}
     */
    public String problem() {
        return Objects.requireNonNullElse(problem, "");
    }
}
