package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.Notification;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.contract.PaymentProviderContract;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/** The sandbox with every feature passes the conformance kit. */
class SandboxPaymentProviderContractTest extends PaymentProviderContract {

    @Override
    protected PaymentProvider newProvider() {
        return SandboxPaymentProvider.create(SandboxSettings.of(new MutableClock(), "contract-secret",
                Set.of(Monetary.getCurrency("USD"), Monetary.getCurrency("JPY"), Monetary.getCurrency("KWD"))));
    }

    @Override
    protected MonetaryAmount testAmount() {
        return Money.of(new java.math.BigDecimal("120.50"), "USD");
    }

    @Override
    protected MonetaryAmount unsupportedCurrencyAmount() {
        return Money.of(100, "EUR");
    }

    @Override
    protected PaymentSource approvedSource() {
        return new PaymentSource("tok_visa");
    }

    @Override
    protected Optional<PaymentSource> declinedSource(PaymentProvider provider) {
        ((SandboxPaymentProvider) provider).declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        return Optional.of(approvedSource());
    }

    @Override
    protected Notification signedNotification(PaymentProvider provider) {
        SandboxPaymentProvider sandbox = (SandboxPaymentProvider) provider;
        sandbox.sale(payment(newTransactionId(), testAmount()));
        List<Notification> notifications = sandbox.drainNotifications();
        return notifications.get(notifications.size() - 1);
    }
}
