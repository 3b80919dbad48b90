package dev.mercato.logistics.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.CancellationRefusal;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.CarrierFeature;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ConflictingShipmentRequestException;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.Parcel;
import dev.mercato.logistics.PickupPointId;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteLine;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ServiceLevel;
import dev.mercato.logistics.Shipment;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRefusal;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.ShipmentRequestId;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingEvent;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.TrackingPhase;
import dev.mercato.logistics.UnquotableReason;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The conformance kit for {@link Carrier} plug-ins. Extend it in your plug-in's tests, name
 * the subclass {@code *ContractTest}, and implement the factory methods; every check then
 * runs against your carrier. Checks that need an optional {@link CarrierFeature} are skipped
 * (not failed) when the carrier does not declare it, and checks of the refusal a carrier
 * gives without a feature are skipped when it declares it.
 *
 * <p>What it checks: quotes are deterministic, in the requested currency, only for declared
 * services, with promises that do not start before the order date; a heavier parcel never
 * costs less on the same route and service; shipment creation is idempotent by request id,
 * also under concurrent retries, and a reused id with other content is rejected without
 * effect; tracking events, applied twice or in any order, fold to the state the carrier
 * reports; a genuine notification is accepted and agrees with tracking, a tampered or
 * unsigned one is rejected; cancelling a delivered shipment is refused and changes nothing;
 * cancellation before pickup is idempotent, after pickup it is refused and the parcel still
 * arrives; returns need a delivered original. Quotes hold at many order instants (across
 * days and weeks, around the published {@link #cutOffs()} in the carrier's own time zone): a
 * promise never starts before the local order date, a later order is never promised
 * earlier, and the answer depends on the order instant, never on the carrier's clock (so a
 * surcharge for certain dates follows the order date). Unsupported currencies are refused,
 * never converted; supported ones are exact in their minor unit. A bigger box never costs
 * less, and at least the {@link #volumetricDivisor()} weight is charged. {@code verify} is
 * stateless. Network failures injected with {@link #failNextCall} surface as
 * {@link CarrierUnavailableException}, never as a refusal or an unknown number, and a retried
 * booking books once.
 *
 * <p>Time: the kit owns a {@link ManualClock} (starting at {@link #start()}) and hands it to
 * {@link #newCarrier(Clock)}. To see a parcel delivered it calls
 * {@link #advanceUntilDelivered}, which by default moves the clock forward in steps of an
 * hour until {@link Carrier#track} says delivered (at most {@link #deliveryHorizon()}). A
 * carrier whose sandbox does not follow the injected clock overrides that method, e.g. to
 * call the carrier's test endpoint that simulates delivery.
 *
 * @param <C> the carrier type, so that the hooks can use its test-only methods
 */
public abstract class CarrierContract<C extends Carrier> {
    private static final Duration STEP = Duration.ofHours(1);

    private ManualClock clock;
    private C carrier;
    private ExecutorService pool;

    /**
     * Creates the carrier under test; called before every test with a fresh clock. Each
     * call returns a carrier with no shipments.
     *
     * @param clock the only time source the carrier may read
     * @return the carrier, never {@code null}
     */
    protected abstract C newCarrier(Clock clock);

    /**
     * An origin the carrier collects from.
     *
     * @return the address, never {@code null}
     */
    protected abstract Address origin();

    /**
     * A destination the carrier serves from {@link #origin()} with at least one service.
     *
     * @return the address, never {@code null}
     */
    protected abstract Address destination();

    /**
     * A currency the carrier quotes in.
     *
     * @return the currency, never {@code null}
     */
    protected abstract CurrencyUnit currency();

    /**
     * A notification exactly as the carrier would push it about a shipment. Called after
     * the kit saw the shipment delivered, so the carrier has something to report.
     *
     * @param carrier the carrier under test
     * @param shipment a delivered shipment
     * @return a notification listing at least one event of the shipment, signed as the carrier signs
     */
    protected abstract TrackingNotification genuineNotification(C carrier, Shipment shipment);

    /**
     * The instant the kit's clock starts at. Default: Monday 2026-03-02, 02:00 UTC.
     *
     * @return the start instant
     */
    protected Instant start() {
        return Instant.parse("2026-03-02T02:00:00Z");
    }

    /**
     * A parcel the carrier accepts on the route, from which the kit derives heavier and
     * lighter ones with the same box. Default: 1.5 kg in a 300 x 200 x 100 mm box.
     *
     * @return the parcel
     */
    protected Parcel parcel() {
        return new Parcel(1500, 300, 200, 100);
    }

    /**
     * A tracking number the carrier has never issued.
     *
     * @return the tracking number
     */
    protected TrackingNumber unknownTrackingNumber() {
        return new TrackingNumber("NEVER-ISSUED-0");
    }

    /**
     * How long the kit waits for a fault-free parcel to be delivered. Default: 60 days.
     *
     * @return the horizon
     */
    protected Duration deliveryHorizon() {
        return Duration.ofDays(60);
    }

    /**
     * The currencies the carrier quotes in; every other currency must be refused with
     * {@code CURRENCY_NOT_SUPPORTED}, never converted. Default: {@link #currency()} only.
     *
     * @return the currencies, including {@link #currency()}
     */
    protected Set<CurrencyUnit> supportedCurrencies() {
        return Set.of(currency());
    }

    /**
     * The cut-offs the carrier publishes, in its own time zone. Default: none (the cut-off
     * checks are skipped).
     *
     * @return the cut-offs
     */
    protected List<CutOff> cutOffs() {
        return List.of();
    }

    /**
     * The carrier's volumetric divisor in cm<sup>3</sup> per kg (e.g. 6000), or empty if it
     * charges actual weight only. With a divisor, the kit checks that the chargeable weight is
     * never below length x width x height / divisor. Default: empty.
     *
     * @return the divisor, or empty
     */
    protected OptionalLong volumetricDivisor() {
        return OptionalLong.empty();
    }

    /**
     * The order instants at which quotes are checked. Default: every 90 minutes for eight
     * days from {@link #start()}, then weekly for six weeks.
     *
     * @return the instants
     */
    protected List<Instant> orderInstants() {
        List<Instant> instants = new ArrayList<>();
        for (Instant t = start(); t.isBefore(start().plus(Duration.ofDays(8))); t = t.plus(Duration.ofMinutes(90))) {
            instants.add(t);
        }
        for (int week = 2; week <= 7; week++) {
            instants.add(start().plus(Duration.ofDays(7L * week)));
        }
        return instants;
    }

    /**
     * Arranges that the next call to the carrier fails at the network level, e.g. through a
     * stub HTTP client. Return {@code false} for a failure you cannot arrange; the checks that
     * need it are skipped.
     *
     * @param carrier the carrier under test
     * @param failure the failure to arrange
     * @return whether the failure is armed
     */
    protected boolean failNextCall(C carrier, NetworkFailure failure) {
        return false;
    }

    /**
     * Brings a shipment to the point where the carrier has collected it, not yet delivered.
     * The default moves the kit's clock forward an hour at a time until tracking leaves
     * {@code AWAITING_PICKUP}.
     *
     * @param carrier the carrier under test
     * @param shipment the shipment
     */
    protected void advanceUntilPickedUp(C carrier, Shipment shipment) {
        Instant giveUp = clock.instant().plus(deliveryHorizon());
        while (tracking(shipment).phase() == TrackingPhase.AWAITING_PICKUP) {
            if (clock.instant().isAfter(giveUp)) {
                fail("shipment " + shipment.trackingNumber() + " not picked up within " + deliveryHorizon());
            }
            clock.advance(STEP);
        }
    }

    /**
     * Brings a shipment to delivery. The default moves the kit's clock forward, an hour at a
     * time, until the carrier tracks the shipment as delivered, and fails after
     * {@link #deliveryHorizon()}.
     *
     * @param carrier the carrier under test
     * @param shipment the shipment to deliver
     */
    protected void advanceUntilDelivered(C carrier, Shipment shipment) {
        Instant giveUp = clock.instant().plus(deliveryHorizon());
        while (!tracking(shipment).isDelivered()) {
            if (clock.instant().isAfter(giveUp)) {
                fail("shipment " + shipment.trackingNumber() + " not delivered within " + deliveryHorizon()
                        + "; last tracking: " + tracking(shipment));
            }
            clock.advance(STEP);
        }
    }

    /**
     * The kit's clock, shared with the carrier under test.
     *
     * @return the clock
     */
    protected final ManualClock clock() {
        return clock;
    }

    /**
     * The carrier under test of the running check.
     *
     * @return the carrier
     */
    protected final C carrier() {
        return carrier;
    }

    @BeforeEach
    final void createCarrier() {
        clock = new ManualClock(start(), ZoneOffset.UTC);
        carrier = newCarrier(clock);
    }

    @AfterEach
    final void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- quotes

    @Test
    void capabilitiesDeclareAtLeastOneServiceAndStayTheSame() {
        assertFalse(carrier.capabilities().services().isEmpty());
        assertEquals(carrier.capabilities(), carrier.capabilities());
    }

    @Test
    void theRouteUnderTestIsQuoted() {
        QuoteOutcome outcome = carrier.quote(quoteRequest(parcel()));
        assertInstanceOf(QuoteOutcome.Quoted.class, outcome, "origin() to destination() must be quotable");
    }

    @Test
    void quotesOnlyDeclaredServices() {
        for (Quote quote : quotes(parcel())) {
            assertTrue(carrier.capabilities().offers(quote.service()),
                    () -> quote.service() + " quoted but not declared in " + carrier.capabilities());
            assertEquals(carrier.id(), quote.carrier());
        }
    }

    @Test
    void quotesAreDeterministic() {
        QuoteRequest request = quoteRequest(parcel());
        List<QuoteShape> first = shapes(carrier.quote(request));
        assertEquals(first, shapes(carrier.quote(request)), "the same request quoted twice");
        assertEquals(first, shapes(newCarrier(clock).quote(request)), "the same request on a fresh carrier");
        clock.advance(Duration.ofDays(3));
        assertEquals(first, shapes(carrier.quote(request)), "the same request later: quotes ignore the clock");
    }

    @Test
    void quotesAreInTheRequestedCurrency() {
        for (Quote quote : quotes(parcel())) {
            assertEquals(currency(), quote.total().getCurrency(), () -> "total of " + quote);
            for (QuoteLine line : quote.lines()) {
                assertEquals(currency(), line.amount().getCurrency(), () -> "line " + line + " of " + quote);
            }
        }
    }

    @Test
    void aPromiseNeverStartsBeforeTheOrderDate() {
        Instant orderedAt = start();
        for (Quote quote : quotes(parcel())) {
            assertFalse(quote.promise().earliest().isBefore(orderedAt.atZone(quote.promise().zone()).toLocalDate()),
                    () -> "promise " + quote.promise() + " for an order at " + orderedAt);
            assertTrue(quote.promise().deadline().isAfter(orderedAt), () -> "promise " + quote.promise());
        }
    }

    @Test
    void aHeavierParcelNeverCostsLessOnTheSameRouteAndService() {
        Map<ServiceLevel, Quote> previous = new EnumMap<>(ServiceLevel.class);
        for (long grams : weightLadder()) {
            QuoteOutcome outcome = carrier.quote(quoteRequest(parcel().withWeightGrams(grams)));
            if (outcome instanceof QuoteOutcome.Unquotable) {
                break; // too heavy from here on is allowed; cheaper is not
            }
            for (Quote quote : outcome.quotesOrEmpty()) {
                Quote lighter = previous.put(quote.service(), quote);
                if (lighter != null) {
                    assertFalse(quote.total().isLessThan(lighter.total()), () -> grams + " g costs " + quote.total()
                            + " but a lighter parcel costs " + lighter.total() + " (" + quote.service() + ")");
                    assertTrue(quote.chargeableWeightGrams() >= lighter.chargeableWeightGrams(),
                            () -> "chargeable weight went down at " + grams + " g");
                }
            }
        }
        assertFalse(previous.isEmpty(), "no weight was quoted at all");
    }

    // ---------------------------------------------------------------- order instants, currencies, weights

    @Test
    void aPromiseNeverStartsBeforeTheLocalOrderDateAtAnyOrderInstant() {
        for (Instant orderedAt : orderInstants()) {
            for (Quote quote : quotesAt(parcel(), currency(), orderedAt)) {
                LocalDate orderDate = orderedAt.atZone(quote.promise().zone()).toLocalDate();
                assertFalse(quote.promise().earliest().isBefore(orderDate),
                        () -> quote.service() + " ordered " + orderedAt + " (" + orderDate + " locally) is promised "
                                + quote.promise());
                assertTrue(quote.promise().deadline().isAfter(orderedAt),
                        () -> quote.service() + " ordered " + orderedAt + " is promised " + quote.promise());
            }
        }
    }

    @Test
    void aLaterOrderIsNeverPromisedEarlier() {
        Map<ServiceLevel, Quote> previous = new EnumMap<>(ServiceLevel.class);
        Map<ServiceLevel, Instant> previousAt = new EnumMap<>(ServiceLevel.class);
        List<Instant> instants = new ArrayList<>(orderInstants());
        Collections.sort(instants);
        for (Instant orderedAt : instants) {
            for (Quote quote : quotesAt(parcel(), currency(), orderedAt)) {
                Quote earlier = previous.put(quote.service(), quote);
                Instant earlierAt = previousAt.put(quote.service(), orderedAt);
                if (earlier != null) {
                    assertFalse(quote.promise().deadline().isBefore(earlier.promise().deadline()),
                            () -> quote.service() + " ordered " + orderedAt + " is promised " + quote.promise()
                                    + ", earlier than an order at " + earlierAt + ": " + earlier.promise());
                }
            }
        }
    }

    @Test
    void quotesDependOnTheOrderInstantNeverOnTheClock() {
        List<Instant> instants = orderInstants();
        C fresh = newCarrier(clock);
        for (int i = 0; i < instants.size(); i += 5) {
            Instant orderedAt = instants.get(i);
            QuoteRequest request = new QuoteRequest(origin(), destination(), parcel(), currency(), orderedAt);
            clock.set(start());
            List<QuoteShape> atStart = shapes(carrier.quote(request));
            clock.set(orderedAt);
            assertEquals(atStart, shapes(carrier.quote(request)), () -> "an order at " + orderedAt
                    + " was quoted differently once the clock reached it: the order instant decides, not the clock");
            clock.set(orderedAt.plus(Duration.ofDays(40)));
            assertEquals(atStart, shapes(fresh.quote(request)), () -> "an order at " + orderedAt
                    + " was quoted differently 40 days later");
        }
    }

    @Test
    void anOrderJustBeforeACutOffIsPromisedSoonerThanOneAtTheCutOff() {
        assumeFalse(cutOffs().isEmpty(), "no cut-offs declared");
        ZoneId zone = quotes(parcel()).get(0).promise().zone();
        LocalDate first = start().atZone(zone).toLocalDate();
        for (CutOff cutOff : cutOffs()) {
            for (int day = 0; day < 8; day++) {
                Instant at = first.plusDays(day).atTime(cutOff.time()).atZone(zone).toInstant();
                Instant before = at.minus(Duration.ofMinutes(1));
                Quote justBefore = quoteAt(cutOff.service(), before);
                Quote atCutOff = quoteAt(cutOff.service(), at);
                assertTrue(justBefore.promise().deadline().isBefore(atCutOff.promise().deadline()),
                        () -> cutOff + " in " + zone + ": ordered " + before + " promised " + justBefore.promise()
                                + ", ordered " + at + " promised " + atCutOff.promise());
            }
        }
    }

    @Test
    void unsupportedCurrenciesAreRefusedNeverConverted() {
        Set<String> supported = new HashSet<>();
        supportedCurrencies().forEach(c -> supported.add(c.getCurrencyCode()));
        for (String code : List.of("CNY", "USD", "EUR", "JPY", "GBP", "KWD", "HKD")) {
            CurrencyUnit other = Monetary.getCurrency(code);
            if (supported.contains(code)) {
                continue;
            }
            QuoteOutcome outcome = carrier.quote(new QuoteRequest(origin(), destination(), parcel(), other, start()));
            QuoteOutcome.Unquotable unquotable = assertInstanceOf(QuoteOutcome.Unquotable.class, outcome,
                    () -> code + " is not a supported currency but was quoted (converted?): " + outcome);
            assertEquals(UnquotableReason.CURRENCY_NOT_SUPPORTED, unquotable.reason(), unquotable.detail());
            ShipmentRequest request = ShipmentRequest.outbound(newRequestId(), anyService(), origin(), destination(),
                    parcel(), other);
            ShipmentOutcome booked = carrier.createShipment(request);
            ShipmentOutcome.Refused refused = assertInstanceOf(ShipmentOutcome.Refused.class, booked,
                    () -> code + " is not a supported currency but a shipment was booked in it: " + booked);
            assertEquals(ShipmentRefusal.CURRENCY_NOT_SUPPORTED, refused.reason(), refused.detail());
        }
    }

    @Test
    void everySupportedCurrencyIsQuotedExactlyInItsMinorUnit() {
        for (CurrencyUnit supported : supportedCurrencies()) {
            for (Quote quote : quotesAt(parcel(), supported, start())) {
                assertExactIn(supported, quote.total(), quote);
                for (QuoteLine line : quote.lines()) {
                    assertExactIn(supported, line.amount(), quote);
                }
            }
        }
    }

    @Test
    void aBiggerBoxNeverCostsLessAndVolumetricWeightIsCharged() {
        long grams = 500;
        long[][] boxes = {{100, 100, 50}, {200, 150, 100}, {300, 200, 150}, {400, 300, 200}, {500, 400, 300},
            {600, 400, 400}, {800, 500, 400}, {1000, 600, 500}};
        Map<ServiceLevel, Quote> previous = new EnumMap<>(ServiceLevel.class);
        for (long[] box : boxes) {
            Parcel parcel = new Parcel(grams, box[0], box[1], box[2]);
            QuoteOutcome outcome = carrier.quote(quoteRequest(parcel));
            if (outcome instanceof QuoteOutcome.Unquotable) {
                break; // too large from here on is allowed; cheaper is not
            }
            for (Quote quote : outcome.quotesOrEmpty()) {
                assertTrue(quote.chargeableWeightGrams() >= grams, () -> "charged below the actual weight: " + quote);
                if (volumetricDivisor().isPresent()) {
                    long volume = box[0] * box[1] * box[2];
                    long divisor = volumetricDivisor().getAsLong();
                    long volumetric = volume / divisor + (volume % divisor == 0 ? 0 : 1);
                    assertTrue(quote.chargeableWeightGrams() >= volumetric, () -> "a " + grams + " g parcel of "
                            + box[0] + " x " + box[1] + " x " + box[2] + " mm weighs " + volumetric
                            + " g volumetrically (divisor " + divisor + ") but is charged as "
                            + quote.chargeableWeightGrams() + " g");
                }
                Quote smaller = previous.put(quote.service(), quote);
                if (smaller != null) {
                    assertFalse(quote.total().isLessThan(smaller.total()), () -> "a bigger box costs " + quote.total()
                            + ", a smaller one " + smaller.total() + " (" + quote.service() + ")");
                }
            }
        }
        assertFalse(previous.isEmpty(), "no box was quoted at all");
    }

    // ---------------------------------------------------------------- network failures

    @ParameterizedTest
    @EnumSource(NetworkFailure.class)
    void aNetworkFailureWhileQuotingIsUnavailableNotUnquotable(NetworkFailure failure) {
        assumeTrue(failNextCall(carrier, failure), "the subclass cannot arrange " + failure);
        assertUnavailable(failure, "quote", () -> carrier.quote(quoteRequest(parcel())));
        assertInstanceOf(QuoteOutcome.Quoted.class, carrier.quote(quoteRequest(parcel())), "quoting once the network is back");
    }

    @ParameterizedTest
    @EnumSource(NetworkFailure.class)
    void aNetworkFailureWhileBookingIsUnavailableAndARetryBooksOnce(NetworkFailure failure) {
        ShipmentRequest request = shipmentRequest();
        assumeTrue(failNextCall(carrier, failure), "the subclass cannot arrange " + failure);
        ShipmentOutcome first = null;
        try {
            ShipmentOutcome answer = carrier.createShipment(request);
            assertInstanceOf(ShipmentOutcome.Created.class, answer, () -> "a " + failure
                    + " while booking was answered with " + answer + "; it must be a CarrierUnavailableException");
            first = answer;
        } catch (CarrierUnavailableException expected) {
            // no answer: the retry below must book once
        } catch (RuntimeException e) {
            throw new AssertionError("a " + failure + " while booking leaked " + e
                    + "; wrap it in a CarrierUnavailableException", e);
        }
        Shipment retried = created(carrier.createShipment(request));
        assertEquals(retried.trackingNumber(), created(carrier.createShipment(request)).trackingNumber(),
                "retries after a network failure booked twice");
        if (first != null) {
            assertEquals(((ShipmentOutcome.Created) first).shipment().trackingNumber(), retried.trackingNumber());
        }
    }

    @ParameterizedTest
    @EnumSource(NetworkFailure.class)
    void aNetworkFailureWhileTrackingIsUnavailableNotAnUnknownNumber(NetworkFailure failure) {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        assumeTrue(failNextCall(carrier, failure), "the subclass cannot arrange " + failure);
        assertUnavailable(failure, "track", () -> carrier.track(shipment.trackingNumber()));
        assertEquals(shipment.trackingNumber(), tracking(shipment).trackingNumber());
    }

    @ParameterizedTest
    @EnumSource(NetworkFailure.class)
    void aNetworkFailureWhileCancellingIsUnavailableNotARefusal(NetworkFailure failure) {
        assumeTrue(carrier.capabilities().supports(CarrierFeature.CANCELLATION));
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        assumeTrue(failNextCall(carrier, failure), "the subclass cannot arrange " + failure);
        assertUnavailable(failure, "cancel", () -> carrier.cancel(shipment.trackingNumber()));
    }

    // ---------------------------------------------------------------- shipments

    @Test
    void creatingTheSameShipmentTwiceReturnsTheFirstShipment() {
        ShipmentRequest request = shipmentRequest();
        Shipment first = created(carrier.createShipment(request));
        clock.advance(Duration.ofMinutes(5));
        Shipment replay = created(carrier.createShipment(request));
        assertEquals(first.trackingNumber(), replay.trackingNumber());
        assertEquals(first.label(), replay.label());
        assertEquals(first.promise(), replay.promise());
        assertTrue(first.charge().isEqualTo(replay.charge()));
        assertEquals(first.createdAt(), replay.createdAt());
    }

    @Test
    void concurrentRetriesOfOneRequestCreateOneShipment() throws Exception {
        ShipmentRequest request = shipmentRequest();
        pool = Executors.newFixedThreadPool(4);
        List<Callable<TrackingNumber>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> created(carrier.createShipment(request)).trackingNumber());
        }
        Set<TrackingNumber> numbers = new HashSet<>();
        for (Future<TrackingNumber> future : pool.invokeAll(retries, 30, TimeUnit.SECONDS)) {
            numbers.add(future.get());
        }
        assertEquals(1, numbers.size(), () -> "one request created " + numbers);
    }

    @Test
    void differentRequestIdsCreateDifferentShipments() {
        Shipment first = created(carrier.createShipment(shipmentRequest()));
        Shipment second = created(carrier.createShipment(shipmentRequest()));
        assertNotEquals(first.trackingNumber(), second.trackingNumber());
    }

    @Test
    void reusingARequestIdForAnotherParcelIsRejectedAndChangesNothing() {
        ShipmentRequest request = shipmentRequest();
        Shipment first = created(carrier.createShipment(request));
        ShipmentRequest other = request.withParcel(request.parcel().withWeightGrams(request.parcel().weightGrams() + 1));
        ConflictingShipmentRequestException e =
                assertThrows(ConflictingShipmentRequestException.class, () -> carrier.createShipment(other));
        assertEquals(request.requestId(), e.requestId());
        assertEquals(first.trackingNumber(), created(carrier.createShipment(request)).trackingNumber());
    }

    @Test
    void aShipmentIsChargedInTheRequestedCurrency() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        assertEquals(currency(), shipment.charge().getCurrency());
        assertEquals(carrier.id(), shipment.carrier());
    }

    // ---------------------------------------------------------------- tracking

    @Test
    void aNewShipmentIsTrackedAndNotYetFinished() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        Tracking tracking = tracking(shipment);
        assertEquals(shipment.trackingNumber(), tracking.trackingNumber());
        assertFalse(tracking.phase().isTerminal(), () -> "a parcel booked a moment ago is " + tracking.phase());
    }

    @Test
    void anUnknownTrackingNumberIsNotTracked() {
        assertTrue(carrier.track(unknownTrackingNumber()).isEmpty());
    }

    @Test
    void aDeliveredShipmentIsTrackedAsDeliveredInThePast() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        Tracking tracking = tracking(shipment);
        assertTrue(tracking.isDelivered());
        Instant deliveredAt = tracking.deliveredAt().orElseThrow();
        assertFalse(deliveredAt.isAfter(clock.instant()), "delivered in the future");
        assertFalse(deliveredAt.isBefore(shipment.createdAt()), "delivered before it was booked");
    }

    @Test
    void trackingEventsAppliedTwiceOrOutOfOrderReachTheSameState() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        Tracking reported = tracking(shipment);
        List<TrackingEvent> events = reported.events();
        Tracking empty = Tracking.of(shipment.trackingNumber());

        List<TrackingEvent> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        List<TrackingEvent> twice = new ArrayList<>(events);
        twice.addAll(events);
        assertEquals(reported, empty.applyAll(events));
        assertEquals(reported, empty.applyAll(reversed));
        assertEquals(reported, empty.applyAll(twice));
        assertEquals(reported, reported.applyAll(events), "applying known events again changes nothing");

        Random random = new Random(20260302);
        for (int round = 0; round < 20; round++) {
            List<TrackingEvent> shuffled = new ArrayList<>(twice);
            Collections.shuffle(shuffled, random);
            Tracking oneByOne = empty;
            for (TrackingEvent event : shuffled) {
                oneByOne = oneByOne.apply(event);
            }
            assertEquals(reported, oneByOne, "events applied one by one in order " + shuffled);
        }
    }

    @Test
    void aGenuineNotificationIsAcceptedAndAgreesWithTracking() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        assumeTrue(carrier.capabilities().supports(CarrierFeature.TRACKING_NOTIFICATIONS));
        NotificationVerdict verdict = carrier.verify(genuineNotification(carrier, shipment));
        NotificationVerdict.Accepted accepted = assertInstanceOf(NotificationVerdict.Accepted.class, verdict);
        assertFalse(accepted.events().isEmpty(), "the genuine notification lists no event");
        Tracking reported = tracking(shipment);
        List<TrackingEvent> aboutShipment = accepted.events().stream()
                .filter(e -> e.trackingNumber().equals(shipment.trackingNumber())).toList();
        assertFalse(aboutShipment.isEmpty(), "the genuine notification is not about the shipment");
        assertEquals(reported, reported.applyAll(aboutShipment),
                "a notified event must be reported by tracking with the same id and content");
    }

    @Test
    void aTamperedNotificationIsRejected() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        assumeTrue(carrier.capabilities().supports(CarrierFeature.TRACKING_NOTIFICATIONS));
        TrackingNotification genuine = genuineNotification(carrier, shipment);
        String body = genuine.body();
        List<String> tampered = new ArrayList<>();
        tampered.add(body + " ");
        tampered.add(body.substring(0, body.length() - 1));
        tampered.add(" " + body);
        tampered.add(body.replace(TrackingPhase.DELIVERED.name(), TrackingPhase.RETURNED.name()));
        int middle = body.length() / 2;
        char flipped = body.charAt(middle) == 'x' ? 'y' : 'x';
        tampered.add(body.substring(0, middle) + flipped + body.substring(middle + 1));
        for (String forged : tampered) {
            if (forged.equals(body)) {
                continue;
            }
            NotificationVerdict verdict = carrier.verify(genuine.withBody(forged));
            assertInstanceOf(NotificationVerdict.Rejected.class, verdict, () -> "accepted a forged body: " + forged);
        }
        assertInstanceOf(NotificationVerdict.Rejected.class, carrier.verify(new TrackingNotification(body, Map.of())),
                "accepted a notification without headers");
    }

    @Test
    void verifyIsStatelessAndAcceptsARedelivery() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        assumeTrue(carrier.capabilities().supports(CarrierFeature.TRACKING_NOTIFICATIONS));
        TrackingNotification genuine = genuineNotification(carrier, shipment);
        Tracking before = tracking(shipment);
        NotificationVerdict first = carrier.verify(genuine);
        assertInstanceOf(NotificationVerdict.Accepted.class, first, "the genuine notification was rejected");
        carrier.verify(genuine.withBody(genuine.body() + " "));
        assertEquals(first, carrier.verify(genuine), "the same notification delivered again was judged differently");
        assertEquals(first, newCarrier(clock).verify(genuine),
                "a second instance of the carrier judged the notification differently: the signature alone decides");
        assertEquals(before, tracking(shipment), "verify changed what tracking reports");
    }

    @Test
    void notificationsWithoutTheFeatureAreRejectedAsNotSupported() {
        assumeFalse(carrier.capabilities().supports(CarrierFeature.TRACKING_NOTIFICATIONS));
        NotificationVerdict verdict = carrier.verify(new TrackingNotification("", Map.of()));
        assertEquals(NotificationRejection.NOT_SUPPORTED,
                assertInstanceOf(NotificationVerdict.Rejected.class, verdict).reason());
    }

    // ---------------------------------------------------------------- cancellation

    @Test
    void cancellingADeliveredShipmentIsRefusedAndChangesNothing() {
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, shipment);
        Tracking before = tracking(shipment);
        CancellationOutcome outcome = carrier.cancel(shipment.trackingNumber());
        CancellationOutcome.Refused refused = assertInstanceOf(CancellationOutcome.Refused.class, outcome);
        assertEquals(shipment.trackingNumber(), refused.trackingNumber());
        CancellationRefusal expected = carrier.capabilities().supports(CarrierFeature.CANCELLATION)
                ? CancellationRefusal.ALREADY_DELIVERED : CancellationRefusal.NOT_SUPPORTED;
        assertEquals(expected, refused.reason());
        assertEquals(before, tracking(shipment));
    }

    @Test
    void cancellingBeforePickupCancelsAndCancellingAgainIsTheSameAnswer() {
        assumeTrue(carrier.capabilities().supports(CarrierFeature.CANCELLATION));
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        CancellationOutcome first = carrier.cancel(shipment.trackingNumber());
        assertInstanceOf(CancellationOutcome.Cancelled.class, first);
        clock.advance(Duration.ofMinutes(1));
        assertEquals(first, carrier.cancel(shipment.trackingNumber()));
        clock.advance(deliveryHorizon());
        assertFalse(tracking(shipment).isDelivered(), "a cancelled parcel was delivered");
    }

    @Test
    void cancellingAfterPickupIsRefusedAndTheParcelStillArrives() {
        assumeTrue(carrier.capabilities().supports(CarrierFeature.CANCELLATION));
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        advanceUntilPickedUp(carrier, shipment);
        Tracking before = tracking(shipment);
        assumeFalse(before.phase().isTerminal(), "the parcel finished its journey before the kit saw it picked up");
        CancellationOutcome outcome = carrier.cancel(shipment.trackingNumber());
        CancellationOutcome.Refused refused = assertInstanceOf(CancellationOutcome.Refused.class, outcome,
                () -> "a parcel in phase " + before.phase() + " was cancelled: " + outcome);
        assertEquals(CancellationRefusal.ALREADY_PICKED_UP, refused.reason());
        assertEquals(before, tracking(shipment), "a refused cancellation changed the tracking");
        advanceUntilDelivered(carrier, shipment);
    }

    @Test
    void cancellingWithoutTheFeatureIsRefusedAsNotSupported() {
        assumeFalse(carrier.capabilities().supports(CarrierFeature.CANCELLATION));
        Shipment shipment = created(carrier.createShipment(shipmentRequest()));
        CancellationOutcome outcome = carrier.cancel(shipment.trackingNumber());
        assertEquals(new CancellationOutcome.Refused(shipment.trackingNumber(), CancellationRefusal.NOT_SUPPORTED),
                outcome);
    }

    @Test
    void cancellingAnUnknownShipmentIsRefused() {
        CancellationOutcome outcome = carrier.cancel(unknownTrackingNumber());
        CancellationOutcome.Refused refused = assertInstanceOf(CancellationOutcome.Refused.class, outcome);
        assertTrue(refused.reason() == CancellationRefusal.UNKNOWN_SHIPMENT
                || refused.reason() == CancellationRefusal.NOT_SUPPORTED, () -> "refused with " + refused.reason());
    }

    // ---------------------------------------------------------------- returns and pickup points

    @Test
    void aReturnNeedsADeliveredOriginal() {
        assumeTrue(carrier.capabilities().supports(CarrierFeature.RETURN_SHIPMENTS));
        Shipment original = created(carrier.createShipment(shipmentRequest()));
        ShipmentRequest returnRequest = returnRequest(original);
        ShipmentOutcome early = carrier.createShipment(returnRequest);
        ShipmentOutcome.Refused refused = assertInstanceOf(ShipmentOutcome.Refused.class, early);
        assertEquals(ShipmentRefusal.ORIGINAL_NOT_DELIVERED, refused.reason());

        advanceUntilDelivered(carrier, original);
        Shipment returned = created(carrier.createShipment(returnRequest));
        assertEquals(original.trackingNumber(), returned.returnOf().orElseThrow());
        assertTrue(returned.isReturn());
        assertNotEquals(original.trackingNumber(), returned.trackingNumber());
    }

    @Test
    void aReturnOfAnUnknownShipmentIsRefused() {
        assumeTrue(carrier.capabilities().supports(CarrierFeature.RETURN_SHIPMENTS));
        ShipmentRequest request = ShipmentRequest.returnOf(newRequestId(), unknownTrackingNumber(), anyService(),
                destination(), origin(), parcel(), currency());
        ShipmentOutcome.Refused refused = assertInstanceOf(ShipmentOutcome.Refused.class,
                carrier.createShipment(request));
        assertEquals(ShipmentRefusal.UNKNOWN_ORIGINAL_SHIPMENT, refused.reason());
    }

    @Test
    void returnsWithoutTheFeatureAreRefusedAsNotSupported() {
        assumeFalse(carrier.capabilities().supports(CarrierFeature.RETURN_SHIPMENTS));
        Shipment original = created(carrier.createShipment(shipmentRequest()));
        advanceUntilDelivered(carrier, original);
        ShipmentOutcome.Refused refused = assertInstanceOf(ShipmentOutcome.Refused.class,
                carrier.createShipment(returnRequest(original)));
        assertEquals(ShipmentRefusal.RETURNS_NOT_SUPPORTED, refused.reason());
    }

    @Test
    void aParcelForAPickupPointWithoutTheFeatureIsRefusedAsNotSupported() {
        assumeFalse(carrier.capabilities().supports(CarrierFeature.PICKUP_POINTS));
        ShipmentOutcome outcome = carrier.createShipment(shipmentRequest().toPickupPoint(new PickupPointId("ANY-1")));
        assertEquals(ShipmentRefusal.PICKUP_POINTS_NOT_SUPPORTED,
                assertInstanceOf(ShipmentOutcome.Refused.class, outcome).reason());
    }

    @Test
    void pickupPointsAreListedOnlyWhenDeclared() {
        if (!carrier.capabilities().supports(CarrierFeature.PICKUP_POINTS)) {
            assertEquals(List.of(), carrier.pickupPoints(destination()));
            return;
        }
        var points = carrier.pickupPoints(destination());
        assertEquals(points.size(), points.stream().map(p -> p.id()).distinct().count(), "a point listed twice");
    }

    // ---------------------------------------------------------------- helpers for subclasses

    /**
     * A quote request from {@link #origin()} to {@link #destination()} at {@link #start()}.
     *
     * @param parcel the parcel to quote
     * @return the request
     */
    protected final QuoteRequest quoteRequest(Parcel parcel) {
        return new QuoteRequest(origin(), destination(), parcel, currency(), start());
    }

    /**
     * An outbound shipment request for {@link #parcel()} with a fresh request id and the
     * first service quoted on the route.
     *
     * @return the request
     */
    protected final ShipmentRequest shipmentRequest() {
        return ShipmentRequest.outbound(newRequestId(), anyService(), origin(), destination(), parcel(), currency());
    }

    /**
     * The tracking the carrier reports for a shipment; fails when it does not know it.
     *
     * @param shipment the shipment
     * @return its tracking
     */
    protected final Tracking tracking(Shipment shipment) {
        return carrier.track(shipment.trackingNumber())
                .orElseThrow(() -> new AssertionError("carrier does not track " + shipment.trackingNumber()));
    }

    private List<Quote> quotesAt(Parcel parcel, CurrencyUnit in, Instant orderedAt) {
        QuoteOutcome outcome = carrier.quote(new QuoteRequest(origin(), destination(), parcel, in, orderedAt));
        return assertInstanceOf(QuoteOutcome.Quoted.class, outcome,
                () -> "origin() to destination() must be quotable in " + in + " at " + orderedAt + ": " + outcome).quotes();
    }

    private Quote quoteAt(ServiceLevel service, Instant orderedAt) {
        return quotesAt(parcel(), currency(), orderedAt).stream().filter(q -> q.service() == service).findFirst()
                .orElseThrow(() -> new AssertionError(service + " is not quoted for an order at " + orderedAt));
    }

    private static void assertExactIn(CurrencyUnit currency, MonetaryAmount amount, Quote quote) {
        assertEquals(currency.getCurrencyCode(), amount.getCurrency().getCurrencyCode(), () -> "an amount of " + quote);
        BigDecimal value = amount.getNumber().numberValue(BigDecimal.class).stripTrailingZeros();
        assertTrue(value.scale() <= Math.max(currency.getDefaultFractionDigits(), 0),
                () -> amount + " is finer than the minor unit of " + currency + " in " + quote);
    }

    private static void assertUnavailable(NetworkFailure failure, String call, Supplier<?> action) {
        Object answer;
        try {
            answer = action.get();
        } catch (CarrierUnavailableException expected) {
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("a " + failure + " during " + call + " leaked " + e
                    + "; wrap it in a CarrierUnavailableException", e);
        }
        fail("a " + failure + " during " + call + " was answered with " + answer
                + "; the carrier gave no answer, so it must be a CarrierUnavailableException");
    }

    private ShipmentRequest returnRequest(Shipment original) {
        return ShipmentRequest.returnOf(newRequestId(), original.trackingNumber(), anyService(), destination(),
                origin(), parcel(), currency());
    }

    private static ShipmentRequestId newRequestId() {
        return new ShipmentRequestId("contract-" + UUID.randomUUID());
    }

    private ServiceLevel anyService() {
        return quotes(parcel()).get(0).service();
    }

    private List<Quote> quotes(Parcel parcel) {
        QuoteOutcome outcome = carrier.quote(quoteRequest(parcel));
        return assertInstanceOf(QuoteOutcome.Quoted.class, outcome, "origin() to destination() must be quotable")
                .quotes();
    }

    private static Shipment created(ShipmentOutcome outcome) {
        return assertInstanceOf(ShipmentOutcome.Created.class, outcome, "the carrier refused the shipment")
                .shipment();
    }

    private List<Long> weightLadder() {
        List<Long> ladder = new ArrayList<>();
        ladder.add(1L);
        for (long kg = 0; kg <= 70; kg++) {
            for (long offset : new long[] {-1, 0, 1, 499}) {
                long grams = kg * 1000 + offset;
                if (grams > ladder.get(ladder.size() - 1)) {
                    ladder.add(grams);
                }
            }
        }
        return ladder;
    }

    private static List<QuoteShape> shapes(QuoteOutcome outcome) {
        if (outcome instanceof QuoteOutcome.Unquotable unquotable) {
            return List.of(new QuoteShape(null, BigDecimal.ZERO, List.of(unquotable.reason().name()), 0, null));
        }
        return outcome.quotesOrEmpty().stream().map(QuoteShape::of).toList();
    }

    /** A quote with amounts compared by value, whatever their scale or implementation. */
    private record QuoteShape(ServiceLevel service, BigDecimal total, List<String> lines, long chargeableGrams,
            Object promise) {
        static QuoteShape of(Quote quote) {
            return new QuoteShape(quote.service(), value(quote.total()),
                    quote.lines().stream().map(l -> l.kind() + "=" + value(l.amount()).toPlainString()).toList(),
                    quote.chargeableWeightGrams(), quote.promise());
        }

        private static BigDecimal value(MonetaryAmount amount) {
            return amount.getNumber().numberValue(BigDecimal.class).stripTrailingZeros();
        }
    }
}
