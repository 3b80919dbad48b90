package dev.mercato.logistics.contract;

import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.PickupPointId;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingEventId;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Reusable jqwik generators for logistics values, shipped in the test-jar so that carrier
 * plug-ins and hosts can property-test their own code against realistic parcels and
 * tracking histories.
 */
public final class LogisticsArbitraries {
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> PLACES = List.of("Hangzhou", "Shanghai", "Beijing", "Ningbo");

    private LogisticsArbitraries() {}

    /**
     * Parcels from 1 g to {@code maxGrams}, each side 1 to {@code maxSideMm}.
     *
     * @param maxGrams the heaviest weight, positive
     * @param maxSideMm the longest side, positive
     * @return the generator
     */
    public static Arbitrary<Parcel> parcels(long maxGrams, long maxSideMm) {
        Arbitrary<Long> side = Arbitraries.longs().between(1, maxSideMm);
        return Combinators.combine(Arbitraries.longs().between(1, maxGrams).edgeCases(e -> e.add(1000L, 1001L, 2000L)),
                side, side, side).as(Parcel::new);
    }

    /**
     * One tracking event of any kind for a parcel, with an id drawn from a small pool (so
     * that lists of them contain duplicates) and an instant within a few days.
     *
     * <p>Events with the same id always have the same content, as carriers guarantee.
     *
     * @param trackingNumber the parcel
     * @return the generator
     */
    public static Arbitrary<TrackingEvent> trackingEvents(TrackingNumber trackingNumber) {
        return Arbitraries.integers().between(0, 40).map(seed -> eventFor(trackingNumber, seed));
    }

    /**
     * Histories of up to {@code maxSize} events for a parcel, possibly with duplicates and
     * in any order.
     *
     * @param trackingNumber the parcel
     * @param maxSize the longest history
     * @return the generator
     */
    public static Arbitrary<List<TrackingEvent>> eventHistories(TrackingNumber trackingNumber, int maxSize) {
        return trackingEvents(trackingNumber).list().ofMaxSize(maxSize);
    }

    /**
     * The event a seed stands for: a pure function, so that equal ids have equal content.
     *
     * @param trackingNumber the parcel
     * @param seed any non-negative number
     * @return the event
     */
    public static TrackingEvent eventFor(TrackingNumber trackingNumber, int seed) {
        TrackingEventId id = new TrackingEventId(trackingNumber.value() + "-" + seed);
        // Few distinct instants and phases, so that events tying on both are common and the
        // last tie-break (the id) is exercised.
        Instant at = EPOCH.plus(Duration.ofHours(seed % 4));
        Optional<String> place = seed % 5 == 0 ? Optional.empty() : Optional.of(PLACES.get(seed % PLACES.size()));
        TrackingPhase phase = TrackingPhase.values()[1 + (seed / 4) % (TrackingPhase.values().length - 1)];
        List<TrackingEvent> one = new ArrayList<>(1);
        switch (phase) {
            case PICKED_UP -> one.add(new TrackingEvent.PickedUp(id, trackingNumber, at, place));
            case IN_TRANSIT -> one.add(new TrackingEvent.InTransit(id, trackingNumber, at, place));
            case OUT_FOR_DELIVERY -> one.add(new TrackingEvent.OutForDelivery(id, trackingNumber, at, place));
            case EXCEPTION -> one.add(new TrackingEvent.ExceptionReported(id, trackingNumber, at, place, "seed " + seed));
            case DELIVERED -> one.add(new TrackingEvent.Delivered(id, trackingNumber, at, place,
                    seed % 2 == 0 ? Optional.empty() : Optional.of(new PickupPointId("P" + seed))));
            case RETURNED -> one.add(new TrackingEvent.Returned(id, trackingNumber, at, place));
            default -> throw new IllegalStateException("not an event phase: " + phase);
        }
        return one.get(0);
    }
}
