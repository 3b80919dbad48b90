package dev.mercato.payments.sandbox;

import dev.mercato.payments.HeldFunds;
import dev.mercato.payments.HeldFundsCapabilities;
import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.HoldRequest;
import dev.mercato.payments.PaymentOutcome;
import dev.mercato.payments.ReturnRequest;
import dev.mercato.payments.SplitRequest;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.UnfreezeRequest;
import java.util.Optional;

/** A held-funds plug-in that forwards every call to a sandbox; the broken plug-ins override one method or two. */
class ForwardingHeldFundsProvider extends ForwardingPaymentProvider implements HeldFundsProvider {

    ForwardingHeldFundsProvider(SandboxPaymentProvider delegate) {
        super(delegate);
    }

    @Override
    public HeldFundsCapabilities heldFundsCapabilities() {
        return delegate.heldFundsCapabilities();
    }

    @Override
    public PaymentOutcome holdSale(HoldRequest request) {
        return delegate.holdSale(request);
    }

    @Override
    public PaymentOutcome split(SplitRequest request) {
        return delegate.split(request);
    }

    @Override
    public PaymentOutcome unfreeze(UnfreezeRequest request) {
        return delegate.unfreeze(request);
    }

    @Override
    public PaymentOutcome returnFunds(ReturnRequest request) {
        return delegate.returnFunds(request);
    }

    @Override
    public Optional<HeldFunds> heldFunds(TransactionId payment) {
        return delegate.heldFunds(payment);
    }
}
