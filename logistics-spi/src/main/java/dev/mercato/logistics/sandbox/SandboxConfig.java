package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CarrierFeature;
import dev.mercato.logistics.CarrierId;
import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.PickupPoint;
import dev.mercato.logistics.PickupPointId;
import dev.mercato.logistics.ServiceLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/**
 * Everything the sandbox carrier is configured with: its rate table, volumetric divisor,
 * remote-area surcharge, limits, cut-off times, pickup points and notification secret.
 *
 * <p><b>Chargeable weight.</b> The volumetric weight is length x width x height divided by
 * {@code volumetricDivisor} (in cm<sup>3</sup> per kg, e.g. 6000); with sizes in millimetres
 * this is exactly mm<sup>3</sup> / divisor grams, rounded up to the next gram. The chargeable
 * weight is the greater of the actual and the volumetric weight, and {@link ServiceRate}
 * prices it per started additional step.
 *
 * <p><b>Remote areas.</b> A parcel delivered into one of {@code remoteRegions} (compared
 * exactly with {@link Address#region()}) pays {@code remoteSurchargeMinor} once.
 *
 * <p><b>Promises</b>, in local time of {@code zone}: {@link ServiceLevel#SAME_DAY} ordered
 * before {@code sameDayCutoff} arrives the same day by {@code sameDayDeliverBy}, ordered at
 * or after it arrives the next day by {@code nextDayDeliverBy} (the "two deliveries a day"
 * promise). Other services dispatch the same day when ordered before {@code dispatchCutoff},
 * else the next day, and arrive within the cell's transit days (calendar days; the sandbox
 * knows no holidays). {@link ServiceLevel#ON_DEMAND} (tabled with {@link #withOnDemand}, not by
 * default) promises an instant: {@code onDemandWithin} after the order, whatever the time of
 * day ({@link dev.mercato.logistics.DeliveryPromise#within}).
 *
 * <p><b>Dated surcharges.</b> An order whose {@code orderedAt}, read in {@code zone}, falls on a
 * date of a {@link DatedSurcharge} pays its amount as one {@code OTHER_FEE} line per matching
 * surcharge: the date of the order decides, never the date of the carrier's clock.
 *
 * <p>Immutable and thread-safe; the secret is kept as given, so use a test secret only, and
 * {@link #toString()} does not print it.
 *
 * @param carrierId the id the sandbox reports, never {@code null}
 * @param currency the only currency the sandbox prices in; rate amounts are its minor units
 * @param zone the time zone of cut-offs and promises, never {@code null}
 * @param rates the rate table, at most one cell per zone and service, at least one cell
 * @param volumetricDivisor cm<sup>3</sup> per kg, positive
 * @param remoteRegions regions that pay the remote-area surcharge, never {@code null}
 * @param remoteSurchargeMinor the surcharge in minor units, zero or positive
 * @param maxWeightGrams the heaviest parcel accepted (actual weight), positive
 * @param maxSideMm the longest side accepted, positive
 * @param sameDayCutoff orders before this time are delivered the same day
 * @param sameDayDeliverBy same-day deliveries arrive by this time
 * @param nextDayDeliverBy deliveries of orders after the cut-off arrive next day by this time
 * @param dispatchCutoff orders before this time leave the same day (other services)
 * @param pickupPoints the pickup points, ids unique, never {@code null}
 * @param notificationSecret the HMAC-SHA256 key for notifications, at least 16 bytes in UTF-8
 * @param features the optional features the sandbox declares and supports (all by default);
 *     without one it answers as a carrier lacking it does, never {@code null}
 * @param datedSurcharges surcharges for orders placed on certain local dates (peak seasons),
 *     none by default, never {@code null}
 * @param onDemandWithin how long an {@link ServiceLevel#ON_DEMAND} courier has from the order
 *     (quote) or booking (shipment) to the delivery, positive; {@link #DEFAULT_ON_DEMAND_WITHIN}
 *     unless set
 */
public record SandboxConfig(CarrierId carrierId, CurrencyUnit currency, ZoneId zone, List<ServiceRate> rates,
        long volumetricDivisor, Set<String> remoteRegions, long remoteSurchargeMinor, long maxWeightGrams,
        long maxSideMm, LocalTime sameDayCutoff, LocalTime sameDayDeliverBy, LocalTime nextDayDeliverBy,
        LocalTime dispatchCutoff, List<PickupPoint> pickupPoints, String notificationSecret,
        Set<CarrierFeature> features, List<DatedSurcharge> datedSurcharges, Duration onDemandWithin) {

    /** How long an on-demand courier has by default: 30 minutes from dispatch. */
    public static final Duration DEFAULT_ON_DEMAND_WITHIN = Duration.ofMinutes(30);

    /** The divisor most express carriers use: 6000 cm<sup>3</sup> per kg. */
    public static final long DEFAULT_VOLUMETRIC_DIVISOR = 6000;

    /**
     * Validates the configuration and copies the collections.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null} or out of range,
     *     a zone and service is tabled twice, or a pickup point id repeats
     */
    public SandboxConfig {
        InvalidLogisticsInputException.requireNonNull(carrierId, "carrierId");
        InvalidLogisticsInputException.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new InvalidLogisticsInputException("currency", currency, "must have a minor unit");
        }
        InvalidLogisticsInputException.requireNonNull(zone, "zone");
        InvalidLogisticsInputException.requireNonNull(rates, "rates");
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new InvalidLogisticsInputException("rates", rates, "must hold at least one cell");
        }
        Set<String> cells = new HashSet<>();
        for (ServiceRate rate : rates) {
            if (!cells.add(rate.zone() + "/" + rate.service())) {
                throw new InvalidLogisticsInputException("rates", rate,
                        "tables " + rate.zone() + " " + rate.service() + " twice");
            }
        }
        InvalidLogisticsInputException.requirePositive(volumetricDivisor, "volumetricDivisor");
        InvalidLogisticsInputException.requireNonNull(remoteRegions, "remoteRegions");
        remoteRegions = Set.copyOf(remoteRegions);
        InvalidLogisticsInputException.requireNonNegative(remoteSurchargeMinor, "remoteSurchargeMinor");
        InvalidLogisticsInputException.requirePositive(maxWeightGrams, "maxWeightGrams");
        InvalidLogisticsInputException.requirePositive(maxSideMm, "maxSideMm");
        InvalidLogisticsInputException.requireNonNull(sameDayCutoff, "sameDayCutoff");
        InvalidLogisticsInputException.requireNonNull(sameDayDeliverBy, "sameDayDeliverBy");
        InvalidLogisticsInputException.requireNonNull(nextDayDeliverBy, "nextDayDeliverBy");
        InvalidLogisticsInputException.requireNonNull(dispatchCutoff, "dispatchCutoff");
        if (!sameDayDeliverBy.isAfter(sameDayCutoff)) {
            throw new InvalidLogisticsInputException("sameDayDeliverBy", sameDayDeliverBy,
                    "must be after sameDayCutoff " + sameDayCutoff);
        }
        InvalidLogisticsInputException.requireNonNull(pickupPoints, "pickupPoints");
        pickupPoints = List.copyOf(pickupPoints);
        if (pickupPoints.stream().map(PickupPoint::id).distinct().count() != pickupPoints.size()) {
            throw new InvalidLogisticsInputException("pickupPoints", pickupPoints, "must not repeat an id");
        }
        InvalidLogisticsInputException.requireNonNull(notificationSecret, "notificationSecret");
        if (notificationSecret.getBytes(StandardCharsets.UTF_8).length < 16) {
            throw new InvalidLogisticsInputException("notificationSecret", "(hidden)", "must be at least 16 bytes");
        }
        InvalidLogisticsInputException.requireNonNull(features, "features");
        features = Set.copyOf(features);
        InvalidLogisticsInputException.requireNonNull(datedSurcharges, "datedSurcharges");
        datedSurcharges = List.copyOf(datedSurcharges);
        InvalidLogisticsInputException.requireNonNull(onDemandWithin, "onDemandWithin");
        if (onDemandWithin.isZero() || onDemandWithin.isNegative()) {
            throw new InvalidLogisticsInputException("onDemandWithin", onDemandWithin, "must be positive");
        }
    }

    /**
     * A configuration with the default on-demand window ({@link #DEFAULT_ON_DEMAND_WITHIN}); the
     * components are those of the canonical constructor but the last.
     *
     * @param carrierId the id the sandbox reports
     * @param currency the only currency the sandbox prices in
     * @param zone the time zone of cut-offs and promises
     * @param rates the rate table
     * @param volumetricDivisor cm<sup>3</sup> per kg
     * @param remoteRegions regions that pay the remote-area surcharge
     * @param remoteSurchargeMinor the surcharge in minor units
     * @param maxWeightGrams the heaviest parcel accepted
     * @param maxSideMm the longest side accepted
     * @param sameDayCutoff orders before this time are delivered the same day
     * @param sameDayDeliverBy same-day deliveries arrive by this time
     * @param nextDayDeliverBy deliveries of orders after the cut-off arrive next day by this time
     * @param dispatchCutoff orders before this time leave the same day
     * @param pickupPoints the pickup points
     * @param notificationSecret the HMAC-SHA256 key
     * @param features the optional features
     * @param datedSurcharges surcharges for orders placed on certain local dates
     */
    public SandboxConfig(CarrierId carrierId, CurrencyUnit currency, ZoneId zone, List<ServiceRate> rates,
            long volumetricDivisor, Set<String> remoteRegions, long remoteSurchargeMinor, long maxWeightGrams,
            long maxSideMm, LocalTime sameDayCutoff, LocalTime sameDayDeliverBy, LocalTime nextDayDeliverBy,
            LocalTime dispatchCutoff, List<PickupPoint> pickupPoints, String notificationSecret,
            Set<CarrierFeature> features, List<DatedSurcharge> datedSurcharges) {
        this(carrierId, currency, zone, rates, volumetricDivisor, remoteRegions, remoteSurchargeMinor, maxWeightGrams,
                maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy, dispatchCutoff, pickupPoints,
                notificationSecret, features, datedSurcharges, DEFAULT_ON_DEMAND_WITHIN);
    }

    /**
     * A China-style default: CNY rates (first kilogram + per started additional kilogram),
     * Asia/Shanghai cut-offs (same day before 11:00 by 23:00, otherwise next day by 15:00;
     * dispatch before 16:00), divisor 6000, a CNY 15.00 surcharge into Xinjiang, Xizang and
     * Qinghai, 50 kg and 1.5 m limits, two pickup points in Hangzhou, and every optional feature.
     *
     * <p>Needs a JSR 354 implementation at runtime to resolve {@code CNY}.
     *
     * @param notificationSecret the HMAC key, at least 16 bytes
     * @return the configuration
     */
    public static SandboxConfig defaults(String notificationSecret) {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        List<ServiceRate> rates = List.of(
                ServiceRate.perKilogram(Zone.SAME_CITY, ServiceLevel.STANDARD, 800, 200, 1, 2),
                ServiceRate.perKilogram(Zone.SAME_CITY, ServiceLevel.EXPRESS, 1200, 300, 1, 1),
                ServiceRate.perKilogram(Zone.SAME_CITY, ServiceLevel.SAME_DAY, 2000, 500, 0, 1),
                ServiceRate.perKilogram(Zone.SAME_REGION, ServiceLevel.STANDARD, 1000, 400, 2, 3),
                ServiceRate.perKilogram(Zone.SAME_REGION, ServiceLevel.EXPRESS, 1500, 600, 1, 2),
                ServiceRate.perKilogram(Zone.NATIONAL, ServiceLevel.STANDARD, 1200, 600, 3, 5),
                ServiceRate.perKilogram(Zone.NATIONAL, ServiceLevel.EXPRESS, 2300, 1200, 1, 3));
        List<PickupPoint> points = List.of(
                new PickupPoint(new PickupPointId("HZ-WESTLAKE-01"), "West Lake parcel locker",
                        new Address("CN", "Zhejiang", "Hangzhou", "310000", "1 Nanshan Road"),
                        LocalTime.of(0, 0), LocalTime.of(23, 59)),
                new PickupPoint(new PickupPointId("HZ-BINJIANG-02"), "Binjiang station",
                        new Address("CN", "Zhejiang", "Hangzhou", "310051", "88 Jiangnan Avenue"),
                        LocalTime.of(8, 0), LocalTime.of(21, 0)));
        return new SandboxConfig(new CarrierId("sandbox"), Monetary.getCurrency("CNY"), shanghai, rates,
                DEFAULT_VOLUMETRIC_DIVISOR, Set.of("Xinjiang", "Xizang", "Qinghai"), 1500, 50_000, 1500,
                LocalTime.of(11, 0), LocalTime.of(23, 0), LocalTime.of(15, 0), LocalTime.of(16, 0), points,
                notificationSecret, EnumSet.allOf(CarrierFeature.class), List.of());
    }

    /**
     * This configuration under another carrier id: parcels are keyed by carrier and tracking
     * number, so two sandboxes sharing one database (or two runs of a demo) use distinct ids.
     *
     * @param id the carrier id
     * @return a new configuration
     */
    public SandboxConfig withCarrierId(CarrierId id) {
        return new SandboxConfig(id, currency, zone, rates, volumetricDivisor, remoteRegions, remoteSurchargeMinor,
                maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy, dispatchCutoff,
                pickupPoints, notificationSecret, features, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration with another volumetric divisor.
     *
     * @param cm3PerKg the divisor in cm<sup>3</sup> per kg, positive
     * @return a new configuration
     */
    public SandboxConfig withVolumetricDivisor(long cm3PerKg) {
        return new SandboxConfig(carrierId, currency, zone, rates, cm3PerKg, remoteRegions, remoteSurchargeMinor,
                maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy, dispatchCutoff,
                pickupPoints, notificationSecret, features, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration with another remote-area surcharge.
     *
     * @param regions the remote regions
     * @param surchargeMinor the surcharge in minor units
     * @return a new configuration
     */
    public SandboxConfig withRemoteArea(Set<String> regions, long surchargeMinor) {
        return new SandboxConfig(carrierId, currency, zone, rates, volumetricDivisor, regions, surchargeMinor,
                maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy, dispatchCutoff,
                pickupPoints, notificationSecret, features, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration with another rate table, in minor units of {@code currency}.
     *
     * @param table the rate table
     * @param currencyOfTable the currency of its amounts
     * @return a new configuration
     */
    public SandboxConfig withRates(List<ServiceRate> table, CurrencyUnit currencyOfTable) {
        return new SandboxConfig(carrierId, currencyOfTable, zone, table, volumetricDivisor, remoteRegions,
                remoteSurchargeMinor, maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy,
                dispatchCutoff, pickupPoints, notificationSecret, features, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration with other same-day times.
     *
     * @param cutoff orders before this time are delivered the same day
     * @param sameDayBy same-day deliveries arrive by this time
     * @param nextDayBy later orders arrive the next day by this time
     * @return a new configuration
     */
    public SandboxConfig withSameDay(LocalTime cutoff, LocalTime sameDayBy, LocalTime nextDayBy) {
        return new SandboxConfig(carrierId, currency, zone, rates, volumetricDivisor, remoteRegions,
                remoteSurchargeMinor, maxWeightGrams, maxSideMm, cutoff, sameDayBy, nextDayBy, dispatchCutoff,
                pickupPoints, notificationSecret, features, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration declaring other optional features.
     *
     * @param supported the features to declare and support; empty for a minimal carrier
     * @return a new configuration
     */
    public SandboxConfig withFeatures(Set<CarrierFeature> supported) {
        return new SandboxConfig(carrierId, currency, zone, rates, volumetricDivisor, remoteRegions,
                remoteSurchargeMinor, maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy,
                dispatchCutoff, pickupPoints, notificationSecret, supported, datedSurcharges, onDemandWithin);
    }

    /**
     * This configuration with an on-demand service ({@link ServiceLevel#ON_DEMAND}) in the same
     * city: a flat price per parcel up to 1 kg plus every started additional kilogram, delivered
     * within {@code within} of the booking. Replaces an on-demand cell tabled before.
     *
     * @param within how long the courier has from the booking, positive (a promise to the minute)
     * @param firstKgMinor the price of the first kilogram in minor units
     * @param perAdditionalKgMinor the price of each started additional kilogram in minor units
     * @return a new configuration
     */
    public SandboxConfig withOnDemand(Duration within, long firstKgMinor, long perAdditionalKgMinor) {
        List<ServiceRate> table = new java.util.ArrayList<>(rates);
        table.removeIf(r -> r.service() == ServiceLevel.ON_DEMAND);
        table.add(ServiceRate.perKilogram(Zone.SAME_CITY, ServiceLevel.ON_DEMAND, firstKgMinor, perAdditionalKgMinor,
                0, 0));
        return new SandboxConfig(carrierId, currency, zone, table, volumetricDivisor, remoteRegions,
                remoteSurchargeMinor, maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy,
                dispatchCutoff, pickupPoints, notificationSecret, features, datedSurcharges, within);
    }

    /**
     * This configuration with one more dated surcharge.
     *
     * @param surcharge the surcharge, never {@code null}
     * @return a new configuration
     */
    public SandboxConfig withDatedSurcharge(DatedSurcharge surcharge) {
        InvalidLogisticsInputException.requireNonNull(surcharge, "surcharge");
        List<DatedSurcharge> more = new java.util.ArrayList<>(datedSurcharges);
        more.add(surcharge);
        return new SandboxConfig(carrierId, currency, zone, rates, volumetricDivisor, remoteRegions,
                remoteSurchargeMinor, maxWeightGrams, maxSideMm, sameDayCutoff, sameDayDeliverBy, nextDayDeliverBy,
                dispatchCutoff, pickupPoints, notificationSecret, features, more, onDemandWithin);
    }

    /**
     * Prints the configuration without its notification secret.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "SandboxConfig[carrierId=" + carrierId + ", currency=" + currency + ", zone=" + zone + ", rates=" + rates
                + ", volumetricDivisor=" + volumetricDivisor + ", remoteRegions=" + remoteRegions
                + ", remoteSurchargeMinor=" + remoteSurchargeMinor + ", maxWeightGrams=" + maxWeightGrams
                + ", maxSideMm=" + maxSideMm + ", sameDayCutoff=" + sameDayCutoff + ", sameDayDeliverBy="
                + sameDayDeliverBy + ", nextDayDeliverBy=" + nextDayDeliverBy + ", dispatchCutoff=" + dispatchCutoff
                + ", pickupPoints=" + pickupPoints + ", notificationSecret=***, features=" + features
                + ", datedSurcharges=" + datedSurcharges + ", onDemandWithin=" + onDemandWithin + "]";
    }

    /**
     * Whether an optional feature is on.
     *
     * @param feature the feature
     * @return {@code true} when declared in {@link #features()}
     */
    public boolean supports(CarrierFeature feature) {
        return features.contains(feature);
    }

    /**
     * The services tabled in any zone.
     *
     * @return the services, never empty
     */
    public Set<ServiceLevel> services() {
        Set<ServiceLevel> services = new HashSet<>();
        rates.forEach(r -> services.add(r.service()));
        return Set.copyOf(services);
    }
}
