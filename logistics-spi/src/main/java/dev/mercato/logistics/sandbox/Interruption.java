package dev.mercato.logistics.sandbox;

/**
 * A network failure the sandbox carrier plays on its next call to {@code quote},
 * {@code createShipment}, {@code cancel} or {@code track} (scripted with
 * {@link SandboxCarrier#interruptNextCall}): the call throws
 * {@link dev.mercato.logistics.CarrierUnavailableException}, as a plug-in must when its HTTP
 * call fails. {@code verify} and {@code pickupPoints} need no network and are not interrupted.
 */
public enum Interruption {
    /** The carrier could not be reached: nothing happened. */
    CONNECTION_REFUSED,
    /** The carrier answered with a server error (HTTP 5xx) before doing anything. */
    SERVER_ERROR,
    /** The answer was lost after the carrier acted: a shipment being created is booked. */
    TIMEOUT_AFTER_BOOKING
}
