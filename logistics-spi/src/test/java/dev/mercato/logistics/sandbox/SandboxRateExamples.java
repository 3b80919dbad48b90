package dev.mercato.logistics.sandbox;

import static dev.mercato.logistics.sandbox.Fixtures.BEIJING;
import static dev.mercato.logistics.sandbox.Fixtures.BERLIN;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_BUYER;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_WAREHOUSE;
import static dev.mercato.logistics.sandbox.Fixtures.MONDAY_10_AM;
import static dev.mercato.logistics.sandbox.Fixtures.NINGBO;
import static dev.mercato.logistics.sandbox.Fixtures.URUMQI;
import static dev.mercato.logistics.sandbox.Fixtures.assertAmount;
import static dev.mercato.logistics.sandbox.Fixtures.cny;
import static dev.mercato.logistics.sandbox.Fixtures.quote;
import static dev.mercato.logistics.sandbox.Fixtures.request;
import static dev.mercato.logistics.sandbox.Fixtures.smallBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.ChargeKind;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteLine;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.UnquotableReason;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.logistics.CarrierUnavailableException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import javax.money.Monetary;
import org.junit.jupiter.api.Test;

class SandboxRateExamples {
    private final SandboxCarrier carrier = Fixtures.carrier(Fixtures.clock());

    private Quote sameCityStandard(Parcel parcel) {
        return quote(carrier, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, parcel, MONDAY_10_AM), ServiceLevel.STANDARD);
    }

    @Test
    void exactlyOneKilogramPaysTheFirstWeightOnly() {
        Quote quote = sameCityStandard(smallBox(1000));
        assertAmount(cny("8.00"), quote.total());
        assertEquals(List.of(ChargeKind.FIRST_WEIGHT), quote.lines().stream().map(QuoteLine::kind).toList());
    }

    @Test
    void oneGramOverTheFirstKilogramPaysOneWholeAdditionalKilogram() {
        Quote quote = sameCityStandard(smallBox(1001));
        assertAmount(cny("10.00"), quote.total());
        assertAmount(cny("2.00"), quote.lines().get(1).amount());
        assertEquals(ChargeKind.ADDITIONAL_WEIGHT, quote.lines().get(1).kind());
    }

    @Test
    void exactlyTwoKilogramsPayOneAdditionalKilogram() {
        assertAmount(cny("10.00"), sameCityStandard(smallBox(2000)).total());
    }

    @Test
    void oneGramOverTwoKilogramsPaysTwoAdditionalKilograms() {
        assertAmount(cny("12.00"), sameCityStandard(smallBox(2001)).total());
    }

    @Test
    void aFewGramsPayTheFullFirstWeight() {
        assertAmount(cny("8.00"), sameCityStandard(smallBox(1)).total());
    }

    @Test
    void volumetricWeightWinsOverTheActualWeightOfALightBulkyParcel() {
        // 400 x 300 x 200 mm = 24 000 cm3; / 6000 cm3 per kg = 4 kg, though it weighs 500 g.
        Quote quote = sameCityStandard(new Parcel(500, 400, 300, 200));
        assertEquals(4000, quote.chargeableWeightGrams());
        assertAmount(cny("14.00"), quote.total());
    }

    @Test
    void actualWeightWinsOverTheVolumetricWeightOfADenseParcel() {
        Quote quote = sameCityStandard(new Parcel(5000, 400, 300, 200));
        assertEquals(5000, quote.chargeableWeightGrams());
        assertAmount(cny("16.00"), quote.total());
    }

    @Test
    void theVolumetricDivisorIsConfigurable() {
        SandboxCarrier lenient = SandboxCarrier.create(Fixtures.config().withVolumetricDivisor(8000), Fixtures.clock());
        Quote quote = quote(lenient, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, new Parcel(500, 400, 300, 200),
                MONDAY_10_AM), ServiceLevel.STANDARD);
        assertEquals(3000, quote.chargeableWeightGrams());
        assertAmount(cny("12.00"), quote.total());
    }

    @Test
    void volumetricWeightIsRoundedUpToTheGramBeforeTheKilogramSteps() {
        // 100 x 100 x 601 mm = 6 010 000 mm3 / 6000 = 1001.67 g, chargeable 1002 g: one more step.
        Quote quote = sameCityStandard(new Parcel(900, 100, 100, 601));
        assertEquals(1002, quote.chargeableWeightGrams());
        assertAmount(cny("10.00"), quote.total());
    }

    @Test
    void aParcelIntoARemoteRegionPaysTheSurchargeOnce() {
        Quote quote = quote(carrier, request(HANGZHOU_WAREHOUSE, URUMQI, smallBox(1000), MONDAY_10_AM),
                ServiceLevel.STANDARD);
        assertAmount(cny("27.00"), quote.total());
        assertEquals(List.of(ChargeKind.FIRST_WEIGHT, ChargeKind.REMOTE_AREA_SURCHARGE),
                quote.lines().stream().map(QuoteLine::kind).toList());
    }

    @Test
    void theRemoteAreaSurchargeIsConfigurable() {
        SandboxCarrier custom = SandboxCarrier.create(Fixtures.config().withRemoteArea(Set.of("Beijing"), 999),
                Fixtures.clock());
        assertAmount(cny("21.99"), quote(custom, request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(1000), MONDAY_10_AM),
                ServiceLevel.STANDARD).total());
        assertAmount(cny("12.00"), quote(custom, request(HANGZHOU_WAREHOUSE, URUMQI, smallBox(1000), MONDAY_10_AM),
                ServiceLevel.STANDARD).total());
    }

    @Test
    void zonesPriceTheSameParcelDifferently() {
        assertAmount(cny("8.00"), sameCityStandard(smallBox(1000)).total());
        assertAmount(cny("10.00"), quote(carrier, request(HANGZHOU_WAREHOUSE, NINGBO, smallBox(1000), MONDAY_10_AM),
                ServiceLevel.STANDARD).total());
        assertAmount(cny("12.00"), quote(carrier, request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(1000), MONDAY_10_AM),
                ServiceLevel.STANDARD).total());
    }

    @Test
    void sameDayIsOfferedWithinTheCityOnly() {
        QuoteOutcome local = carrier.quote(request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(1000), MONDAY_10_AM));
        QuoteOutcome national = carrier.quote(request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(1000), MONDAY_10_AM));
        assertEquals(List.of(ServiceLevel.STANDARD, ServiceLevel.EXPRESS, ServiceLevel.SAME_DAY),
                local.quotesOrEmpty().stream().map(Quote::service).toList());
        assertEquals(List.of(ServiceLevel.STANDARD, ServiceLevel.EXPRESS),
                national.quotesOrEmpty().stream().map(Quote::service).toList());
    }

    @Test
    void aCrossBorderRouteIsNotServed() {
        assertUnquotable(UnquotableReason.ROUTE_NOT_SERVED,
                request(HANGZHOU_WAREHOUSE, BERLIN, smallBox(1000), MONDAY_10_AM));
    }

    @Test
    void anotherCurrencyIsNotQuoted() {
        assertUnquotable(UnquotableReason.CURRENCY_NOT_SUPPORTED, new QuoteRequest(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER,
                smallBox(1000), Monetary.getCurrency("USD"), MONDAY_10_AM));
    }

    @Test
    void aParcelOverFiftyKilogramsIsTooHeavy() {
        assertUnquotable(UnquotableReason.PARCEL_TOO_HEAVY,
                request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(50_001), MONDAY_10_AM));
        assertTrue(carrier.quote(request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(50_000), MONDAY_10_AM))
                instanceof QuoteOutcome.Quoted);
    }

    @Test
    void aParcelWithASideOverOneAndAHalfMetresIsTooLarge() {
        assertUnquotable(UnquotableReason.PARCEL_TOO_LARGE,
                request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, new Parcel(1000, 1501, 10, 10), MONDAY_10_AM));
    }

    @Test
    void anOrderPlacedInThePeakSeasonPaysItsSurchargeWhateverTheClockSays() {
        SandboxCarrier peak = SandboxCarrier.create(Fixtures.config()
                .withDatedSurcharge(new DatedSurcharge(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 11), 300)),
                Fixtures.clock());
        // Thursday 2026-03-05 00:30 in Shanghai is still Wednesday in UTC: the local order date decides
        Quote inSeason = quote(peak, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(1000),
                Fixtures.at(2026, 3, 5, 0, 30)), ServiceLevel.STANDARD);
        assertAmount(cny("11.00"), inSeason.total());
        assertEquals(List.of(ChargeKind.FIRST_WEIGHT, ChargeKind.OTHER_FEE),
                inSeason.lines().stream().map(QuoteLine::kind).toList());
        Quote dayBefore = quote(peak, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(1000),
                Fixtures.at(2026, 3, 4, 23, 59)), ServiceLevel.STANDARD);
        assertAmount(cny("8.00"), dayBefore.total());
        Quote dayAfter = quote(peak, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(1000),
                Fixtures.at(2026, 3, 12, 0, 0)), ServiceLevel.STANDARD);
        assertAmount(cny("8.00"), dayAfter.total());
    }

    @Test
    void anInterruptedQuoteIsUnavailableAndTheNextOneIsAnswered() {
        carrier.interruptNextCall(Interruption.SERVER_ERROR);
        CarrierUnavailableException e = assertThrows(CarrierUnavailableException.class, () ->
                carrier.quote(request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(1000), MONDAY_10_AM)));
        assertTrue(e.getMessage().contains("HTTP 503"), e.getMessage());
        assertAmount(cny("8.00"), sameCityStandard(smallBox(1000)).total());
    }

    @Test
    void theConfigurationNeverPrintsItsSecret() {
        assertFalse(Fixtures.config().toString().contains(Fixtures.SECRET));
        assertTrue(Fixtures.config().toString().contains("notificationSecret=***"));
    }

    private void assertUnquotable(UnquotableReason reason, QuoteRequest request) {
        QuoteOutcome outcome = carrier.quote(request);
        assertTrue(outcome instanceof QuoteOutcome.Unquotable u && u.reason() == reason,
                () -> "expected " + reason + ", got " + outcome);
    }
}
