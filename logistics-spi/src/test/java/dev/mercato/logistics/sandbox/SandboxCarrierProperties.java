package dev.mercato.logistics.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.logistics.contract.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * A state model of the sandbox as a host uses it: book parcels (some with faults), replay
 * bookings, cancel, let time pass and fold the pushed notifications. Whatever the sequence,
 * what the host folded from notifications is part of what the carrier tracks, tracked events
 * never disappear or lie in the future, a delivery is never undone, and once everything has
 * happened the host's fold equals the carrier's tracking.
 */
class SandboxCarrierProperties {
    private static final List<Address> DESTINATIONS = List.of(Fixtures.HANGZHOU_BUYER, Fixtures.NINGBO,
            Fixtures.BEIJING, Fixtures.URUMQI);

    @Property(tries = 60)
    void notificationsFoldToWhatTheCarrierTracks(@ForAll("chains") ActionChain<Model> chain) {
        Model model = chain.withInvariant("tracking is consistent", Model::checkConsistency).run();
        model.clock.advance(Duration.ofDays(60));
        model.drain();
        model.checkConsistency();
        for (Shipment shipment : model.shipments.values()) {
            assertEquals(model.carrierTracking(shipment), model.hostView(shipment),
                    () -> "after everything happened, the host's fold differs for " + shipment.trackingNumber());
        }
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(4, Model.book())
                .withAction(2, Model.replay())
                .withAction(2, Model.cancel())
                .withAction(4, Model.tick())
                .withAction(3, Model.drainAction())
                .withMaxTransformations(30);
    }

    static final class Model {
        final ManualClock clock = Fixtures.clock();
        final SandboxCarrier carrier = Fixtures.carrier(clock);
        final Map<ShipmentRequestId, ShipmentRequest> requests = new LinkedHashMap<>();
        final Map<TrackingNumber, Shipment> shipments = new LinkedHashMap<>();
        final Map<TrackingNumber, Tracking> folded = new HashMap<>();
        final Map<TrackingNumber, Tracking> lastSeen = new HashMap<>();
        final Set<TrackingNumber> cancelled = new HashSet<>();
        private int next;

        Tracking carrierTracking(Shipment shipment) {
            return carrier.track(shipment.trackingNumber()).orElseThrow();
        }

        Tracking hostView(Shipment shipment) {
            return folded.getOrDefault(shipment.trackingNumber(), Tracking.of(shipment.trackingNumber()));
        }

        void drain() {
            for (TrackingNotification notification : carrier.drainNotifications()) {
                NotificationVerdict verdict = carrier.verify(notification);
                for (TrackingEvent event : assertInstanceOf(NotificationVerdict.Accepted.class, verdict).events()) {
                    folded.merge(event.trackingNumber(), Tracking.of(event.trackingNumber()).apply(event),
                            Tracking::merge);
                }
            }
        }

        void checkConsistency() {
            for (Shipment shipment : shipments.values()) {
                Tracking tracked = carrierTracking(shipment);
                assertEquals(tracked, tracked.merge(hostView(shipment)), "the host folded an event the carrier lacks");
                Tracking before = lastSeen.getOrDefault(shipment.trackingNumber(), tracked);
                assertEquals(tracked, tracked.merge(before), "a tracked event disappeared");
                if (before.phase() == TrackingPhase.DELIVERED) {
                    assertEquals(TrackingPhase.DELIVERED, tracked.phase(), "a delivery was undone");
                }
                for (TrackingEvent event : tracked.events()) {
                    assertFalse(event.occurredAt().isAfter(clock.instant()), "an event lies in the future");
                }
                if (cancelled.contains(shipment.trackingNumber())) {
                    assertEquals(List.of(), tracked.events(), "a cancelled parcel moved");
                }
                lastSeen.put(shipment.trackingNumber(), tracked);
            }
        }

        static Action.Independent<Model> book() {
            Arbitrary<List<SandboxFault>> faults = Arbitraries.of(SandboxFault.lostParcel(),
                    SandboxFault.delay(Duration.ofDays(1)), SandboxFault.undeliverable(),
                    SandboxFault.duplicateNotifications(), SandboxFault.outOfOrderNotifications())
                    .list().ofMaxSize(2);
            return () -> Combinators.combine(Arbitraries.of(DESTINATIONS), Arbitraries.of(ServiceLevel.class),
                    Arbitraries.longs().between(1, 30_000), faults)
                    .as((to, service, grams, script) -> Transformer.mutate(
                            "book " + grams + " g " + service + " to " + to.city() + " " + script, model -> {
                                ShipmentRequestId id = new ShipmentRequestId("model-" + model.next++);
                                model.carrier.script(id, script.toArray(SandboxFault[]::new));
                                ShipmentRequest request = ShipmentRequest.outbound(id, service,
                                        Fixtures.HANGZHOU_WAREHOUSE, to, Fixtures.smallBox(grams), Fixtures.CNY);
                                ShipmentOutcome outcome = model.carrier.createShipment(request);
                                outcome.created().ifPresent(shipment -> {
                                    model.requests.put(id, request);
                                    model.shipments.put(shipment.trackingNumber(), shipment);
                                });
                            }));
        }

        static Action.Dependent<Model> replay() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.requests.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Arbitraries.of(new ArrayList<>(state.requests.values()))
                            .map(request -> Transformer.mutate("replay " + request.requestId(), model -> {
                                Shipment again = model.carrier.createShipment(request).created().orElseThrow();
                                assertEquals(model.shipments.get(again.trackingNumber()), again);
                            }));
                }
            };
        }

        static Action.Dependent<Model> cancel() {
            return new Action.Dependent<>() {
                @Override
                public boolean precondition(Model model) {
                    return !model.shipments.isEmpty();
                }

                @Override
                public Arbitrary<Transformer<Model>> transformer(Model state) {
                    return Arbitraries.of(new ArrayList<>(state.shipments.keySet()))
                            .map(number -> Transformer.mutate("cancel " + number, model -> {
                                TrackingPhase phase = model.carrier.track(number).orElseThrow().phase();
                                CancellationOutcome outcome = model.carrier.cancel(number);
                                boolean mayCancel = phase == TrackingPhase.AWAITING_PICKUP;
                                assertEquals(mayCancel, outcome instanceof CancellationOutcome.Cancelled,
                                        () -> "cancel in phase " + phase + " answered " + outcome);
                                if (mayCancel) {
                                    model.cancelled.add(number);
                                }
                            }));
                }
            };
        }

        static Action.Independent<Model> tick() {
            return () -> Arbitraries.longs().between(1, 48 * 60)
                    .map(minutes -> Transformer.mutate("tick " + minutes + " min",
                            model -> model.clock.advance(Duration.ofMinutes(minutes))));
        }

        static Action.Independent<Model> drainAction() {
            return () -> Arbitraries.just(Transformer.mutate("drain notifications", Model::drain));
        }
    }
}
