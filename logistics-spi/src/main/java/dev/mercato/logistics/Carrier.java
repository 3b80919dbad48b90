package dev.mercato.logistics;

import java.util.List;
import java.util.Optional;

/**
 * A shipping carrier, as Mercato sees it: quotes rates with delivery promises, books, cancels
 * and tracks parcels, and reads the carrier's pushed tracking notifications.
 *
 * <p><b>What every implementation guarantees</b> (checked by the conformance kit,
 * {@code dev.mercato.logistics.contract.CarrierContract} in this module's test-jar):
 * <ul>
 *   <li><b>Thread-safety:</b> every method may be called concurrently.</li>
 *   <li><b>No nulls:</b> no method returns {@code null}; absence is an empty {@code Optional}
 *       or an empty list.</li>
 *   <li><b>Outcomes are values:</b> a route not served, a refused cancellation or a forged
 *       notification is a returned outcome with a reason. Exceptions mean a caller bug
 *       ({@link InvalidLogisticsInputException}, {@link ConflictingShipmentRequestException})
 *       or an unreachable carrier ({@link CarrierUnavailableException}, outcome unknown).</li>
 *   <li><b>Deterministic quotes:</b> {@link #quote} is a function of its request; the same
 *       request gives an equal outcome, all amounts in the requested currency.</li>
 *   <li><b>Monotone prices:</b> on the same route with the same service and box, a heavier
 *       parcel never costs less.</li>
 *   <li><b>Idempotent creation:</b> {@link #createShipment} replayed with an equal request
 *       returns the first shipment; the same request id with other content throws
 *       {@link ConflictingShipmentRequestException} and changes nothing.</li>
 *   <li><b>Stable events:</b> a tracking event keeps its id and content in every query and
 *       notification, so that {@link Tracking} can fold duplicates and late arrivals.</li>
 *   <li><b>Authentic notifications only:</b> {@link #verify} accepts a notification only if
 *       it proves it came from the carrier (for example an HMAC over the body); any change
 *       to the body is rejected.</li>
 *   <li><b>Clean refusals:</b> cancelling a delivered shipment is refused with
 *       {@link CancellationRefusal#ALREADY_DELIVERED} and changes nothing.</li>
 *   <li><b>Injected time:</b> an implementation reads time only from a
 *       {@link java.time.Clock} or {@link java.time.InstantSource} given to it.</li>
 * </ul>
 */
public interface Carrier {

    /**
     * The carrier's stable id.
     *
     * @return the id, never {@code null}
     */
    CarrierId id();

    /**
     * What the carrier offers.
     *
     * @return the capabilities, never {@code null}; constant for the carrier's lifetime
     */
    CarrierCapabilities capabilities();

    /**
     * Prices one parcel on a route, for every service the carrier offers there, with the
     * delivery promise each service makes for an order placed at {@code request.orderedAt()}.
     *
     * @param request the parcel, route, currency and order instant, never {@code null}
     * @return the quotes, or the reason there are none; never {@code null}
     * @throws InvalidLogisticsInputException if {@code request} is {@code null}
     * @throws CarrierUnavailableException if the carrier could not be reached
     */
    QuoteOutcome quote(QuoteRequest request);

    /**
     * Books a parcel: the carrier assigns a tracking number and a label, at the price and
     * with the promise it quotes for the request at the carrier's current time.
     *
     * @param request the shipment, with the caller's idempotency key, never {@code null}
     * @return the shipment created (or created earlier under the same key), or a refusal
     * @throws ConflictingShipmentRequestException if the key was used for other content
     * @throws CarrierUnavailableException if the carrier could not be reached (outcome
     *     unknown: retry with the same key)
     */
    ShipmentOutcome createShipment(ShipmentRequest request);

    /**
     * Cancels a shipment the carrier has not collected yet. Idempotent.
     *
     * @param trackingNumber the shipment, never {@code null}
     * @return the cancellation, or the reason it is refused
     * @throws CarrierUnavailableException if the carrier could not be reached
     */
    CancellationOutcome cancel(TrackingNumber trackingNumber);

    /**
     * Everything the carrier reports about a parcel so far.
     *
     * @param trackingNumber the parcel, never {@code null}
     * @return its tracking, or empty when the carrier does not know the number
     * @throws CarrierUnavailableException if the carrier could not be reached
     */
    Optional<Tracking> track(TrackingNumber trackingNumber);

    /**
     * Checks that a pushed notification comes from the carrier, then parses its events.
     * Performs no I/O beyond what verification needs and changes no state.
     *
     * @param notification the notification as received, never {@code null}
     * @return its events, or why it is rejected; never {@code null}
     */
    NotificationVerdict verify(TrackingNotification notification);

    /**
     * Pickup points near an address, nearest first.
     *
     * @param near the address to search around, never {@code null}
     * @return the points; empty when there are none or the carrier does not support
     *     {@link CarrierFeature#PICKUP_POINTS}
     */
    List<PickupPoint> pickupPoints(Address near);
}
