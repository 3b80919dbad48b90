package dev.mercato.logistics;

import java.time.LocalTime;

/**
 * A place where a buyer collects parcels: a locker, a partner shop, a carrier station.
 * Immutable and thread-safe.
 *
 * @param id the carrier's id of the point, never {@code null}
 * @param name its display name, non-blank
 * @param address where it is, never {@code null}
 * @param opensAt daily opening time (local), never {@code null}
 * @param closesAt daily closing time (local), after {@code opensAt}
 */
public record PickupPoint(PickupPointId id, String name, Address address, LocalTime opensAt, LocalTime closesAt) {

    /**
     * Validates the point.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}, the name is blank
     *     or it closes before it opens
     */
    public PickupPoint {
        InvalidLogisticsInputException.requireNonNull(id, "id");
        InvalidLogisticsInputException.requireNonBlank(name, "name");
        InvalidLogisticsInputException.requireNonNull(address, "address");
        InvalidLogisticsInputException.requireNonNull(opensAt, "opensAt");
        InvalidLogisticsInputException.requireNonNull(closesAt, "closesAt");
        if (!closesAt.isAfter(opensAt)) {
            throw new InvalidLogisticsInputException("closesAt", closesAt, "must be after opensAt " + opensAt);
        }
    }
}
