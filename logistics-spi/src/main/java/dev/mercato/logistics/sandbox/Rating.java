package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.ChargeKind;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteLine;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.UnquotableReason;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sandbox's pure rating: a quote outcome as a function of the request and the config. */
final class Rating {
    private final SandboxConfig config;

    Rating(SandboxConfig config) {
        this.config = config;
    }

    QuoteOutcome quote(QuoteRequest request) {
        if (!request.currency().equals(config.currency())) {
            return new QuoteOutcome.Unquotable(UnquotableReason.CURRENCY_NOT_SUPPORTED,
                    "the sandbox prices in " + config.currency().getCurrencyCode() + " only, not "
                            + request.currency().getCurrencyCode());
        }
        Parcel parcel = request.parcel();
        if (parcel.weightGrams() > config.maxWeightGrams()) {
            return new QuoteOutcome.Unquotable(UnquotableReason.PARCEL_TOO_HEAVY,
                    parcel.weightGrams() + " g exceeds the limit of " + config.maxWeightGrams() + " g");
        }
        if (parcel.longestSideMm() > config.maxSideMm()) {
            return new QuoteOutcome.Unquotable(UnquotableReason.PARCEL_TOO_LARGE,
                    parcel.longestSideMm() + " mm exceeds the limit of " + config.maxSideMm() + " mm per side");
        }
        Optional<Zone> zone = Zone.between(request.origin(), request.destination());
        if (zone.isEmpty()) {
            return new QuoteOutcome.Unquotable(UnquotableReason.ROUTE_NOT_SERVED,
                    "the sandbox does not ship from " + request.origin().countryCode() + " to "
                            + request.destination().countryCode());
        }
        long chargeable = chargeableWeightGrams(parcel);
        boolean remote = config.remoteRegions().contains(request.destination().region());
        List<Quote> quotes = new ArrayList<>();
        for (ServiceRate rate : config.rates()) {
            if (rate.zone() == zone.get()) {
                quotes.add(quote(rate, chargeable, remote, request));
            }
        }
        if (quotes.isEmpty()) {
            return new QuoteOutcome.Unquotable(UnquotableReason.ROUTE_NOT_SERVED,
                    "the sandbox has no rates for zone " + zone.get());
        }
        return new QuoteOutcome.Quoted(quotes);
    }

    long chargeableWeightGrams(Parcel parcel) {
        // mm3 divided by a divisor in cm3/kg is grams: 1 kg per 6000 cm3 = 1 g per 6000 mm3.
        long volume = parcel.volumeCubicMillimetres();
        long divisor = config.volumetricDivisor();
        long volumetric = volume / divisor + (volume % divisor == 0 ? 0 : 1);
        return Math.max(parcel.weightGrams(), volumetric);
    }

    private Quote quote(ServiceRate rate, long chargeable, boolean remote, QuoteRequest request) {
        List<QuoteLine> lines = new ArrayList<>(4);
        long total = rate.firstWeightMinor();
        lines.add(new QuoteLine(ChargeKind.FIRST_WEIGHT, Amounts.of(rate.firstWeightMinor(), config.currency())));
        long steps = rate.additionalSteps(chargeable);
        if (steps > 0) {
            long additional = Math.multiplyExact(steps, rate.additionalStepMinor());
            total = Math.addExact(total, additional);
            lines.add(new QuoteLine(ChargeKind.ADDITIONAL_WEIGHT, Amounts.of(additional, config.currency())));
        }
        if (remote && config.remoteSurchargeMinor() > 0) {
            total = Math.addExact(total, config.remoteSurchargeMinor());
            lines.add(new QuoteLine(ChargeKind.REMOTE_AREA_SURCHARGE,
                    Amounts.of(config.remoteSurchargeMinor(), config.currency())));
        }
        LocalDate orderDate = request.orderedAt().atZone(config.zone()).toLocalDate();
        for (DatedSurcharge dated : config.datedSurcharges()) {
            if (dated.applies(orderDate)) {
                total = Math.addExact(total, dated.surchargeMinor());
                lines.add(new QuoteLine(ChargeKind.OTHER_FEE, Amounts.of(dated.surchargeMinor(), config.currency())));
            }
        }
        return new Quote(config.carrierId(), rate.service(), Amounts.of(total, config.currency()), lines, chargeable,
                promise(rate, request));
    }

    private DeliveryPromise promise(ServiceRate rate, QuoteRequest request) {
        ZonedDateTime ordered = request.orderedAt().atZone(config.zone());
        LocalDate day = ordered.toLocalDate();
        if (rate.service() == ServiceLevel.ON_DEMAND) {
            return DeliveryPromise.within(request.orderedAt(), config.onDemandWithin(), config.zone());
        }
        if (rate.service() == ServiceLevel.SAME_DAY) {
            return ordered.toLocalTime().isBefore(config.sameDayCutoff())
                    ? DeliveryPromise.onDayBy(day, config.sameDayDeliverBy(), config.zone())
                    : DeliveryPromise.onDayBy(day.plusDays(1), config.nextDayDeliverBy(), config.zone());
        }
        LocalDate dispatch = ordered.toLocalTime().isBefore(config.dispatchCutoff()) ? day : day.plusDays(1);
        return DeliveryPromise.between(dispatch.plusDays(rate.minTransitDays()),
                dispatch.plusDays(rate.maxTransitDays()), config.zone());
    }
}
