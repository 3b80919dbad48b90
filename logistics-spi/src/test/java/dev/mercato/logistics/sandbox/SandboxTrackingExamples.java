package dev.mercato.logistics.sandbox;

import static dev.mercato.logistics.sandbox.Fixtures.BEIJING;
import static dev.mercato.logistics.sandbox.Fixtures.CNY;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_BUYER;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_WAREHOUSE;
import static dev.mercato.logistics.sandbox.Fixtures.NINGBO;
import static dev.mercato.logistics.sandbox.Fixtures.create;
import static dev.mercato.logistics.sandbox.Fixtures.shipmentRequest;
import static dev.mercato.logistics.sandbox.Fixtures.smallBox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.CancellationRefusal;
import dev.mercato.logistics.ConflictingShipmentRequestException;
import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.PickupPoint;
import dev.mercato.logistics.PickupPointId;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.logistics.contract.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxTrackingExamples {
    private final ManualClock clock = Fixtures.clock();
    private final SandboxCarrier carrier = Fixtures.carrier(clock);

    private Tracking track(Shipment shipment) {
        return carrier.track(shipment.trackingNumber()).orElseThrow();
    }

    private void runFor(Duration duration) {
        clock.advance(duration);
    }

    private List<TrackingEvent> drainedEvents() {
        List<TrackingEvent> events = new ArrayList<>();
        for (TrackingNotification notification : carrier.drainNotifications()) {
            events.addAll(assertInstanceOf(NotificationVerdict.Accepted.class, carrier.verify(notification)).events());
        }
        return events;
    }

    @Test
    void trackingAdvancesWithTheInjectedClock() {
        Shipment shipment = create(carrier, shipmentRequest("order-1", ServiceLevel.EXPRESS, BEIJING));
        assertEquals(TrackingPhase.AWAITING_PICKUP, track(shipment).phase());
        List<TrackingPhase> seen = new ArrayList<>();
        for (int hour = 0; hour < 24 * 5; hour++) {
            runFor(Duration.ofHours(1));
            TrackingPhase phase = track(shipment).phase();
            if (seen.isEmpty() || seen.get(seen.size() - 1) != phase) {
                seen.add(phase);
            }
        }
        assertEquals(List.of(TrackingPhase.AWAITING_PICKUP, TrackingPhase.PICKED_UP, TrackingPhase.IN_TRANSIT,
                TrackingPhase.OUT_FOR_DELIVERY, TrackingPhase.DELIVERED), seen);
    }

    @Test
    void aFaultFreeParcelIsDeliveredWithinItsPromise() {
        for (ServiceLevel service : carrier.capabilities().services()) {
            Shipment shipment = create(carrier, shipmentRequest("promise-" + service, service, HANGZHOU_BUYER));
            runFor(Duration.ofDays(10));
            Tracking tracking = track(shipment);
            assertTrue(shipment.promise().keptBy(tracking.deliveredAt().orElseThrow()),
                    () -> service + " promised " + shipment.promise() + " but delivered " + tracking.deliveredAt());
        }
    }

    @Test
    void aSameDayParcelBookedBeforeTheCutoffArrivesTheSameEvening() {
        Shipment shipment = create(carrier, shipmentRequest("same-day", ServiceLevel.SAME_DAY, HANGZHOU_BUYER));
        runFor(Duration.ofHours(13)); // 23:00 in Shanghai
        assertTrue(track(shipment).isDelivered());
    }

    @Test
    void aDelayedParcelBreaksItsPromise() {
        carrier.script(new ShipmentRequestId("late"), SandboxFault.delay(Duration.ofDays(2)));
        Shipment shipment = create(carrier, shipmentRequest("late", ServiceLevel.EXPRESS, NINGBO));
        runFor(Duration.ofDays(10));
        Tracking tracking = track(shipment);
        assertTrue(tracking.isDelivered());
        assertFalse(shipment.promise().keptBy(tracking.deliveredAt().orElseThrow()));
    }

    @Test
    void aLostParcelEndsInAnExceptionAndIsNeverDelivered() {
        carrier.script(new ShipmentRequestId("lost"), SandboxFault.lostParcel());
        Shipment shipment = create(carrier, shipmentRequest("lost", ServiceLevel.STANDARD, BEIJING));
        runFor(Duration.ofDays(30));
        Tracking tracking = track(shipment);
        assertEquals(TrackingPhase.EXCEPTION, tracking.phase());
        assertTrue(tracking.firstReached(TrackingPhase.DELIVERED).isEmpty());
        assertEquals("parcel lost in transit",
                ((TrackingEvent.ExceptionReported) tracking.current().orElseThrow()).reason());
    }

    @Test
    void anUndeliverableParcelGoesBackToTheSenderAndCannotBeCancelled() {
        carrier.script(new ShipmentRequestId("nobody-home"), SandboxFault.undeliverable());
        Shipment shipment = create(carrier, shipmentRequest("nobody-home", ServiceLevel.STANDARD, NINGBO));
        runFor(Duration.ofDays(10));
        assertEquals(TrackingPhase.RETURNED, track(shipment).phase());
        assertEquals(new CancellationOutcome.Refused(shipment.trackingNumber(), CancellationRefusal.ALREADY_RETURNED),
                carrier.cancel(shipment.trackingNumber()));
    }

    @Test
    void duplicatedNotificationsFoldToTheTrackedState() {
        carrier.script(new ShipmentRequestId("twice"), SandboxFault.duplicateNotifications());
        Shipment shipment = create(carrier, shipmentRequest("twice", ServiceLevel.EXPRESS, BEIJING));
        runFor(Duration.ofDays(5));
        List<TrackingEvent> events = drainedEvents();
        Tracking tracking = track(shipment);
        assertEquals(2 * tracking.events().size(), events.size());
        assertEquals(tracking, Tracking.of(shipment.trackingNumber()).applyAll(events));
    }

    @Test
    void outOfOrderNotificationsArriveSwappedAndFoldToTheTrackedState() {
        carrier.script(new ShipmentRequestId("swapped"), SandboxFault.outOfOrderNotifications());
        Shipment shipment = create(carrier, shipmentRequest("swapped", ServiceLevel.EXPRESS, BEIJING));
        Tracking folded = Tracking.of(shipment.trackingNumber());
        List<TrackingEvent> arrivals = new ArrayList<>();
        for (int hour = 0; hour < 24 * 5; hour++) {
            runFor(Duration.ofHours(1));
            List<TrackingEvent> batch = drainedEvents();
            arrivals.addAll(batch);
            folded = folded.applyAll(batch);
        }
        Tracking tracking = track(shipment);
        assertNotEquals(tracking.events(), arrivals, "arrived in occurrence order");
        assertTrue(arrivals.get(0).occurredAt().isAfter(arrivals.get(1).occurredAt()));
        assertEquals(tracking, folded);
        assertTrue(folded.isDelivered());
    }

    @Test
    void eachEventIsNotifiedOnceWithoutFaults() {
        Shipment shipment = create(carrier, shipmentRequest("plain", ServiceLevel.EXPRESS, BEIJING));
        runFor(Duration.ofDays(1));
        List<TrackingEvent> first = drainedEvents();
        runFor(Duration.ofDays(4));
        List<TrackingEvent> second = drainedEvents();
        assertTrue(drainedEvents().isEmpty());
        List<TrackingEvent> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(track(shipment).events(), all);
    }

    @Test
    void aTamperedNotificationIsRejectedAsBadSignature() {
        create(carrier, shipmentRequest("tamper", ServiceLevel.EXPRESS, BEIJING));
        runFor(Duration.ofDays(5));
        TrackingNotification genuine = carrier.drainNotifications().get(4);
        assertTrue(genuine.body().contains("DELIVERED"));
        NotificationVerdict verdict = carrier.verify(genuine.withBody(genuine.body().replace("DELIVERED", "RETURNED")));
        assertEquals(NotificationRejection.BAD_SIGNATURE,
                assertInstanceOf(NotificationVerdict.Rejected.class, verdict).reason());
    }

    @Test
    void aNotificationSignedWithAnotherSecretIsRejected() {
        SandboxCarrier impostor = SandboxCarrier.create(SandboxConfig.defaults("another-secret-0123456789"), clock);
        NotificationVerdict verdict = carrier.verify(impostor.sign(""));
        assertEquals(NotificationRejection.BAD_SIGNATURE,
                assertInstanceOf(NotificationVerdict.Rejected.class, verdict).reason());
    }

    @Test
    void anUnsignedOrGarbledSignatureIsRejected() {
        assertEquals(NotificationRejection.MISSING_SIGNATURE, assertInstanceOf(NotificationVerdict.Rejected.class,
                carrier.verify(new TrackingNotification("", Map.of()))).reason());
        assertEquals(NotificationRejection.BAD_SIGNATURE, assertInstanceOf(NotificationVerdict.Rejected.class,
                carrier.verify(new TrackingNotification("", Map.of(SandboxCarrier.SIGNATURE_HEADER, "v1=zz"))))
                .reason());
    }

    @Test
    void theSignatureHeaderNameIsCaseInsensitive() {
        TrackingNotification signed = carrier.sign("");
        String value = signed.header(SandboxCarrier.SIGNATURE_HEADER).orElseThrow();
        assertInstanceOf(NotificationVerdict.Accepted.class,
                carrier.verify(new TrackingNotification("", Map.of("X-SANDBOX-SIGNATURE", value))));
    }

    @Test
    void aSignedButUnreadableBodyIsRejectedAsMalformed() {
        NotificationVerdict verdict = carrier.verify(carrier.sign("not|an|event\n"));
        assertEquals(NotificationRejection.MALFORMED,
                assertInstanceOf(NotificationVerdict.Rejected.class, verdict).reason());
    }

    @Test
    void cancellingBeforePickupStopsTheJourney() {
        Shipment shipment = create(carrier, shipmentRequest("cancel-early", ServiceLevel.STANDARD, BEIJING));
        assertInstanceOf(CancellationOutcome.Cancelled.class, carrier.cancel(shipment.trackingNumber()));
        runFor(Duration.ofDays(10));
        assertEquals(List.of(), track(shipment).events());
        assertTrue(carrier.drainNotifications().isEmpty());
    }

    @Test
    void cancellingAfterPickupIsRefused() {
        Shipment shipment = create(carrier, shipmentRequest("cancel-late", ServiceLevel.STANDARD, BEIJING));
        runFor(Duration.ofDays(1));
        assertEquals(new CancellationOutcome.Refused(shipment.trackingNumber(), CancellationRefusal.ALREADY_PICKED_UP),
                carrier.cancel(shipment.trackingNumber()));
        runFor(Duration.ofDays(10));
        assertTrue(track(shipment).isDelivered());
    }

    @Test
    void aShipmentIsChargedWhatItWasQuotedAtBookingTime() {
        Shipment shipment = create(carrier, shipmentRequest("charge", ServiceLevel.STANDARD, BEIJING));
        Fixtures.assertAmount(Fixtures.cny("18.00"), shipment.charge()); // 1.2 kg national: 12.00 + 6.00
    }

    @Test
    void replayingARequestReturnsTheFirstShipmentAndAnotherParcelUnderTheSameIdIsRejected() {
        ShipmentRequest request = shipmentRequest("replay", ServiceLevel.STANDARD, BEIJING);
        Shipment first = create(carrier, request);
        runFor(Duration.ofHours(2));
        assertEquals(first, create(carrier, request));
        assertThrows(ConflictingShipmentRequestException.class,
                () -> carrier.createShipment(request.withParcel(smallBox(5000))));
    }

    @Test
    void aServiceNotOfferedOnTheRouteIsRefused() {
        ShipmentOutcome outcome = carrier.createShipment(shipmentRequest("far", ServiceLevel.SAME_DAY, BEIJING));
        assertEquals(ShipmentRefusal.SERVICE_NOT_OFFERED,
                assertInstanceOf(ShipmentOutcome.Refused.class, outcome).reason());
    }

    @Test
    void aRefusedRequestIsNotRememberedAndMaySucceedLater() {
        Shipment original = create(carrier, shipmentRequest("to-return", ServiceLevel.EXPRESS, HANGZHOU_BUYER));
        ShipmentRequest returnRequest = ShipmentRequest.returnOf(new ShipmentRequestId("return-1"),
                original.trackingNumber(), ServiceLevel.STANDARD, HANGZHOU_BUYER, HANGZHOU_WAREHOUSE, smallBox(1200),
                CNY);
        assertEquals(ShipmentRefusal.ORIGINAL_NOT_DELIVERED,
                assertInstanceOf(ShipmentOutcome.Refused.class, carrier.createShipment(returnRequest)).reason());
        runFor(Duration.ofDays(3));
        Shipment returned = create(carrier, returnRequest);
        assertEquals(Optional.of(original.trackingNumber()), returned.returnOf());
        runFor(Duration.ofDays(3));
        assertTrue(track(returned).isDelivered());
    }

    @Test
    void pickupPointsNearAnAddressAreThoseOfItsCityFirst() {
        List<PickupPoint> points = carrier.pickupPoints(HANGZHOU_BUYER);
        assertEquals(List.of("HZ-BINJIANG-02", "HZ-WESTLAKE-01"), points.stream().map(p -> p.id().value()).toList());
        assertEquals(2, carrier.pickupPoints(NINGBO).size());
        assertEquals(List.of(), carrier.pickupPoints(BEIJING));
    }

    @Test
    void aParcelForAPickupPointIsDeliveredThere() {
        PickupPoint point = carrier.pickupPoints(HANGZHOU_BUYER).get(0);
        Shipment shipment = create(carrier,
                shipmentRequest("to-locker", ServiceLevel.STANDARD, point.address()).toPickupPoint(point.id()));
        runFor(Duration.ofDays(3));
        TrackingEvent.Delivered delivered = (TrackingEvent.Delivered) track(shipment).current().orElseThrow();
        assertEquals(Optional.of(point.id()), delivered.pickupPoint());
    }

    @Test
    void anUnknownPickupPointIsRefused() {
        ShipmentOutcome outcome = carrier.createShipment(shipmentRequest("no-locker", ServiceLevel.STANDARD, BEIJING)
                .toPickupPoint(new PickupPointId("HZ-WESTLAKE-01")));
        assertEquals(ShipmentRefusal.UNKNOWN_PICKUP_POINT,
                assertInstanceOf(ShipmentOutcome.Refused.class, outcome).reason());
    }

    @Test
    void faultsCannotBeScriptedForAShipmentThatExists() {
        create(carrier, shipmentRequest("exists", ServiceLevel.STANDARD, BEIJING));
        assertThrows(InvalidLogisticsInputException.class,
                () -> carrier.script(new ShipmentRequestId("exists"), SandboxFault.lostParcel()));
    }
}
