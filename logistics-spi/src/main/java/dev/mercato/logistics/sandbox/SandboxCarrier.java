package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.TrackingNotification;
import java.time.InstantSource;
import java.util.List;

/**
 * A reference {@link Carrier} that runs in memory: table rates by zone and weight, delivery
 * promises from cut-off times, tracking that advances with an injected clock, scriptable
 * faults and HMAC-SHA256-signed notifications. For tests, demos and the conformance kit.
 *
 * <p><b>Rating</b> is described in {@link SandboxConfig} and {@link ServiceRate}: chargeable
 * weight = max(actual, volumetric), first weight plus every started additional step, a
 * remote-area surcharge into remote regions. Amounts are built through
 * {@link javax.money.Monetary#getDefaultAmountFactory()}, so any JSR 354 implementation will do.
 *
 * <p><b>Tracking.</b> Creating a shipment plans its journey against the promise: picked up,
 * in transit (origin), in transit (destination), out for delivery, delivered, on the
 * promise's earliest day at noon, but not sooner than four hours after creation and never
 * after the deadline (an on-demand parcel, promised within minutes, is delivered one minute
 * before its deadline; {@link SandboxFault#delay} makes it late by the delay). {@link #track} reports the events whose instant the clock has reached.
 * A shipment can be cancelled until it is picked up.
 *
 * <p><b>Notifications.</b> {@link #drainNotifications()} returns one signed notification per
 * event that happened since the previous drain. The body holds one line per event,
 * {@code eventId|trackingNumber|PHASE|occurredAt|location|detail}, each field URL-encoded;
 * header {@code X-Sandbox-Signature} holds {@code v1=} and the lower-case hex HMAC-SHA256 of
 * the UTF-8 body under the configured secret.
 *
 * <p><b>Features.</b> The sandbox declares the optional features of its configuration
 * ({@link SandboxConfig#features()}, all by default); without one it answers as a carrier
 * lacking it must: a refusal with {@code NOT_SUPPORTED}, an empty list, no notifications.
 *
 * <p>Thread-safe: every method may be called concurrently.
 */
public interface SandboxCarrier extends Carrier {

    /** The notification header that carries the signature. */
    String SIGNATURE_HEADER = "X-Sandbox-Signature";

    /**
     * Creates a sandbox carrier.
     *
     * @param config its configuration, never {@code null}
     * @param clock the only source of time it reads (a {@link java.time.Clock} will do), never {@code null}
     * @return a new, empty carrier
     */
    static SandboxCarrier create(SandboxConfig config, InstantSource clock) {
        InvalidLogisticsInputException.requireNonNull(config, "config");
        InvalidLogisticsInputException.requireNonNull(clock, "clock");
        return new DefaultSandboxCarrier(config, clock);
    }

    /**
     * Scripts faults for the shipment that will be created under a request id. Faults are
     * read when the shipment is created; scripting again before that replaces them.
     *
     * @param requestId the caller's key of the future shipment, never {@code null}
     * @param faults the faults to play, none to clear the script
     * @throws InvalidLogisticsInputException if a shipment already exists under the id
     */
    void script(ShipmentRequestId requestId, SandboxFault... faults);

    /**
     * Scripts faults for the next shipment this carrier creates, whatever its request id: for a
     * caller that does not build the request ids itself (a facade books its parcels under ids of
     * its own). A fault scripted by {@link #script} for that request id wins; scripting again
     * before the next creation replaces these; a refused request does not use them up.
     *
     * @param faults the faults to play, none to clear the script
     */
    void scriptNext(SandboxFault... faults);

    /**
     * Makes the next network call ({@code quote}, {@code createShipment}, {@code cancel} or
     * {@code track}) fail with {@link dev.mercato.logistics.CarrierUnavailableException}, as
     * an unreachable carrier does. Interruptions queue: each one fails one call.
     *
     * @param interruption how the call fails, never {@code null}
     */
    void interruptNextCall(Interruption interruption);

    /**
     * The notifications of every event that happened since the previous drain, oldest
     * shipment first; duplicated or swapped where a fault says so.
     *
     * @return the signed notifications, possibly empty; always empty without
     *     {@link dev.mercato.logistics.CarrierFeature#TRACKING_NOTIFICATIONS}
     */
    List<TrackingNotification> drainNotifications();

    /**
     * Signs a body as the sandbox would, for building test notifications.
     *
     * @param body the body, never {@code null}
     * @return a notification with the body and its signature header
     */
    TrackingNotification sign(String body);
}
