package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.CancellationRefusal;
import dev.mercato.logistics.CarrierCapabilities;
import dev.mercato.logistics.CarrierFeature;
import dev.mercato.logistics.CarrierId;
import dev.mercato.logistics.CarrierUnavailableException;
import dev.mercato.logistics.ConflictingShipmentRequestException;
import dev.mercato.logistics.InvalidLogisticsInputException;
import dev.mercato.logistics.LabelReference;
import dev.mercato.logistics.NotificationRejection;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.PickupPoint;
import dev.mercato.logistics.Quote;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
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
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The in-memory sandbox. All mutable state is guarded by {@code this}. */
final class DefaultSandboxCarrier implements SandboxCarrier {
    private final SandboxConfig config;
    private final InstantSource clock;
    private final Rating rating;
    private final NotificationCodec codec;
    private final CarrierCapabilities capabilities;

    private final Map<ShipmentRequestId, Booking> byRequest = new HashMap<>();
    private final Map<TrackingNumber, Booking> byTracking = new LinkedHashMap<>();
    private final Map<ShipmentRequestId, List<SandboxFault>> scripts = new HashMap<>();
    /** Faults for the next shipment created under an id without a script of its own. */
    private List<SandboxFault> next = List.of();
    private final Deque<Interruption> interruptions = new ArrayDeque<>();
    private long sequence;

    DefaultSandboxCarrier(SandboxConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.rating = new Rating(config);
        this.codec = new NotificationCodec(config.notificationSecret());
        this.capabilities = new CarrierCapabilities(config.services(), config.features());
    }

    @Override
    public CarrierId id() {
        return config.carrierId();
    }

    @Override
    public CarrierCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public QuoteOutcome quote(QuoteRequest request) {
        InvalidLogisticsInputException.requireNonNull(request, "request");
        interruptIfScripted("quote");
        return rating.quote(request);
    }

    @Override
    public synchronized void interruptNextCall(Interruption interruption) {
        InvalidLogisticsInputException.requireNonNull(interruption, "interruption");
        interruptions.addLast(interruption);
    }

    /** Throws for a queued interruption other than a timeout after booking, which is returned for the caller to play. */
    private synchronized Optional<Interruption> interruptIfScripted(String call) {
        Interruption next = interruptions.pollFirst();
        if (next == null) {
            return Optional.empty();
        }
        if (next == Interruption.TIMEOUT_AFTER_BOOKING && call.equals("createShipment")) {
            return Optional.of(next);
        }
        throw unavailable(next, call);
    }

    private CarrierUnavailableException unavailable(Interruption interruption, String call) {
        String problem = switch (interruption) {
            case CONNECTION_REFUSED -> "connection refused";
            case SERVER_ERROR -> "HTTP 503";
            case TIMEOUT_AFTER_BOOKING -> "timed out";
        };
        return new CarrierUnavailableException(config.carrierId(), call + ": " + problem + " (sandbox)", null);
    }

    @Override
    public synchronized ShipmentOutcome createShipment(ShipmentRequest request) {
        InvalidLogisticsInputException.requireNonNull(request, "request");
        Optional<Interruption> lostAnswer = interruptIfScripted("createShipment");
        ShipmentOutcome outcome = book(request);
        if (lostAnswer.isPresent()) {
            throw unavailable(lostAnswer.get(), "createShipment");
        }
        return outcome;
    }

    private ShipmentOutcome book(ShipmentRequest request) {
        Booking existing = byRequest.get(request.requestId());
        if (existing != null) {
            if (!existing.request.equals(request)) {
                throw new ConflictingShipmentRequestException(request.requestId());
            }
            return new ShipmentOutcome.Created(existing.shipment);
        }
        Instant now = clock.instant();
        Optional<ShipmentOutcome.Refused> refusal = refusal(request, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        QuoteOutcome outcome = rating.quote(new QuoteRequest(request.origin(), request.destination(),
                request.parcel(), request.currency(), now));
        if (outcome instanceof QuoteOutcome.Unquotable unquotable) {
            return refused(request, ShipmentRefusal.valueOf(unquotable.reason().name()), unquotable.detail());
        }
        Optional<Quote> quote = ((QuoteOutcome.Quoted) outcome).forService(request.service());
        if (quote.isEmpty()) {
            return refused(request, ShipmentRefusal.SERVICE_NOT_OFFERED,
                    request.service() + " is not offered on this route");
        }
        sequence++;
        TrackingNumber trackingNumber = new TrackingNumber(String.format("SBX%010d", sequence));
        Shipment shipment = new Shipment(config.carrierId(), request.requestId(), trackingNumber,
                new LabelReference("label-" + trackingNumber.value()), request.service(), quote.get().total(),
                quote.get().promise(), now, request.pickupPoint(), request.returnOf());
        List<SandboxFault> faults = scripts.containsKey(request.requestId()) ? scripts.get(request.requestId()) : next;
        next = List.of();
        Booking booking = new Booking(request, shipment,
                Journey.plan(shipment, request.origin(), request.destination(), faults), faults);
        byRequest.put(request.requestId(), booking);
        byTracking.put(trackingNumber, booking);
        return new ShipmentOutcome.Created(shipment);
    }

    private Optional<ShipmentOutcome.Refused> refusal(ShipmentRequest request, Instant now) {
        if (request.pickupPoint().isPresent() && !config.supports(CarrierFeature.PICKUP_POINTS)) {
            return Optional.of(refused(request, ShipmentRefusal.PICKUP_POINTS_NOT_SUPPORTED,
                    "this sandbox does not deliver to pickup points"));
        }
        if (request.returnOf().isPresent() && !config.supports(CarrierFeature.RETURN_SHIPMENTS)) {
            return Optional.of(refused(request, ShipmentRefusal.RETURNS_NOT_SUPPORTED,
                    "this sandbox does not carry returns"));
        }
        if (request.pickupPoint().isPresent()) {
            boolean servesDestination = config.pickupPoints().stream()
                    .anyMatch(p -> p.id().equals(request.pickupPoint().get())
                            && p.address().sameCityAs(request.destination()));
            if (!servesDestination) {
                return Optional.of(refused(request, ShipmentRefusal.UNKNOWN_PICKUP_POINT,
                        "no pickup point " + request.pickupPoint().get() + " in " + request.destination().city()));
            }
        }
        if (request.returnOf().isPresent()) {
            Booking original = byTracking.get(request.returnOf().get());
            if (original == null) {
                return Optional.of(refused(request, ShipmentRefusal.UNKNOWN_ORIGINAL_SHIPMENT,
                        "no shipment " + request.returnOf().get()));
            }
            if (!original.trackingAt(now).isDelivered()) {
                return Optional.of(refused(request, ShipmentRefusal.ORIGINAL_NOT_DELIVERED,
                        "shipment " + request.returnOf().get() + " is not delivered"));
            }
        }
        return Optional.empty();
    }

    private static ShipmentOutcome.Refused refused(ShipmentRequest request, ShipmentRefusal reason, String detail) {
        return new ShipmentOutcome.Refused(request.requestId(), reason, detail);
    }

    @Override
    public synchronized CancellationOutcome cancel(TrackingNumber trackingNumber) {
        InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
        interruptIfScripted("cancel");
        Booking booking = byTracking.get(trackingNumber);
        if (!config.supports(CarrierFeature.CANCELLATION)) {
            return new CancellationOutcome.Refused(trackingNumber, CancellationRefusal.NOT_SUPPORTED);
        }
        if (booking == null) {
            return new CancellationOutcome.Refused(trackingNumber, CancellationRefusal.UNKNOWN_SHIPMENT);
        }
        if (booking.cancelledAt.isPresent()) {
            return new CancellationOutcome.Cancelled(trackingNumber, booking.cancelledAt.get());
        }
        Instant now = clock.instant();
        TrackingPhase phase = booking.trackingAt(now).phase();
        if (phase == TrackingPhase.AWAITING_PICKUP) {
            booking.cancelledAt = Optional.of(now);
            booking.journey = List.of();
            return new CancellationOutcome.Cancelled(trackingNumber, now);
        }
        CancellationRefusal reason = switch (phase) {
            case DELIVERED -> CancellationRefusal.ALREADY_DELIVERED;
            case RETURNED -> CancellationRefusal.ALREADY_RETURNED;
            default -> CancellationRefusal.ALREADY_PICKED_UP;
        };
        return new CancellationOutcome.Refused(trackingNumber, reason);
    }

    @Override
    public synchronized Optional<Tracking> track(TrackingNumber trackingNumber) {
        InvalidLogisticsInputException.requireNonNull(trackingNumber, "trackingNumber");
        interruptIfScripted("track");
        Booking booking = byTracking.get(trackingNumber);
        return booking == null ? Optional.empty() : Optional.of(booking.trackingAt(clock.instant()));
    }

    @Override
    public NotificationVerdict verify(TrackingNotification notification) {
        InvalidLogisticsInputException.requireNonNull(notification, "notification");
        if (!config.supports(CarrierFeature.TRACKING_NOTIFICATIONS)) {
            return new NotificationVerdict.Rejected(NotificationRejection.NOT_SUPPORTED,
                    "this sandbox does not push notifications");
        }
        return codec.verify(notification);
    }

    @Override
    public List<PickupPoint> pickupPoints(Address near) {
        InvalidLogisticsInputException.requireNonNull(near, "near");
        if (!config.supports(CarrierFeature.PICKUP_POINTS)) {
            return List.of();
        }
        return config.pickupPoints().stream()
                .filter(p -> p.address().sameRegionAs(near))
                .sorted(Comparator.comparing((PickupPoint p) -> !p.address().sameCityAs(near))
                        .thenComparing(p -> p.id().value()))
                .toList();
    }

    @Override
    public synchronized void script(ShipmentRequestId requestId, SandboxFault... faults) {
        InvalidLogisticsInputException.requireNonNull(requestId, "requestId");
        InvalidLogisticsInputException.requireNonNull(faults, "faults");
        if (byRequest.containsKey(requestId)) {
            throw new InvalidLogisticsInputException("requestId", requestId,
                    "already has a shipment; script faults before creating it");
        }
        scripts.put(requestId, List.of(faults));
    }

    @Override
    public synchronized void scriptNext(SandboxFault... faults) {
        InvalidLogisticsInputException.requireNonNull(faults, "faults");
        for (SandboxFault fault : faults) {
            InvalidLogisticsInputException.requireNonNull(fault, "faults[]");
        }
        next = List.of(faults);
    }

    @Override
    public synchronized List<TrackingNotification> drainNotifications() {
        if (!config.supports(CarrierFeature.TRACKING_NOTIFICATIONS)) {
            return List.of();
        }
        Instant now = clock.instant();
        List<TrackingNotification> out = new ArrayList<>();
        for (Booking booking : byTracking.values()) {
            for (TrackingEvent event : booking.releaseDue(now)) {
                TrackingNotification notification = codec.notificationOf(List.of(event));
                out.add(notification);
                if (booking.faults.stream().anyMatch(SandboxFault.DuplicateNotifications.class::isInstance)) {
                    out.add(notification);
                }
            }
        }
        return out;
    }

    @Override
    public TrackingNotification sign(String body) {
        InvalidLogisticsInputException.requireNonNull(body, "body");
        return codec.sign(body);
    }

    /** One created shipment and its planned journey. */
    private static final class Booking {
        final ShipmentRequest request;
        final Shipment shipment;
        final List<SandboxFault> faults;
        List<TrackingEvent> journey;
        Optional<Instant> cancelledAt = Optional.empty();
        int released;

        Booking(ShipmentRequest request, Shipment shipment, List<TrackingEvent> journey, List<SandboxFault> faults) {
            this.request = request;
            this.shipment = shipment;
            this.journey = List.copyOf(journey);
            this.faults = List.copyOf(faults);
        }

        Tracking trackingAt(Instant now) {
            return new Tracking(shipment.trackingNumber(),
                    journey.stream().filter(e -> !e.occurredAt().isAfter(now)).toList());
        }

        List<TrackingEvent> releaseDue(Instant now) {
            boolean swapPairs = faults.stream().anyMatch(SandboxFault.OutOfOrderNotifications.class::isInstance);
            List<TrackingEvent> due = new ArrayList<>();
            while (released < journey.size()) {
                TrackingEvent first = journey.get(released);
                boolean hasPartner = swapPairs && released + 1 < journey.size();
                TrackingEvent last = hasPartner ? journey.get(released + 1) : first;
                if (last.occurredAt().isAfter(now)) {
                    break;
                }
                if (hasPartner) {
                    due.add(last);
                    released++;
                }
                due.add(first);
                released++;
            }
            return due;
        }
    }
}
