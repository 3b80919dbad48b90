package dev.mercato.payments.sandbox;

import dev.mercato.payments.Capabilities;
import dev.mercato.payments.CaptureRequest;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentRequest;
import dev.mercato.payments.RefundRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.VoidRequest;
import java.util.Optional;

/** A plug-in that forwards every call to a sandbox; the broken plug-ins override one method each. */
class ForwardingPaymentProvider implements PaymentProvider, SandboxWrapper {
    final SandboxPaymentProvider delegate;

    ForwardingPaymentProvider(SandboxPaymentProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public SandboxPaymentProvider sandbox() {
        return delegate;
    }

    @Override
    public Capabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public PaymentOutcome authorize(PaymentRequest request) {
        return delegate.authorize(request);
    }

    @Override
    public PaymentOutcome capture(CaptureRequest request) {
        return delegate.capture(request);
    }

    @Override
    public PaymentOutcome sale(PaymentRequest request) {
        return delegate.sale(request);
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        return delegate.voidAuthorization(request);
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        return delegate.refund(request);
    }

    @Override
    public Optional<PaymentOutcome> status(TransactionId transactionId) {
        return delegate.status(transactionId);
    }

    @Override
    public NotificationResult parseNotification(Notification notification) {
        return delegate.parseNotification(notification);
    }
}
