package dev.mercato.logistics;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A tracking notification exactly as a carrier pushed it to the host (typically an HTTP
 * callback): the raw body and the headers. Untrusted until a carrier's
 * {@link Carrier#verify(TrackingNotification)} accepts it.
 *
 * <p>Header names are case-insensitive: they are stored in lower case. Immutable and
 * thread-safe.
 *
 * @param body the raw body, never {@code null}
 * @param headers the headers, names in lower case; unmodifiable, never {@code null}
 */
public record TrackingNotification(String body, Map<String, String> headers) {

    /**
     * Validates the notification and normalizes the header names.
     *
     * @throws InvalidLogisticsInputException if the body, the map or a header name or value is {@code null}
     */
    public TrackingNotification {
        InvalidLogisticsInputException.requireNonNull(body, "body");
        InvalidLogisticsInputException.requireNonNull(headers, "headers");
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((name, value) -> lower.put(
                InvalidLogisticsInputException.requireNonNull(name, "header name").toLowerCase(Locale.ROOT),
                InvalidLogisticsInputException.requireNonNull(value, "header " + name)));
        headers = Map.copyOf(lower);
    }

    /**
     * One header's value.
     *
     * @param name the header name, any case
     * @return the value, or empty when the header is absent
     */
    public Optional<String> header(String name) {
        InvalidLogisticsInputException.requireNonNull(name, "name");
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * The same headers with another body (what a tampering party would send).
     *
     * @param other the new body
     * @return a new notification
     */
    public TrackingNotification withBody(String other) {
        return new TrackingNotification(other, headers);
    }
}
