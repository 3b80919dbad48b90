package dev.mercato.examples.docs.host;

import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Capabilities;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import java.time.InstantSource;
import java.util.Optional;

/** The reader's payment plug-in. */
public class AcmePayProvider implements PaymentProvider {
    /**
     * @param http its HTTP client
     * @param clock its clock
     */
    public AcmePayProvider(FaultyHttpClient http, InstantSource clock) {
    }

    /**
     * @param client its HTTP client
     * @param clock its clock
     */
    public AcmePayProvider(AcmeTestAccount.AcmeHttpClient client, InstantSource clock) {
    }

    private static UnsupportedOperationException standIn() {
        return new UnsupportedOperationException("a stand-in for the reader's code");
    }

    @Override public Capabilities capabilities() { throw standIn(); }
    @Override public PaymentOutcome authorize(PaymentRequest request) { throw standIn(); }
    @Override public PaymentOutcome capture(CaptureRequest request) { throw standIn(); }
    @Override public PaymentOutcome sale(PaymentRequest request) { throw standIn(); }
    @Override public PaymentOutcome voidAuthorization(VoidRequest request) { throw standIn(); }
    @Override public PaymentOutcome refund(RefundRequest request) { throw standIn(); }
    @Override public Optional<PaymentOutcome> status(TransactionId transactionId) { throw standIn(); }
    @Override public NotificationResult parseNotification(Notification notification) { throw standIn(); }
}
