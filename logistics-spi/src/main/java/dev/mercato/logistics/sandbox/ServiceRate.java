package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.ServiceLevel;

/**
 * One cell of the sandbox's rate table: the price and transit time of a service in a zone.
 *
 * <p>Pricing is first weight plus additional weight (首重/续重): the first
 * {@code firstWeightGrams} of the chargeable weight cost {@code firstWeightMinor}; every
 * <em>started</em> step of {@code additionalStepGrams} beyond it costs
 * {@code additionalStepMinor}. With a 1 kg first weight and 1 kg steps, 1000 g pays the first
 * weight only, 1001 g and 2000 g pay one step, 2001 g pays two. Amounts are minor units of
 * the sandbox's currency. Immutable and thread-safe.
 *
 * @param zone the zone, never {@code null}
 * @param service the service, never {@code null}
 * @param firstWeightGrams the weight covered by the first-weight price, positive
 * @param firstWeightMinor the first-weight price in minor units, zero or positive
 * @param additionalStepGrams the size of one additional-weight step, positive
 * @param additionalStepMinor the price of one started step in minor units, zero or positive
 * @param minTransitDays fewest calendar days from dispatch to delivery, zero or positive;
 *     ignored for {@link ServiceLevel#SAME_DAY}, which follows the cut-off times, and for
 *     {@link ServiceLevel#ON_DEMAND}, which is delivered within minutes
 * @param maxTransitDays most calendar days from dispatch to delivery, at least {@code minTransitDays}
 */
public record ServiceRate(Zone zone, ServiceLevel service, long firstWeightGrams, long firstWeightMinor,
        long additionalStepGrams, long additionalStepMinor, int minTransitDays, int maxTransitDays) {

    /**
     * Validates the cell.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null}, negative where it
     *     must not be, or the transit range is reversed
     */
    public ServiceRate {
        InvalidLogisticsInputException.requireNonNull(zone, "zone");
        InvalidLogisticsInputException.requireNonNull(service, "service");
        InvalidLogisticsInputException.requirePositive(firstWeightGrams, "firstWeightGrams");
        InvalidLogisticsInputException.requireNonNegative(firstWeightMinor, "firstWeightMinor");
        InvalidLogisticsInputException.requirePositive(additionalStepGrams, "additionalStepGrams");
        InvalidLogisticsInputException.requireNonNegative(additionalStepMinor, "additionalStepMinor");
        InvalidLogisticsInputException.requireNonNegative(minTransitDays, "minTransitDays");
        if (maxTransitDays < minTransitDays) {
            throw new InvalidLogisticsInputException("maxTransitDays", maxTransitDays,
                    "must be at least minTransitDays " + minTransitDays);
        }
    }

    /**
     * A cell with 1 kg first weight and 1 kg additional steps.
     *
     * @param zone the zone
     * @param service the service
     * @param firstKgMinor price of the first kilogram in minor units
     * @param perAdditionalKgMinor price of each started additional kilogram in minor units
     * @param minTransitDays fewest days from dispatch to delivery
     * @param maxTransitDays most days from dispatch to delivery
     * @return the cell
     */
    public static ServiceRate perKilogram(Zone zone, ServiceLevel service, long firstKgMinor,
            long perAdditionalKgMinor, int minTransitDays, int maxTransitDays) {
        return new ServiceRate(zone, service, 1000, firstKgMinor, 1000, perAdditionalKgMinor, minTransitDays,
                maxTransitDays);
    }

    /**
     * How many additional-weight steps a chargeable weight pays.
     *
     * @param chargeableGrams the chargeable weight, positive
     * @return 0 up to the first weight, then one per started step
     */
    public long additionalSteps(long chargeableGrams) {
        if (chargeableGrams <= firstWeightGrams) {
            return 0;
        }
        long beyond = chargeableGrams - firstWeightGrams;
        return beyond / additionalStepGrams + (beyond % additionalStepGrams == 0 ? 0 : 1);
    }
}
