package dev.mercato.core;

import dev.mercato.logistics.Address;
import dev.mercato.logistics.CancellationOutcome;
import dev.mercato.logistics.Carrier;
import dev.mercato.logistics.CarrierCapabilities;
import dev.mercato.logistics.CarrierId;
import dev.mercato.logistics.NotificationVerdict;
import dev.mercato.logistics.PickupPoint;
import dev.mercato.logistics.QuoteOutcome;
import dev.mercato.logistics.QuoteRequest;
import dev.mercato.logistics.ShipmentOutcome;
import dev.mercato.logistics.ShipmentRequest;
import dev.mercato.logistics.Tracking;
import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import java.util.List;
import java.util.Optional;

/** A carrier that forwards every call, for tests (and the fault simulation) to override one. */
public class ForwardingCarrier implements Carrier {
    private final Carrier delegate;

    /**
     * A carrier forwarding to another.
     *
     * @param delegate the carrier that answers
     */
    public ForwardingCarrier(Carrier delegate) {
        this.delegate = delegate;
    }

    @Override
    public CarrierId id() {
        return delegate.id();
    }

    @Override
    public CarrierCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public QuoteOutcome quote(QuoteRequest request) {
        return delegate.quote(request);
    }

    @Override
    public ShipmentOutcome createShipment(ShipmentRequest request) {
        return delegate.createShipment(request);
    }

    @Override
    public CancellationOutcome cancel(TrackingNumber trackingNumber) {
        return delegate.cancel(trackingNumber);
    }

    @Override
    public Optional<Tracking> track(TrackingNumber trackingNumber) {
        return delegate.track(trackingNumber);
    }

    @Override
    public NotificationVerdict verify(TrackingNotification notification) {
        return delegate.verify(notification);
    }

    @Override
    public List<PickupPoint> pickupPoints(Address near) {
        return delegate.pickupPoints(near);
    }
}
