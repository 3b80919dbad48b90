package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A commission or fee schedule is malformed: a required value is missing, a value is out of
 * range, two rules for the same scope overlap in time, tiers are out of order. Thrown when the
 * schedule is built or loaded, never when it is used.
 *
 * <p>{@link #location()} says where the problem is: a path such as {@code
 * $.commission.rules[2].rate} for a JSON document, or {@code rules[2]} for a schedule built in
 * code. {@link #problem()} says what is wrong there.
 */
public final class InvalidScheduleException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param location where the problem is, e.g. {@code $.commission.rules[2].rate}
     * @param problem what is wrong there
     */
    public InvalidScheduleException(String location, String problem) {
        super("invalid schedule at " + location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /**
     * Where the problem is.
     *
     * @return a path into the schedule, never {@code null}
     */
    public String location() {
        return location;
    }

    /**
     * What is wrong.
     *
     * @return a short description, never {@code null}
     */
    public String problem() {
        return problem;
    }

    /**
     * The same problem located under a parent path, e.g. {@code rules[2]} under {@code
     * $.commission} becomes {@code $.commission.rules[2]}.
     *
     * @param parent the path of the enclosing element
     * @return a new exception with the longer location
     */
    public InvalidScheduleException under(String parent) {
        InvalidScheduleException moved = new InvalidScheduleException(parent + "." + location, problem);
        moved.initCause(this);
        return moved;
    }
}
