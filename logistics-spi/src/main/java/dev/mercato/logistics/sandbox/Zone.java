package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import java.util.Optional;

/**
 * The sandbox's rating zones: how far apart origin and destination are. Rates and transit
 * times are tabled per zone and service ({@link ServiceRate}).
 */
public enum Zone {
    /** Same country, region and city. */
    SAME_CITY,
    /** Same country and region, another city. */
    SAME_REGION,
    /** Same country, another region. */
    NATIONAL;

    /**
     * The zone of a route.
     *
     * @param origin where the parcel is collected, never {@code null}
     * @param destination where it is delivered, never {@code null}
     * @return the zone, or empty for a cross-border route (the sandbox does not serve those)
     */
    public static Optional<Zone> between(Address origin, Address destination) {
        if (origin.sameCityAs(destination)) {
            return Optional.of(SAME_CITY);
        }
        if (origin.sameRegionAs(destination)) {
            return Optional.of(SAME_REGION);
        }
        if (origin.countryCode().equals(destination.countryCode())) {
            return Optional.of(NATIONAL);
        }
        return Optional.empty();
    }
}
