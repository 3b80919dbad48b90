package dev.mercato.logistics;

import java.io.Serial;

/**
 * A value handed to the logistics SPI breaks a documented precondition: it is missing, out of
 * range or malformed.
 *
 * <p>{@link #field()} names the parameter or record component, {@link #problem()} says what
 * is wrong with it. The rejected value appears in the message only.
 */
public final class InvalidLogisticsInputException extends LogisticsException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param field the parameter or component that was wrong, e.g. {@code "weightGrams"}
     * @param value the rejected value, shown in the message; may be {@code null}
     * @param problem what is wrong with it, e.g. {@code "must be positive"}
     */
    public InvalidLogisticsInputException(String field, Object value, String problem) {
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
     * @throws InvalidLogisticsInputException if {@code value} is {@code null}
     */
    public static <T> T requireNonNull(T value, String field) {
        if (value == null) {
            throw new InvalidLogisticsInputException(field, null, "is required");
        }
        return value;
    }

    /**
     * Returns {@code value} or throws when it is not strictly positive.
     *
     * @param value the value to check
     * @param field the name of the parameter, used in the message
     * @return {@code value}
     * @throws InvalidLogisticsInputException if {@code value <= 0}
     */
    public static long requirePositive(long value, String field) {
        if (value <= 0) {
            throw new InvalidLogisticsInputException(field, value, "must be positive");
        }
        return value;
    }

    /**
     * Returns {@code value} or throws when it is negative.
     *
     * @param value the value to check
     * @param field the name of the parameter, used in the message
     * @return {@code value}
     * @throws InvalidLogisticsInputException if {@code value < 0}
     */
    public static long requireNonNegative(long value, String field) {
        if (value < 0) {
            throw new InvalidLogisticsInputException(field, value, "must not be negative");
        }
        return value;
    }

    /**
     * Returns {@code value} or throws when it is {@code null} or blank.
     *
     * @param value the value to check
     * @param field the name of the parameter, used in the message
     * @return {@code value}, never {@code null} nor blank
     * @throws InvalidLogisticsInputException if {@code value} is {@code null} or blank
     */
    public static String requireNonBlank(String value, String field) {
        requireNonNull(value, field);
        if (value.isBlank()) {
            throw new InvalidLogisticsInputException(field, "\"" + value + "\"", "must not be blank");
        }
        return value;
    }

    /**
     * The parameter or record component that was wrong.
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
        return problem;
    }
}
