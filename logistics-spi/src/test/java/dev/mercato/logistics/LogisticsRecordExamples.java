package dev.mercato.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

class LogisticsRecordExamples {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DeliveryPromise TOMORROW =
            DeliveryPromise.between(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3), SHANGHAI);

    private static MonetaryAmount cny(String amount) {
        return Monetary.getDefaultAmountFactory().setCurrency("CNY").setNumber(new BigDecimal(amount)).create();
    }

    private static MonetaryAmount usd(String amount) {
        return Monetary.getDefaultAmountFactory().setCurrency("USD").setNumber(new BigDecimal(amount)).create();
    }

    @Test
    void aQuoteWhoseLinesDoNotAddUpToItsTotalIsRefused() {
        InvalidLogisticsInputException e = assertThrows(InvalidLogisticsInputException.class,
                () -> new Quote(new CarrierId("c"), ServiceLevel.STANDARD, cny("10.00"),
                        List.of(new QuoteLine(ChargeKind.FIRST_WEIGHT, cny("8.00"))), 1000, TOMORROW));
        assertEquals("total", e.field());
        assertTrue(e.getMessage().contains("10"), e.getMessage());
    }

    @Test
    void aQuoteMixingCurrenciesIsRefused() {
        assertThrows(InvalidLogisticsInputException.class,
                () -> new Quote(new CarrierId("c"), ServiceLevel.STANDARD, cny("8.00"),
                        List.of(new QuoteLine(ChargeKind.FIRST_WEIGHT, usd("8.00"))), 1000, TOMORROW));
    }

    @Test
    void quotesAreOrderedFromSlowestToFastestServiceAndNoServiceTwice() {
        Quote express = new Quote(new CarrierId("c"), ServiceLevel.EXPRESS, cny("12"),
                List.of(new QuoteLine(ChargeKind.FIRST_WEIGHT, cny("12"))), 1000, TOMORROW);
        Quote standard = new Quote(new CarrierId("c"), ServiceLevel.STANDARD, cny("8"),
                List.of(new QuoteLine(ChargeKind.FIRST_WEIGHT, cny("8"))), 1000, TOMORROW);
        assertEquals(List.of(standard, express), new QuoteOutcome.Quoted(List.of(express, standard)).quotes());
        assertThrows(InvalidLogisticsInputException.class, () -> new QuoteOutcome.Quoted(List.of(express, express)));
    }

    @Test
    void aPromiseEndingBeforeItStartsIsRefused() {
        assertThrows(InvalidLogisticsInputException.class,
                () -> DeliveryPromise.between(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 2), SHANGHAI));
    }

    @Test
    void aPromiseByATimeIsKeptUpToThatMinute() {
        DeliveryPromise tonight = DeliveryPromise.onDayBy(LocalDate.of(2026, 3, 2), LocalTime.of(23, 0), SHANGHAI);
        Instant deadline = Instant.parse("2026-03-02T15:00:00Z");
        assertEquals(deadline, tonight.deadline());
        assertTrue(tonight.keptBy(deadline));
        assertTrue(!tonight.keptBy(deadline.plusSeconds(1)));
    }

    @Test
    void aParcelMustWeighSomethingAndFitInALong() {
        InvalidLogisticsInputException e =
                assertThrows(InvalidLogisticsInputException.class, () -> new Parcel(0, 10, 10, 10));
        assertEquals("weightGrams", e.field());
        assertThrows(InvalidLogisticsInputException.class, () -> new Parcel(1, 100_001, 10, 10));
        assertEquals(1_000_000_000_000_000L, new Parcel(1, 100_000, 100_000, 100_000).volumeCubicMillimetres());
    }

    @Test
    void aTrackingNumberWithSpacesIsRefusedAndTheMessageShowsIt() {
        InvalidLogisticsInputException e =
                assertThrows(InvalidLogisticsInputException.class, () -> new TrackingNumber("SF 123"));
        assertTrue(e.getMessage().contains("\"SF 123\""), e.getMessage());
    }

    @Test
    void anAddressNeedsAnIsoCountryCode() {
        assertThrows(InvalidLogisticsInputException.class, () -> Address.of("China", "Zhejiang", "Hangzhou"));
        assertThrows(InvalidLogisticsInputException.class, () -> Address.of("CN", " ", "Hangzhou"));
    }

    @Test
    void trackingRefusesAnEventAboutAnotherParcel() {
        TrackingNumber mine = new TrackingNumber("A1");
        TrackingEvent theirs = new TrackingEvent.PickedUp(new TrackingEventId("B1-1"), new TrackingNumber("B1"),
                Instant.EPOCH, Optional.empty());
        assertThrows(InvalidLogisticsInputException.class, () -> Tracking.of(mine).apply(theirs));
    }

    @Test
    void aParcelWithoutEventsAwaitsPickup() {
        Tracking tracking = Tracking.of(new TrackingNumber("A1"));
        assertEquals(TrackingPhase.AWAITING_PICKUP, tracking.phase());
        assertEquals(Optional.empty(), tracking.deliveredAt());
    }

    @Test
    void aLateInTransitScanDoesNotUndoADelivery() {
        TrackingNumber parcel = new TrackingNumber("A1");
        Instant noon = Instant.parse("2026-03-02T04:00:00Z");
        TrackingEvent delivered = new TrackingEvent.Delivered(new TrackingEventId("A1-5"), parcel, noon,
                Optional.of("Hangzhou"), Optional.empty());
        TrackingEvent lateScan = new TrackingEvent.InTransit(new TrackingEventId("A1-9"), parcel,
                noon.plusSeconds(60), Optional.of("Hangzhou"));
        Tracking tracking = Tracking.of(parcel).apply(lateScan).apply(delivered);
        assertEquals(TrackingPhase.DELIVERED, tracking.phase());
        assertEquals(Optional.of(noon), tracking.deliveredAt());
        assertEquals(List.of(delivered, lateScan), tracking.events());
    }

    @Test
    void notificationHeaderNamesAreCaseInsensitive() {
        TrackingNotification notification = new TrackingNotification("", Map.of("X-Signature", "v1=00"));
        assertEquals(Optional.of("v1=00"), notification.header("x-signature"));
        assertEquals(Optional.of("v1=00"), notification.header("X-SIGNATURE"));
    }

    @Test
    void capabilitiesNeedAServiceAndAnswerWhatWasDeclared() {
        assertThrows(InvalidLogisticsInputException.class,
                () -> new CarrierCapabilities(Set.of(), Set.of()));
        CarrierCapabilities capabilities = new CarrierCapabilities(Set.of(ServiceLevel.STANDARD),
                Set.of(CarrierFeature.CANCELLATION));
        assertTrue(capabilities.offers(ServiceLevel.STANDARD));
        assertTrue(!capabilities.offers(ServiceLevel.EXPRESS));
        assertTrue(capabilities.supports(CarrierFeature.CANCELLATION));
        assertTrue(!capabilities.supports(CarrierFeature.RETURN_SHIPMENTS));
    }

    @Test
    void aReusedRequestIdNamesItselfInTheException() {
        ConflictingShipmentRequestException e =
                new ConflictingShipmentRequestException(new ShipmentRequestId("order-7-parcel-1"));
        assertEquals(new ShipmentRequestId("order-7-parcel-1"), e.requestId());
        assertTrue(e.getMessage().contains("order-7-parcel-1"));
    }
}
