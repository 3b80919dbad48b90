package dev.mercato.logistics;

/**
 * A carrier's identifier of a pickup point (parcel locker, partner shop, station) where a buyer collects a parcel.
 *
 * <p>Immutable value; equal when the values are equal (case-sensitive).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._:-]}, never {@code null}
 */
public record PickupPointId(String value) {

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, too long or has other characters
     */
    public PickupPointId {
        Identifiers.check(value, "pickup point id");
    }

    @Override
    public String toString() {
        return value;
    }
}
