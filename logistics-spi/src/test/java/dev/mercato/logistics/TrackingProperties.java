package dev.mercato.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mercato.logistics.contract.LogisticsArbitraries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TrackingProperties {
    private static final TrackingNumber PARCEL = new TrackingNumber("SBX0000000001");

    @Provide
    Arbitrary<List<TrackingEvent>> histories() {
        return LogisticsArbitraries.eventHistories(PARCEL, 20);
    }

    private static Tracking fold(List<TrackingEvent> events) {
        Tracking tracking = Tracking.of(PARCEL);
        for (TrackingEvent event : events) {
            tracking = tracking.apply(event);
        }
        return tracking;
    }

    @Property
    void eventsAppliedInAnyOrderReachTheSameState(@ForAll("histories") List<TrackingEvent> events, @ForAll long seed) {
        List<TrackingEvent> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        assertEquals(fold(events), fold(shuffled));
    }

    @Property
    void eventsAppliedTwiceReachTheSameState(@ForAll("histories") List<TrackingEvent> events) {
        Tracking once = fold(events);
        List<TrackingEvent> twice = new ArrayList<>(events);
        twice.addAll(events);
        assertEquals(once, fold(twice));
        assertEquals(once, once.applyAll(events));
    }

    @Property
    void mergingIsCommutativeAndAssociative(@ForAll("histories") List<TrackingEvent> a,
            @ForAll("histories") List<TrackingEvent> b, @ForAll("histories") List<TrackingEvent> c) {
        Tracking ta = fold(a);
        Tracking tb = fold(b);
        Tracking tc = fold(c);
        assertEquals(ta.merge(tb), tb.merge(ta));
        assertEquals(ta.merge(tb).merge(tc), ta.merge(tb.merge(tc)));
    }

    @Property
    void eachEventIsKeptOnceInOccurrenceOrder(@ForAll("histories") List<TrackingEvent> events) {
        List<TrackingEvent> kept = fold(events).events();
        assertEquals(events.stream().map(TrackingEvent::eventId).distinct().count(), kept.size());
        for (int i = 1; i < kept.size(); i++) {
            assertEquals(false, kept.get(i).occurredAt().isBefore(kept.get(i - 1).occurredAt()));
        }
    }

    @Property
    void aDeliveryIsNeverUndoneByALaterScan(@ForAll("histories") List<TrackingEvent> events) {
        Tracking tracking = fold(events);
        Optional<Instant> lastTerminal = events.stream().filter(e -> e.phase().isTerminal())
                .map(TrackingEvent::occurredAt).max(Instant::compareTo);
        if (lastTerminal.isPresent()) {
            assertEquals(true, tracking.phase().isTerminal());
            assertEquals(lastTerminal.get(), tracking.current().orElseThrow().occurredAt());
        } else {
            Optional<Instant> last = events.stream().map(TrackingEvent::occurredAt).max(Instant::compareTo);
            assertEquals(last, tracking.current().map(TrackingEvent::occurredAt));
        }
    }

    @Property
    void twoEventsUnderOneIdWithDifferentContentAreRefusedInEitherOrder(@ForAll("histories") List<TrackingEvent> events) {
        TrackingEvent honest = LogisticsArbitraries.eventFor(PARCEL, 3);
        TrackingEvent forged = new TrackingEvent.Delivered(honest.eventId(), PARCEL, honest.occurredAt(),
                Optional.empty(), Optional.empty());
        Tracking known = fold(events).apply(honest);
        assertThrows(ConflictingTrackingEventException.class, () -> known.apply(forged));
        assertThrows(ConflictingTrackingEventException.class, () -> Tracking.of(PARCEL).apply(forged).apply(honest));
    }
}
