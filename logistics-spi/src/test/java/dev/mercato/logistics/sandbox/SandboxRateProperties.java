package dev.mercato.logistics.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.contract.LogisticsArbitraries;
import dev.mercato.logistics.contract.ManualClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class SandboxRateProperties {
    private static final List<Address> PLACES = List.of(Fixtures.HANGZHOU_WAREHOUSE, Fixtures.HANGZHOU_BUYER,
            Fixtures.NINGBO, Fixtures.BEIJING, Fixtures.URUMQI, Fixtures.BERLIN);

    @Provide
    Arbitrary<Address> places() {
        return Arbitraries.of(PLACES);
    }

    @Provide
    Arbitrary<Parcel> parcels() {
        return LogisticsArbitraries.parcels(60_000, 1600);
    }

    @Provide
    Arbitrary<Parcel> boxes() {
        return LogisticsArbitraries.parcels(50_000, 350);
    }

    @Provide
    Arbitrary<Instant> instants() {
        Instant from = Fixtures.MONDAY_10_AM;
        return Arbitraries.longs().between(0, 366L * 24 * 3600).map(from::plusSeconds);
    }

    @Provide
    Arbitrary<Long> divisors() {
        return Arbitraries.of(4000L, 5000L, 6000L, 8000L, 12_000L);
    }

    @Provide
    Arbitrary<CurrencyUnit> currencies() {
        return Arbitraries.of(Fixtures.CNY, Monetary.getCurrency("USD"));
    }

    private static SandboxCarrier carrier(long divisor) {
        return SandboxCarrier.create(Fixtures.config().withVolumetricDivisor(divisor),
                new ManualClock(Fixtures.MONDAY_10_AM, Fixtures.SHANGHAI));
    }

    @Property
    void aHeavierParcelNeverCostsLessOnTheSameRouteAndService(@ForAll("places") Address from,
            @ForAll("places") Address to, @ForAll("boxes") Parcel box, @ForAll @LongRange(min = 200, max = 999) long step,
            @ForAll("instants") Instant orderedAt, @ForAll("divisors") long divisor) {
        // Walk up 15 kg in random steps shorter than a kilogram, so that every step edge on the
        // way is crossed; boxes are small enough that the actual weight usually decides the price.
        SandboxCarrier carrier = carrier(divisor);
        QuoteRequest request = new QuoteRequest(from, to, box, Fixtures.CNY, orderedAt);
        QuoteOutcome lighter = carrier.quote(request);
        for (long grams = box.weightGrams() + step; grams <= box.weightGrams() + 15_000; grams += step) {
            long weight = grams;
            QuoteOutcome heavier = carrier.quote(request.withParcel(box.withWeightGrams(weight)));
            for (Quote quote : heavier.quotesOrEmpty()) {
                Optional<Quote> same = lighter.quotesOrEmpty().stream()
                        .filter(q -> q.service() == quote.service()).findFirst();
                assertTrue(same.isPresent(), "a heavier parcel was quoted where a lighter one was not");
                assertFalse(quote.total().isLessThan(same.get().total()),
                        () -> quote.total() + " for " + weight + " g < " + same.get().total() + " for less");
            }
            lighter = heavier;
        }
    }

    @Property
    void quotesAreDeterministic(@ForAll("places") Address from, @ForAll("places") Address to,
            @ForAll("parcels") Parcel parcel, @ForAll("instants") Instant orderedAt,
            @ForAll("currencies") CurrencyUnit currency, @ForAll("divisors") long divisor) {
        QuoteRequest request = new QuoteRequest(from, to, parcel, currency, orderedAt);
        SandboxCarrier carrier = carrier(divisor);
        QuoteOutcome first = carrier.quote(request);
        assertEquals(first, carrier.quote(request));
        assertEquals(first, carrier(divisor).quote(request));
        for (Quote quote : first.quotesOrEmpty()) {
            assertEquals(currency, quote.total().getCurrency());
        }
    }

    @Property
    void theTotalIsFirstWeightPlusEveryStartedKilogramOfTheChargeableWeight(@ForAll("parcels") Parcel parcel,
            @ForAll("divisors") long divisor) {
        QuoteOutcome outcome = carrier(divisor).quote(new QuoteRequest(Fixtures.HANGZHOU_WAREHOUSE,
                Fixtures.HANGZHOU_BUYER, parcel, Fixtures.CNY, Fixtures.MONDAY_10_AM));
        if (parcel.weightGrams() > 50_000 || parcel.longestSideMm() > 1500) {
            assertTrue(outcome instanceof QuoteOutcome.Unquotable);
            return;
        }
        // Reference model in BigDecimal, independent of the long arithmetic under test.
        BigDecimal volumetric = BigDecimal.valueOf(parcel.lengthMm()).multiply(BigDecimal.valueOf(parcel.widthMm()))
                .multiply(BigDecimal.valueOf(parcel.heightMm()))
                .divide(BigDecimal.valueOf(divisor), 0, java.math.RoundingMode.CEILING);
        BigDecimal chargeable = volumetric.max(BigDecimal.valueOf(parcel.weightGrams()));
        BigDecimal steps = chargeable.subtract(BigDecimal.valueOf(1000)).max(BigDecimal.ZERO)
                .divide(BigDecimal.valueOf(1000), 0, java.math.RoundingMode.CEILING);
        BigDecimal expectedYuan = new BigDecimal("8.00").add(steps.multiply(new BigDecimal("2.00")));
        Quote standard = ((QuoteOutcome.Quoted) outcome).forService(ServiceLevel.STANDARD).orElseThrow();
        assertEquals(chargeable.longValueExact(), standard.chargeableWeightGrams());
        assertEquals(0, expectedYuan.compareTo(amount(standard.total())), () -> "expected CNY " + expectedYuan
                + " for " + parcel + ", quoted " + standard.total());
    }

    @Property
    void aPromiseNeverStartsBeforeTheOrderDateAndSameDayMeansBeforeTheCutoff(@ForAll("places") Address to,
            @ForAll("instants") Instant orderedAt) {
        QuoteOutcome outcome = carrier(6000).quote(new QuoteRequest(Fixtures.HANGZHOU_WAREHOUSE, to,
                new Parcel(1000, 100, 100, 100), Fixtures.CNY, orderedAt));
        LocalDate orderDay = orderedAt.atZone(Fixtures.SHANGHAI).toLocalDate();
        boolean beforeCutoff = orderedAt.atZone(Fixtures.SHANGHAI).getHour() < 11;
        for (Quote quote : outcome.quotesOrEmpty()) {
            assertFalse(quote.promise().earliest().isBefore(orderDay));
            if (quote.service() == ServiceLevel.SAME_DAY) {
                assertEquals(beforeCutoff ? orderDay : orderDay.plusDays(1), quote.promise().latest());
            }
        }
    }

    private static BigDecimal amount(MonetaryAmount amount) {
        return amount.getNumber().numberValue(BigDecimal.class);
    }
}
