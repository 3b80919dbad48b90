package dev.mercato.logistics.contract;

/**
 * A network failure the carrier kit asks the subclass to arrange for the next call that goes
 * to the carrier ({@link CarrierContract#failNextCall}). Each one must surface as a
 * {@link dev.mercato.logistics.CarrierUnavailableException}: never as an unquotable route, a
 * refusal or an unknown tracking number, which would be wrong answers rather than no answer.
 */
public enum NetworkFailure {
    /** The carrier could not be reached: nothing happened. */
    CONNECTION_REFUSED,
    /** The carrier answered with a server error (HTTP 5xx) before doing anything. */
    SERVER_ERROR,
    /** The answer was lost after the carrier acted: a shipment being created is booked. */
    TIMEOUT_AFTER_BOOKING
}
