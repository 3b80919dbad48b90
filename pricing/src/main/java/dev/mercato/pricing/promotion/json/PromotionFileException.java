package dev.mercato.pricing.promotion.json;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;

/**
 * A promotion document is malformed: the {@link #location()} names where (a JSON path such as
 * {@code $.promotions[3].threshold}, or a line and column for a syntax error) and
 * {@link #problem()} says what is wrong there.
 */
public final class PromotionFileException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String location;
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param location where in the document, e.g. {@code $.promotions[3].threshold}
     * @param problem what is wrong there
     */
    public PromotionFileException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
        this.problem = problem;
    }

    /**
     * Creates the exception with its cause.
     *
     * @param location where in the document
     * @param problem what is wrong there
     * @param cause the underlying exception
     */
    public PromotionFileException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
    }

    /**
     * Where in the document the problem is.
     *
     * @return a JSON path such as {@code $.promotions[3].threshold}, or {@code line L, column C}
     */
    public String location() {
        return location;
    }

    /**
     * What is wrong there.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
