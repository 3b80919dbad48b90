package dev.mercato.payments;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook call received from a provider, exactly as it arrived: the HTTP headers and the
 * raw body. The host application's HTTP layer builds it and hands it to
 * {@link PaymentProvider#parseNotification}; nothing in it is trusted until verified.
 *
 * <p>Immutable. Header names are case-insensitive (one value per name: the host joins repeated
 * headers as the provider documents).
 *
 * @param headers the HTTP headers, never {@code null}
 * @param body the raw request body decoded as UTF-8, never {@code null}
 */
public record Notification(Map<String, String> headers, String body) {

    /**
     * Copies the headers into a case-insensitive map.
     *
     * @throws NullPointerException if the headers, a name or a value, or the body is {@code null}
     */
    public Notification {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Objects.requireNonNull(headers, "headers").forEach((name, value) ->
                copy.put(Objects.requireNonNull(name, "header name"), Objects.requireNonNull(value, "header value")));
        headers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(body, "body");
    }

    /**
     * One header's value.
     *
     * @param name the header name, any case, never {@code null}
     * @return the value, or empty if absent
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(Objects.requireNonNull(name, "name")));
    }
}
