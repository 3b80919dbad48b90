package dev.mercato.logistics.sandbox;

import static dev.mercato.logistics.sandbox.Fixtures.BEIJING;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_BUYER;
import static dev.mercato.logistics.sandbox.Fixtures.HANGZHOU_WAREHOUSE;
import static dev.mercato.logistics.sandbox.Fixtures.at;
import static dev.mercato.logistics.sandbox.Fixtures.quote;
import static dev.mercato.logistics.sandbox.Fixtures.request;
import static dev.mercato.logistics.sandbox.Fixtures.smallBox;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mercato.logistics.DeliveryPromise;
import dev.mercato.logistics.ServiceLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxPromiseExamples {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private final SandboxCarrier carrier = Fixtures.carrier(Fixtures.clock());

    private DeliveryPromise promise(ServiceLevel service, Instant orderedAt) {
        return quote(carrier, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(800), orderedAt), service).promise();
    }

    @Test
    void sameDayOrderedOneMinuteBeforeTheCutoffArrivesTonight() {
        DeliveryPromise promise = promise(ServiceLevel.SAME_DAY, at(2026, 3, 2, 10, 59));
        assertEquals(MONDAY, promise.earliest());
        assertEquals(MONDAY, promise.latest());
        assertEquals(Optional.of(LocalTime.of(23, 0)), promise.deliverBy());
    }

    @Test
    void sameDayOrderedOneSecondBeforeTheCutoffStillArrivesTonight() {
        Instant lastSecond = at(2026, 3, 2, 11, 0).minusSeconds(1);
        assertEquals(DeliveryPromise.onDayBy(MONDAY, LocalTime.of(23, 0), Fixtures.SHANGHAI),
                promise(ServiceLevel.SAME_DAY, lastSecond));
    }

    @Test
    void sameDayOrderedAtTheCutoffArrivesTomorrowAfternoon() {
        assertEquals(DeliveryPromise.onDayBy(MONDAY.plusDays(1), LocalTime.of(15, 0), Fixtures.SHANGHAI),
                promise(ServiceLevel.SAME_DAY, at(2026, 3, 2, 11, 0)));
    }

    @Test
    void sameDayOrderedJustAfterTheCutoffArrivesTomorrowAfternoon() {
        assertEquals(DeliveryPromise.onDayBy(MONDAY.plusDays(1), LocalTime.of(15, 0), Fixtures.SHANGHAI),
                promise(ServiceLevel.SAME_DAY, at(2026, 3, 2, 11, 1)));
    }

    @Test
    void sameDayOrderedJustAfterMidnightArrivesTheSameDay() {
        assertEquals(DeliveryPromise.onDayBy(MONDAY, LocalTime.of(23, 0), Fixtures.SHANGHAI),
                promise(ServiceLevel.SAME_DAY, at(2026, 3, 2, 0, 1)));
    }

    @Test
    void theCutoffIsReadInTheCarriersTimeZoneNotUtc() {
        // 02:59 UTC is 10:59 in Shanghai: before the cut-off.
        assertEquals(MONDAY, promise(ServiceLevel.SAME_DAY, Instant.parse("2026-03-02T02:59:00Z")).latest());
        assertEquals(MONDAY.plusDays(1), promise(ServiceLevel.SAME_DAY, Instant.parse("2026-03-02T03:00:00Z")).latest());
    }

    @Test
    void theSameDayCutoffIsConfigurable() {
        SandboxCarrier late = SandboxCarrier.create(Fixtures.config().withSameDay(LocalTime.of(14, 0),
                LocalTime.of(22, 0), LocalTime.of(12, 0)), Fixtures.clock());
        DeliveryPromise promise = quote(late, request(HANGZHOU_WAREHOUSE, HANGZHOU_BUYER, smallBox(800),
                at(2026, 3, 2, 13, 0)), ServiceLevel.SAME_DAY).promise();
        assertEquals(DeliveryPromise.onDayBy(MONDAY, LocalTime.of(22, 0), Fixtures.SHANGHAI), promise);
    }

    @Test
    void standardDispatchedTodayWhenOrderedBeforeFourPm() {
        DeliveryPromise promise = quote(carrier, request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(800),
                at(2026, 3, 2, 15, 59)), ServiceLevel.STANDARD).promise();
        assertEquals(DeliveryPromise.between(MONDAY.plusDays(3), MONDAY.plusDays(5), Fixtures.SHANGHAI), promise);
    }

    @Test
    void standardDispatchedTomorrowWhenOrderedAtFourPm() {
        DeliveryPromise promise = quote(carrier, request(HANGZHOU_WAREHOUSE, BEIJING, smallBox(800),
                at(2026, 3, 2, 16, 0)), ServiceLevel.STANDARD).promise();
        assertEquals(DeliveryPromise.between(MONDAY.plusDays(4), MONDAY.plusDays(6), Fixtures.SHANGHAI), promise);
    }

    @Test
    void aPromiseWithoutATimeEndsAtMidnightAfterTheLatestDay() {
        DeliveryPromise promise = DeliveryPromise.between(MONDAY, MONDAY.plusDays(2), Fixtures.SHANGHAI);
        assertEquals(at(2026, 3, 5, 0, 0), promise.deadline());
    }
}
