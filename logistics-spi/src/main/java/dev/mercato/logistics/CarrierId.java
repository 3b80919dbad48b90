package dev.mercato.logistics;

/**
 * A carrier's stable identifier, chosen by the plug-in author (e.g. {@code "sandbox"}, {@code "sf-express"}); unique among the carriers a host registers.
 *
 * <p>Immutable value; equal when the values are equal (case-sensitive).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}, never {@code null}
 */
public record CarrierId(String value) {

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, too long or has other characters
     */
    public CarrierId {
        Identifiers.check(value, "carrier id");
    }

    @Override
    public String toString() {
        return value;
    }
}
