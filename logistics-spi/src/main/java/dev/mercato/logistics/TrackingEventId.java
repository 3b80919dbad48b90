package dev.mercato.logistics;

/**
 * Identifies one tracking event. A carrier guarantees that the id is stable (the same event has the same id in every query and notification) and names exactly one event, so that duplicates can be dropped.
 *
 * <p>Immutable value; equal when the values are equal (case-sensitive).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}, never {@code null}
 */
public record TrackingEventId(String value) {

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, too long or has other characters
     */
    public TrackingEventId {
        Identifiers.check(value, "tracking event id");
    }

    @Override
    public String toString() {
        return value;
    }
}
