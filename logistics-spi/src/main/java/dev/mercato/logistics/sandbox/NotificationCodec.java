package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.PickupPointId;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingEventId;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Writes, signs, verifies and reads the sandbox's notification format. Thread-safe. */
final class NotificationCodec {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1=";
    private static final int FIELDS = 6;

    /** Initialized once and never used directly: each call works on a clone, as Mac is not thread-safe. */
    private final Mac prototype;

    NotificationCodec(String secret) {
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, so this is a broken runtime.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    TrackingNotification sign(String body) {
        return new TrackingNotification(body,
                Map.of(SandboxCarrier.SIGNATURE_HEADER, VERSION + HexFormat.of().formatHex(mac(body))));
    }

    TrackingNotification notificationOf(List<TrackingEvent> events) {
        StringBuilder body = new StringBuilder();
        for (TrackingEvent event : events) {
            body.append(line(event)).append('\n');
        }
        return sign(body.toString());
    }

    NotificationVerdict verify(TrackingNotification notification) {
        Optional<String> header = notification.header(SandboxCarrier.SIGNATURE_HEADER);
        if (header.isEmpty()) {
            return new NotificationVerdict.Rejected(NotificationRejection.MISSING_SIGNATURE,
                    "no " + SandboxCarrier.SIGNATURE_HEADER + " header");
        }
        byte[] given;
        try {
            if (!header.get().startsWith(VERSION)) {
                throw new IllegalArgumentException("unknown signature version");
            }
            given = HexFormat.of().parseHex(header.get().substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            return new NotificationVerdict.Rejected(NotificationRejection.BAD_SIGNATURE,
                    "signature header is not v1=<hex>");
        }
        // Constant-time comparison, so that timing reveals nothing about the expected MAC.
        if (!MessageDigest.isEqual(given, mac(notification.body()))) {
            return new NotificationVerdict.Rejected(NotificationRejection.BAD_SIGNATURE,
                    "signature does not match the body");
        }
        try {
            return new NotificationVerdict.Accepted(parse(notification.body()));
        } catch (InvalidLogisticsInputException | IllegalArgumentException | DateTimeParseException e) {
            return new NotificationVerdict.Rejected(NotificationRejection.MALFORMED, e.getMessage());
        }
    }

    private byte[] mac(String body) {
        try {
            return ((Mac) prototype.clone()).doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            // The JDK's HmacSHA256 is cloneable; a provider whose Mac is not is a broken runtime.
            throw new IllegalStateException("HmacSHA256 implementation cannot be cloned", e);
        }
    }

    private static String line(TrackingEvent event) {
        String detail = "";
        if (event instanceof TrackingEvent.Delivered delivered) {
            detail = delivered.pickupPoint().map(PickupPointId::value).orElse("");
        } else if (event instanceof TrackingEvent.ExceptionReported exception) {
            detail = exception.reason();
        }
        return String.join("|", encode(event.eventId().value()), encode(event.trackingNumber().value()),
                event.phase().name(), event.occurredAt().toString(), encode(event.location().orElse("")),
                encode(detail));
    }

    private static List<TrackingEvent> parse(String body) {
        List<TrackingEvent> events = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            if (f.length != FIELDS) {
                throw new IllegalArgumentException("expected " + FIELDS + " fields per line, got " + f.length);
            }
            TrackingEventId id = new TrackingEventId(decode(f[0]));
            TrackingNumber tn = new TrackingNumber(decode(f[1]));
            TrackingPhase phase = TrackingPhase.valueOf(f[2]);
            Instant at = Instant.parse(f[3]);
            Optional<String> location = Optional.of(decode(f[4])).filter(s -> !s.isEmpty());
            String detail = decode(f[5]);
            events.add(switch (phase) {
                case PICKED_UP -> new TrackingEvent.PickedUp(id, tn, at, location);
                case IN_TRANSIT -> new TrackingEvent.InTransit(id, tn, at, location);
                case OUT_FOR_DELIVERY -> new TrackingEvent.OutForDelivery(id, tn, at, location);
                case DELIVERED -> new TrackingEvent.Delivered(id, tn, at, location,
                        detail.isEmpty() ? Optional.empty() : Optional.of(new PickupPointId(detail)));
                case EXCEPTION -> new TrackingEvent.ExceptionReported(id, tn, at, location, detail);
                case RETURNED -> new TrackingEvent.Returned(id, tn, at, location);
                case AWAITING_PICKUP -> throw new IllegalArgumentException("AWAITING_PICKUP is not an event");
            });
        }
        return events;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
