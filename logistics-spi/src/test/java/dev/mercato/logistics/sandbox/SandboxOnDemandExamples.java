package dev.mercato.logistics.sandbox;

import static dev.mercato.logistics.sandbox.Fixtures.BEIJING;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_BUYER;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_WAREHOUSE;
import static dev.mercato.logistics.sandbox.Fixtures.MONDAY_10_AM;
import static dev.mercato.logistics.sandbox.Fixtures.SHANGHAI;
import static dev.mercato.logistics.sandbox.Fixtures.assertAmount;
import static dev.mercato.logistics.sandbox.Fixtures.cny;
import static dev.mercato.logistics.sandbox.Fixtures.create;
import static dev.mercato.logistics.sandbox.Fixtures.request;
import static dev.mercato.logistics.sandbox.Fixtures.shipmentRequest;
import static dev.mercato.logistics.sandbox.Fixtures.smallBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.contract.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** On-demand delivery in the sandbox: a promise to the minute, kept or broken by a delay. */
class SandboxOnDemandExamples {
    private final ManualClock clock = Fixtures.clock();
    private final SandboxCarrier carrier = SandboxCarrier.create(
            Fixtures.config().withOnDemand(Duration.ofMinutes(30), 1500, 300), clock);

    @Test
    void anOnDemandOrderAtTenIsPromisedByTenThirtyAndPricedFlatForTheFirstKilogram() {
        Quote quote = Fixtures.quote(carrier, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(900), MONDAY_10_AM),
                ServiceLevel.ON_DEMAND);
        assertAmount(cny("15.00"), quote.total());
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(30)), quote.promise().deadline());
        assertEquals(LocalTime.of(10, 30), quote.promise().deliverBy().orElseThrow());
        assertEquals(LocalDate.of(2026, 3, 2), quote.promise().earliest());
    }

    @Test
    void anOnDemandWindowCrossesMidnightToTheMinute() {
        Instant lateEvening = Fixtures.at(2026, 3, 2, 23, 50);
        Quote quote = Fixtures.quote(carrier, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(900), lateEvening),
                ServiceLevel.ON_DEMAND);
        assertEquals(LocalDate.of(2026, 3, 2), quote.promise().earliest());
        assertEquals(LocalDate.of(2026, 3, 3), quote.promise().latest());
        assertEquals(LocalTime.of(0, 20), quote.promise().deliverBy().orElseThrow());
        assertEquals(lateEvening.plus(Duration.ofMinutes(30)), quote.promise().deadline());
    }

    @Test
    void onDemandIsOfferedWithinTheCityOnly() {
        QuoteOutcome national = carrier.quote(request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(900), MONDAY_10_AM));
        assertTrue(national.quotesOrEmpty().stream().noneMatch(q -> q.service() == ServiceLevel.ON_DEMAND));
        assertFalse(Fixtures.carrier(clock).capabilities().services().contains(ServiceLevel.ON_DEMAND),
                "the default sandbox tables no on-demand courier");
    }

    @Test
    void aFaultFreeCourierDeliversAtMinute29() {
        Shipment shipment = create(carrier, shipmentRequest("courier", ServiceLevel.ON_DEMAND, HANGZHOU_BUYER));
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(30)), shipment.promise().deadline());
        clock.advance(Duration.ofMinutes(28));
        assertFalse(track(shipment).isDelivered());
        clock.advance(Duration.ofMinutes(1));
        Tracking tracking = track(shipment);
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(29)), tracking.deliveredAt().orElseThrow());
        assertTrue(shipment.promise().keptBy(tracking.deliveredAt().orElseThrow()));
    }

    @Test
    void aTwelveMinuteDelayDeliversAtMinute41AndBreaksThePromise() {
        carrier.script(new ShipmentRequestId("slow-courier"), SandboxFault.delay(Duration.ofMinutes(12)));
        Shipment shipment = create(carrier, shipmentRequest("slow-courier", ServiceLevel.ON_DEMAND, HANGZHOU_BUYER));
        clock.advance(Duration.ofHours(1));
        Instant delivered = track(shipment).deliveredAt().orElseThrow();
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(41)), delivered);
        assertFalse(shipment.promise().keptBy(delivered));
    }

    @Test
    void faultsScriptedForTheNextShipmentPlayOnTheNextOneCreatedOnly() {
        carrier.scriptNext(SandboxFault.delay(Duration.ofMinutes(12)));
        // Refused (a national route has no courier): the script waits for a created shipment.
        assertTrue(carrier.createShipment(shipmentRequest("far", ServiceLevel.ON_DEMAND, BEIJING))
                instanceof ShipmentOutcome.Refused);
        Shipment late = create(carrier, shipmentRequest("any-id", ServiceLevel.ON_DEMAND, HANGZHOU_BUYER));
        // Replaying the same request is the same shipment, and uses nothing up.
        create(carrier, shipmentRequest("any-id", ServiceLevel.ON_DEMAND, HANGZHOU_BUYER));
        Shipment onTime = create(carrier, shipmentRequest("other-id", ServiceLevel.ON_DEMAND, HANGZHOU_BUYER));
        clock.advance(Duration.ofHours(1));
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(41)), track(late).deliveredAt().orElseThrow());
        assertEquals(MONDAY_10_AM.plus(Duration.ofMinutes(29)), track(onTime).deliveredAt().orElseThrow());
        assertThrows(InvalidLogisticsInputException.class, () -> carrier.scriptNext((SandboxFault) null));
    }

    @Test
    void aPromiseWithinAWindowIsExactEvenWhenClocksFallBack() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // 2026-10-25 02:00-03:00 happens twice in Berlin; 02:10 at the second offset (+01:00).
        Instant from = LocalDateTime.of(2026, 10, 25, 1, 40).atZone(berlin).toInstant().plus(Duration.ofHours(1));
        DeliveryPromise promise = DeliveryPromise.within(from, Duration.ofMinutes(30), berlin);
        assertEquals(from.plus(Duration.ofMinutes(30)), promise.deadline());
        assertTrue(promise.keptBy(from.plus(Duration.ofMinutes(30))));
        assertFalse(promise.keptBy(from.plus(Duration.ofMinutes(30)).plusSeconds(1)));
    }

    @Test
    void aWindowMustBePositive() {
        assertThrows(InvalidLogisticsInputException.class,
                () -> DeliveryPromise.within(MONDAY_10_AM, Duration.ZERO, SHANGHAI));
        assertThrows(InvalidLogisticsInputException.class,
                () -> Fixtures.config().withOnDemand(Duration.ofMinutes(-1), 1500, 300));
    }

    private Tracking track(Shipment shipment) {
        return carrier.track(shipment.trackingNumber()).orElseThrow();
    }
}
