package dev.mercato.examples.docs.host;

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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The reader's carrier plug-in. */
public final class AcmeExpressCarrier implements Carrier {
    /**
     * @param client its HTTP client
     * @param clock its clock
     */
    public AcmeExpressCarrier(AcmeTestAccount.AcmeHttpClient client, Clock clock) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("a stand-in for the reader's code");
    }

    @Override public CarrierId id() { throw standIn(); }
    @Override public CarrierCapabilities capabilities() { throw standIn(); }
    @Override public QuoteOutcome quote(QuoteRequest request) { throw standIn(); }
    @Override public ShipmentOutcome createShipment(ShipmentRequest request) { throw standIn(); }
    @Override public CancellationOutcome cancel(TrackingNumber trackingNumber) { throw standIn(); }
    @Override public Optional<Tracking> track(TrackingNumber trackingNumber) { throw standIn(); }
    @Override public NotificationVerdict verify(TrackingNotification notification) { throw standIn(); }
    @Override public List<PickupPoint> pickupPoints(Address near) { throw standIn(); }
}
