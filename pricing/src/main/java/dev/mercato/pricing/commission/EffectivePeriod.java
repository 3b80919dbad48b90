package dev.mercato.pricing.commission;

import dev.mercato.pricing.error.InvalidInputException;
import java.time.Instant;
import java.util.Optional;

/**
 * When a rule is in force, by order instant: from {@code from} inclusive to {@code until}
 * exclusive; an empty bound is open. An order placed exactly at a rate change gets the new rate.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the first instant in force, or empty for "since always"
 * @param until the first instant no longer in force, or empty for "until further notice"
 */
public record EffectivePeriod(Optional<Instant> from, Optional<Instant> until) {

    /** In force at every instant. */
    public static final EffectivePeriod ALWAYS = new EffectivePeriod(Optional.empty(), Optional.empty());

    /**
     * Validates the bounds.
     *
     * @throws InvalidInputException if {@code from} is not before {@code until}
     */
    public EffectivePeriod {
        InvalidInputException.requireNonNull(from, "from");
        InvalidInputException.requireNonNull(until, "until");
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new InvalidInputException("until", until.get(), "must be after from " + from.get());
        }
    }

    /**
     * In force from an instant on.
     *
     * @param from the first instant in force
     * @return the period
     */
    public static EffectivePeriod from(Instant from) {
        return new EffectivePeriod(Optional.of(from), Optional.empty());
    }

    /**
     * In force before an instant.
     *
     * @param until the first instant no longer in force
     * @return the period
     */
    public static EffectivePeriod until(Instant until) {
        return new EffectivePeriod(Optional.empty(), Optional.of(until));
    }

    /**
     * In force from {@code from} inclusive to {@code until} exclusive.
     *
     * @param from the first instant in force
     * @param until the first instant no longer in force
     * @return the period
     */
    public static EffectivePeriod between(Instant from, Instant until) {
        return new EffectivePeriod(Optional.of(from), Optional.of(until));
    }

    /**
     * Whether the period covers an instant.
     *
     * @param instant the order instant
     * @return {@code true} if {@code from <= instant < until}
     */
    public boolean contains(Instant instant) {
        return from.map(f -> !instant.isBefore(f)).orElse(true)
                && until.map(instant::isBefore).orElse(true);
    }

    /**
     * Whether two periods share an instant.
     *
     * @param other the other period
     * @return {@code true} if some instant is in both
     */
    public boolean overlaps(EffectivePeriod other) {
        boolean thisEndsBeforeOtherStarts = until.isPresent() && other.from.isPresent()
                && !until.get().isAfter(other.from.get());
        boolean otherEndsBeforeThisStarts = other.until.isPresent() && from.isPresent()
                && !other.until.get().isAfter(from.get());
        return !thisEndsBeforeOtherStarts && !otherEndsBeforeThisStarts;
    }

    /** Renders as {@code [2026-07-01T00:00:00Z, open)}. */
    @Override
    public String toString() {
        return "[" + from.map(Instant::toString).orElse("open") + ", " + until.map(Instant::toString).orElse("open") + ")";
    }
}
