package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingEventId;
import dev.mercato.logistics.TrackingNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans a shipment's tracking events when it is created; the clock then reveals them. */
final class Journey {
    private static final Duration EARLIEST_DELIVERY_AFTER_CREATION = Duration.ofHours(4);
    private static final LocalTime USUAL_DELIVERY_TIME = LocalTime.NOON;

    private Journey() {}

    static List<TrackingEvent> plan(Shipment shipment, Address origin, Address destination,
            List<SandboxFault> faults) {
        Instant created = shipment.createdAt();
        Instant deliveryAt = plannedDelivery(created, shipment.promise());
        Duration span = Duration.between(created, deliveryAt);
        Duration delay = faults.stream().filter(SandboxFault.Delay.class::isInstance)
                .map(f -> ((SandboxFault.Delay) f).by()).reduce(Duration.ZERO, Duration::plus);
        boolean lost = faults.stream().anyMatch(SandboxFault.LostParcel.class::isInstance);
        boolean undeliverable = faults.stream().anyMatch(SandboxFault.Undeliverable.class::isInstance);

        Instant pickedUp = created.plus(span.dividedBy(6));
        Instant departed = created.plus(span.multipliedBy(2).dividedBy(6)).plus(delay);
        Instant arrived = created.plus(span.multipliedBy(4).dividedBy(6)).plus(delay);
        Instant outForDelivery = created.plus(span.multipliedBy(5).dividedBy(6)).plus(delay);
        Instant delivered = deliveryAt.plus(delay);

        Events events = new Events(shipment.trackingNumber());
        Optional<String> from = Optional.of(origin.city());
        Optional<String> to = Optional.of(destination.city());
        events.add(n -> new TrackingEvent.PickedUp(n.id(), n.tn(), pickedUp, from));
        events.add(n -> new TrackingEvent.InTransit(n.id(), n.tn(), departed, from));
        if (lost) {
            events.add(n -> new TrackingEvent.ExceptionReported(n.id(), n.tn(), delivered.plus(Duration.ofDays(1)),
                    Optional.empty(), "parcel lost in transit"));
            return events.list;
        }
        events.add(n -> new TrackingEvent.InTransit(n.id(), n.tn(), arrived, to));
        events.add(n -> new TrackingEvent.OutForDelivery(n.id(), n.tn(), outForDelivery, to));
        if (undeliverable) {
            events.add(n -> new TrackingEvent.ExceptionReported(n.id(), n.tn(), delivered, to,
                    "delivery failed: recipient not reachable"));
            events.add(n -> new TrackingEvent.Returned(n.id(), n.tn(), delivered.plus(Duration.ofDays(2)), from));
            return events.list;
        }
        events.add(n -> new TrackingEvent.Delivered(n.id(), n.tn(), delivered, to, shipment.pickupPoint()));
        return events.list;
    }

    /**
     * Noon of the earliest promised day, but not sooner than four hours after creation and
     * never after the deadline, so that a fault-free journey always keeps its promise.
     */
    static Instant plannedDelivery(Instant created, DeliveryPromise promise) {
        Instant target = promise.earliest().atTime(USUAL_DELIVERY_TIME).atZone(promise.zone()).toInstant();
        Instant soonest = created.plus(EARLIEST_DELIVERY_AFTER_CREATION);
        Instant latest = promise.deadline().minus(Duration.ofMinutes(1));
        Instant planned = target.isBefore(soonest) ? soonest : target;
        if (planned.isAfter(latest)) {
            planned = latest;
        }
        // A promise that leaves no time at all is broken rather than answered with a past event.
        return planned.isAfter(created.plus(Duration.ofMinutes(6))) ? planned : soonest;
    }

    private record Names(TrackingEventId id, TrackingNumber tn) {}

    private interface EventFactory {
        TrackingEvent create(Names names);
    }

    private static final class Events {
        private final TrackingNumber trackingNumber;
        private final List<TrackingEvent> list = new ArrayList<>();

        Events(TrackingNumber trackingNumber) {
            this.trackingNumber = trackingNumber;
        }

        void add(EventFactory factory) {
            TrackingEventId id = new TrackingEventId(trackingNumber.value() + "-" + (list.size() + 1));
            list.add(factory.create(new Names(id, trackingNumber)));
        }
    }
}
