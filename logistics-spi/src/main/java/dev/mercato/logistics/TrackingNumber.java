package dev.mercato.logistics;

import java.util.regex.Pattern;

/**
 * A carrier's tracking number for one parcel, as the carrier issued it. Unique within one
 * carrier; two carriers may issue the same number, so a host keys parcels by
 * {@link CarrierId} and tracking number together.
 *
 * @param value 1 to 64 characters of {@code [A-Za-z0-9-]}, never {@code null}
 */
public record TrackingNumber(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /**
     * Validates the value.
     *
     * @throws InvalidLogisticsInputException if it is {@code null}, empty, longer than 64
     *     characters or has other characters
     */
    public TrackingNumber {
        InvalidLogisticsInputException.requireNonNull(value, "tracking number");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidLogisticsInputException("tracking number", "\"" + value + "\"",
                    "must be 1 to 64 characters of [A-Za-z0-9-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
