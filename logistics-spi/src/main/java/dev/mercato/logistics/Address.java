package dev.mercato.logistics;

import java.util.regex.Pattern;

/**
 * A postal address, as far as a carrier needs it to rate, route and deliver a parcel.
 *
 * <p>Carriers zone routes by country, region (province, state) and city; they compare these
 * components exactly as given (case-sensitive), so a host normalizes them (for example to the
 * names of its own address book) before quoting. Immutable and thread-safe.
 *
 * @param countryCode ISO 3166-1 alpha-2 code, two upper-case letters, e.g. {@code "CN"}
 * @param region province or state, non-blank, e.g. {@code "Zhejiang"}
 * @param city city, non-blank, e.g. {@code "Hangzhou"}
 * @param postalCode postal code, never {@code null}, may be empty where none is used
 * @param street street and house, never {@code null}, may be empty when only rating
 */
public record Address(String countryCode, String region, String city, String postalCode, String street) {
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /**
     * Validates the components.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}, the country code is
     *     not two upper-case letters, or region or city is blank
     */
    public Address {
        InvalidLogisticsInputException.requireNonNull(countryCode, "countryCode");
        if (!COUNTRY.matcher(countryCode).matches()) {
            throw new InvalidLogisticsInputException("countryCode", "\"" + countryCode + "\"",
                    "must be an ISO 3166-1 alpha-2 code (two upper-case letters)");
        }
        InvalidLogisticsInputException.requireNonBlank(region, "region");
        InvalidLogisticsInputException.requireNonBlank(city, "city");
        InvalidLogisticsInputException.requireNonNull(postalCode, "postalCode");
        InvalidLogisticsInputException.requireNonNull(street, "street");
    }

    /**
     * An address precise enough for rating: no postal code, no street.
     *
     * @param countryCode ISO 3166-1 alpha-2 code
     * @param region province or state
     * @param city city
     * @return the address
     */
    public static Address of(String countryCode, String region, String city) {
        return new Address(countryCode, region, city, "", "");
    }

    /**
     * Whether both addresses are in the same city of the same region and country.
     *
     * @param other the other address, never {@code null}
     * @return {@code true} when country, region and city are equal
     */
    public boolean sameCityAs(Address other) {
        return sameRegionAs(other) && city.equals(other.city);
    }

    /**
     * Whether both addresses are in the same region of the same country.
     *
     * @param other the other address, never {@code null}
     * @return {@code true} when country and region are equal
     */
    public boolean sameRegionAs(Address other) {
        return countryCode.equals(other.countryCode) && region.equals(other.region);
    }
}
