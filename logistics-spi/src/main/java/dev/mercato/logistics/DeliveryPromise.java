package dev.mercato.logistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a carrier promises to deliver: on a day between {@code earliest} and {@code latest}
 * (both inclusive, local dates in {@code zone}), and, when {@code deliverBy} is present, by
 * that time of day on the latest date.
 *
 * <p>Immutable and thread-safe. A carrier guarantees that a promise it makes for an order
 * placed at instant {@code t} never starts before the local date of {@code t}.
 *
 * @param earliest the first day the parcel may arrive, never {@code null}
 * @param latest the last day the parcel may arrive, not before {@code earliest}
 * @param deliverBy the time of day on {@code latest} by which it arrives; empty for "during
 *     the day"; never {@code null}
 * @param zone the time zone of the dates, never {@code null}
 */
public record DeliveryPromise(LocalDate earliest, LocalDate latest, Optional<LocalTime> deliverBy, ZoneId zone) {

    /**
     * Validates the promise.
     *
     * @throws InvalidLogisticsInputException if a component is {@code null} or {@code latest}
     *     is before {@code earliest}
     */
    public DeliveryPromise {
        InvalidLogisticsInputException.requireNonNull(earliest, "earliest");
        InvalidLogisticsInputException.requireNonNull(latest, "latest");
        InvalidLogisticsInputException.requireNonNull(deliverBy, "deliverBy");
        InvalidLogisticsInputException.requireNonNull(zone, "zone");
        if (latest.isBefore(earliest)) {
            throw new InvalidLogisticsInputException("latest", latest, "must not be before earliest " + earliest);
        }
    }

    /**
     * A promise for one day, by a time of day.
     *
     * @param day the delivery day
     * @param by the time of day by which the parcel arrives
     * @param zone the time zone of {@code day} and {@code by}
     * @return the promise
     */
    public static DeliveryPromise onDayBy(LocalDate day, LocalTime by, ZoneId zone) {
        return new DeliveryPromise(day, day, Optional.of(by), zone);
    }

    /**
     * A promise with an instant deadline, to the minute or finer: delivered within {@code window}
     * of {@code from} (for an on-demand courier, "within 30 minutes of dispatch"). The promise runs
     * from the local date of {@code from} to the local date and time of the deadline, so that
     * {@link #deadline()} is exactly {@code from + window}; in the hour a clock is set back (a
     * daylight-saving overlap) the zone is the deadline's fixed offset, which keeps it exact.
     *
     * @param from when the window opens (an order, a payment or a dispatch), never {@code null}
     * @param window how long the carrier has, positive
     * @param zone the time zone the promise is shown in, never {@code null}
     * @return the promise, whose {@link #deadline()} is {@code from.plus(window)}
     * @throws InvalidLogisticsInputException if an argument is {@code null} or the window is not
     *     positive
     */
    public static DeliveryPromise within(Instant from, java.time.Duration window, ZoneId zone) {
        InvalidLogisticsInputException.requireNonNull(from, "from");
        InvalidLogisticsInputException.requireNonNull(window, "window");
        InvalidLogisticsInputException.requireNonNull(zone, "zone");
        if (window.isZero() || window.isNegative()) {
            throw new InvalidLogisticsInputException("window", window, "must be positive");
        }
        Instant deadline = from.plus(window);
        DeliveryPromise promise = promiseUntil(from, deadline, zone);
        // A local time inside a daylight-saving overlap reads back at the earlier offset: pin the
        // offset of the deadline itself so that the deadline stays exact.
        return promise.deadline().equals(deadline) ? promise
                : promiseUntil(from, deadline, deadline.atZone(zone).getOffset());
    }

    private static DeliveryPromise promiseUntil(Instant from, Instant deadline, ZoneId zone) {
        java.time.ZonedDateTime by = deadline.atZone(zone);
        return new DeliveryPromise(from.atZone(zone).toLocalDate(), by.toLocalDate(), Optional.of(by.toLocalTime()),
                zone);
    }

    /**
     * A promise for a range of days, during the day.
     *
     * @param earliest the first possible day
     * @param latest the last possible day
     * @param zone the time zone of the dates
     * @return the promise
     */
    public static DeliveryPromise between(LocalDate earliest, LocalDate latest, ZoneId zone) {
        return new DeliveryPromise(earliest, latest, Optional.empty(), zone);
    }

    /**
     * The instant after which the promise is broken: {@code latest} at {@code deliverBy}, or
     * the end of {@code latest} when no time is promised.
     *
     * @return the deadline, never {@code null}
     */
    public Instant deadline() {
        return deliverBy.map(time -> latest.atTime(time).atZone(zone).toInstant())
                .orElseGet(() -> latest.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /**
     * Whether a parcel delivered at {@code deliveredAt} kept this promise (early deliveries
     * count as kept).
     *
     * @param deliveredAt the delivery instant, never {@code null}
     * @return {@code true} when delivered no later than {@link #deadline()}
     */
    public boolean keptBy(Instant deliveredAt) {
        return !deliveredAt.isAfter(deadline());
    }
}
