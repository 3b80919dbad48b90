package dev.mercato.core.membership;

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
import dev.mercato.pricing.money.MinorUnits;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Passes calls to a provider and remembers what money it says moved, by transaction id. */
final class CountingPayments implements PaymentProvider {
    private final PaymentProvider delegate;
    final Map<TransactionId, Long> charged = new ConcurrentHashMap<>();
    final Map<TransactionId, Long> refunded = new ConcurrentHashMap<>();

    CountingPayments(PaymentProvider delegate) {
        this.delegate = delegate;
    }

    long chargedMinor() {
        return charged.values().stream().mapToLong(Long::longValue).sum();
    }

    long refundedMinor() {
        return refunded.values().stream().mapToLong(Long::longValue).sum();
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
        PaymentOutcome outcome = delegate.sale(request);
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            charged.put(s.transactionId(), MinorUnits.toMinor(s.amount()));
        }
        return outcome;
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        return delegate.voidAuthorization(request);
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        PaymentOutcome outcome = delegate.refund(request);
        if (outcome instanceof PaymentOutcome.Succeeded s) {
            refunded.put(s.transactionId(), MinorUnits.toMinor(s.amount()));
        }
        return outcome;
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
