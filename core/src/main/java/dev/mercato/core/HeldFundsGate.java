package dev.mercato.core;

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
import java.util.function.Supplier;

/**
 * The payment provider as the escrows see it in the provider-held model: every call goes through,
 * except that an escrow's refund waits until the returns it needs succeeded ({@link
 * ProviderFunds#readyToRefund}), so a refund after release finds the money held again. While it
 * waits the refund is {@code Unknown} and nothing reaches the provider: the escrow's
 * reconciliation asks again, finds no record of the id and sends it then, same id.
 */
final class HeldFundsGate implements PaymentProvider {
    private static final String ESCROW_PREFIX = "esc.";

    private final PaymentProvider provider;
    private final Supplier<ProviderFunds> funds;

    HeldFundsGate(PaymentProvider provider, Supplier<ProviderFunds> funds) {
        this.provider = provider;
        this.funds = funds;
    }

    @Override
    public Capabilities capabilities() {
        return provider.capabilities();
    }

    @Override
    public PaymentOutcome authorize(PaymentRequest request) {
        return provider.authorize(request);
    }

    @Override
    public PaymentOutcome capture(CaptureRequest request) {
        return provider.capture(request);
    }

    /**
     * An escrow's balance sale (an order paid in stages, {@code esc.<escrow>.balance-<n>}) is a
     * held sale of its own, as the checkout's sale is: the provider freezes it until the order's
     * release splits it ({@link ProviderFunds#holdsOf}).
     */
    @Override
    public PaymentOutcome sale(PaymentRequest request) {
        if (dev.mercato.core.escrow.EscrowService.isBalanceSale(request.transactionId())) {
            return funds.get().holdSale(request.transactionId(), request.amount(), request.source(), request.reference());
        }
        return provider.sale(request);
    }

    @Override
    public PaymentOutcome voidAuthorization(VoidRequest request) {
        return provider.voidAuthorization(request);
    }

    @Override
    public PaymentOutcome refund(RefundRequest request) {
        Optional<String> escrow = escrowOf(request.transactionId());
        if (escrow.isPresent() && !funds.get().readyToRefund(escrow.get())) {
            return new PaymentOutcome.Unknown(request.transactionId(), "not sent: waiting for the returns of escrow "
                    + escrow.get() + " from the accounts its release paid");
        }
        return provider.refund(request);
    }

    @Override
    public Optional<PaymentOutcome> status(TransactionId transactionId) {
        return provider.status(transactionId);
    }

    @Override
    public NotificationResult parseNotification(Notification notification) {
        return provider.parseNotification(notification);
    }

    /** The escrow of an escrow's transaction id ({@code esc.<escrow>.<suffix>}). */
    private static Optional<String> escrowOf(TransactionId id) {
        String value = id.value();
        int lastDot = value.lastIndexOf('.');
        if (!value.startsWith(ESCROW_PREFIX) || lastDot <= ESCROW_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(value.substring(ESCROW_PREFIX.length(), lastDot));
    }
}
