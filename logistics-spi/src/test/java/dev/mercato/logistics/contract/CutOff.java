package dev.mercato.logistics.contract;

import dev.mercato.logistics.ServiceLevel;
import java.time.LocalTime;
import java.util.Objects;

/**
 * A cut-off a carrier publishes for a service: an order placed, in the carrier's own time
 * zone (the zone of its {@link dev.mercato.logistics.DeliveryPromise}s), a minute before
 * {@code time} is promised an earlier deadline than one placed at {@code time}.
 *
 * @param service the service, never {@code null}
 * @param time the local time of the cut-off, never {@code null}
 */
public record CutOff(ServiceLevel service, LocalTime time) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public CutOff {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(time, "time");
    }
}
