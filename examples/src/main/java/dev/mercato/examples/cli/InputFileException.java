package dev.mercato.examples.cli;

import dev.mercato.pricing.error.MercatoException;
import java.io.Serial;
import java.util.Optional;

/**
 * An input file of the command line cannot be used: it is missing, is not JSON, or a value in it
 * is wrong. Names the file as the user wrote it, where in it (a JSON path such as {@code
 * $.lines[1].quantity}, or a line and column for broken syntax; none when the file cannot be read
 * at all) and the problem.
 */
final class InputFileException extends MercatoException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;
    private final String problem;

    InputFileException(String file, String location, String problem, Throwable cause) {
        super(file + (location == null ? "" : ": " + location) + ": " + problem, cause);
        this.file = file;
        this.location = location;
        this.problem = problem;
    }

    InputFileException(String file, String location, String problem) {
        this(file, location, problem, null);
    }

    /** The file, as given on the command line. */
    String file() {
        return file;
    }

    /** Where in the file, if the file could be read. */
    Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** What is wrong there. */
    String problem() {
        return problem;
    }
}
