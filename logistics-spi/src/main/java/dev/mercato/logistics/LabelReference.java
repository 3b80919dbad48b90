package dev.mercato.logistics;

/**
 * The carrier's reference to a shipping label (a document id, a URL path or a print-job id) that the host fetches or prints through the carrier's own channel.
 *
 * <p>Immutable value; equal when the values are equal (case-sensitive).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}, never {@code null}
 */
public record LabelReference(String value) {

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, too long or has other characters
     */
    public LabelReference {
        Identifiers.check(value, "label id");
    }

    @Override
    public String toString() {
        return value;
    }
}
