package dev.mercato.pricing.promotion;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;

/**
 * A half-open validity window {@code [from, until)}: a promotion valid from 10:00 until 12:00
 * applies at 10:00:00 and at 11:59:59.999 but not at 12:00. Immutable and thread-safe.
 *
 * @param from the first instant inside the window, never {@code null}
 * @param until the first instant after the window, never {@code null}, after {@code from}
 */
public record Window(Instant from, Instant until) {

    /** A window that contains every instant Mercato can price at. */
    public static final Window ALWAYS = new Window(Instant.MIN, Instant.MAX);

    /**
     * Validates the bounds.
     *
     * @throws InvalidInputException if a bound is missing or {@code until} is not after {@code from}
     */
    public Window {
        InvalidInputException.requireNonNull(from, "window.from");
        InvalidInputException.requireNonNull(until, "window.until");
        if (!until.isAfter(from)) {
            throw new InvalidInputException("window.until", until, "must be after window.from " + from);
        }
    }

    /**
     * A window between two instants.
     *
     * @param from first instant inside
     * @param until first instant after
     * @return the window
     */
    public static Window between(Instant from, Instant until) {
        return new Window(from, until);
    }

    /**
     * Whether an instant lies inside the window.
     *
     * @param at the instant
     * @return {@code true} if {@code from <= at < until}
     */
    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(until);
    }
}
