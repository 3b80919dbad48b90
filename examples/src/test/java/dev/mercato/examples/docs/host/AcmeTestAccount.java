package dev.mercato.examples.docs.host;

import dev.mercato.logistics.TrackingNotification;
import dev.mercato.logistics.TrackingNumber;
import dev.mercato.logistics.contract.NetworkFailure;
import dev.mercato.payments.Notification;
import dev.mercato.payments.TransactionId;
import java.util.Optional;

/** The reader's test account at a payment service or carrier, with its recorded webhooks. */
public interface AcmeTestAccount {
    /** @return the account the environment names */
    static AcmeTestAccount fromEnvironment() {
        throw new UnsupportedOperationException("a stand-in for the reader's code");
    }

    /** @return the HTTP client of the account */
    AcmeHttpClient client();

    /** @return a recorded, signed payment webhook of that event type */
    Notification recordedWebhook(String eventType);

    /** @return what the endpoint received about that operation */
    Optional<Notification> webhookAbout(TransactionId id);

    /** @return a recorded, signed tracking webhook about that parcel */
    TrackingNotification recordedWebhook(TrackingNumber trackingNumber);

    /** @return the stub HTTP layer that can fail the next call */
    StubHttp stubHttp();

    /** Moves that parcel to delivered in the carrier's test environment. */
    void simulateDelivery(TrackingNumber trackingNumber);

    /** The reader's HTTP client. */
    interface AcmeHttpClient {
    }

    /** A stub HTTP layer. */
    interface StubHttp {
        /** @return whether the failure could be arranged */
        boolean failNextCall(NetworkFailure failure);
    }
}
