package dev.mercato.payments.sandbox;

import dev.mercato.payments.DeclineReason;
import dev.mercato.payments.Notification;
import dev.mercato.payments.NotificationResult;
import dev.mercato.payments.Operation;
import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.PaymentSource;
import dev.mercato.payments.TransactionId;
import dev.mercato.payments.contract.ContractClock;
import dev.mercato.payments.contract.Fault;
import dev.mercato.payments.contract.PaymentProviderContract;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * The sandbox with every feature passes the conformance kit. Its hooks reach the sandbox under
 * a {@link SandboxWrapper} too, so the same hooks serve the deliberately broken plug-ins of
 * {@link KitCatchRateExamples}.
 */
class SandboxPaymentProviderContractTest extends PaymentProviderContract {

    static final String SECRET = "contract-secret";

    @Override
    protected PaymentProvider newProvider(ContractClock clock) {
        return SandboxPaymentProvider.create(settings(clock));
    }

    SandboxSettings settings(ContractClock clock) {
        return SandboxSettings.of(clock, SECRET,
                Set.of(Monetary.getCurrency("USD"), Monetary.getCurrency("JPY"), Monetary.getCurrency("KWD")));
    }

    @Override
    protected MonetaryAmount testAmount() {
        return Money.of(new BigDecimal("120.50"), "USD");
    }

    @Override
    protected MonetaryAmount unsupportedCurrencyAmount() {
        return Money.of(100, "EUR");
    }

    @Override
    protected PaymentSource approvedSource() {
        return new PaymentSource("tok_visa_4242");
    }

    @Override
    protected Optional<PaymentSource> otherApprovedSource() {
        return Optional.of(new PaymentSource("tok_mastercard_4444"));
    }

    @Override
    protected Optional<PaymentSource> declinedSource(PaymentProvider provider) {
        sandbox(provider).declineNext(DeclineReason.INSUFFICIENT_FUNDS, "51", "insufficient funds");
        return Optional.of(approvedSource());
    }

    /**
     * The sandbox scripts every fault but a slow answer, which it plays as what a plug-in whose
     * HTTP client gave up sees: the money moved, the answer is unknown.
     */
    @Override
    protected boolean injectFault(PaymentProvider provider, Fault fault) {
        sandbox(provider).scriptNext(switch (fault) {
            case TIMEOUT_BEFORE_MONEY_MOVED -> ScriptedAnswer.timeOutBeforeMoving(Surface.UNKNOWN_OUTCOME);
            case TIMEOUT_AFTER_MONEY_MOVED -> ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION);
            case SERVER_ERROR -> ScriptedAnswer.serverError();
            case SLOW_ANSWER -> ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME);
        });
        return true;
    }

    @Override
    protected Notification signedNotification(PaymentProvider provider) {
        SandboxPaymentProvider sandbox = sandbox(provider);
        sandbox.sale(payment(newTransactionId(), testAmount()));
        List<Notification> notifications = sandbox.drainNotifications();
        return notifications.get(notifications.size() - 1);
    }

    @Override
    protected Optional<Notification> notificationAbout(PaymentProvider provider, TransactionId transactionId) {
        SandboxPaymentProvider sandbox = sandbox(provider);
        Notification about = null;
        for (Notification notification : sandbox.drainNotifications()) {
            if (sandbox.parseNotification(notification) instanceof NotificationResult.Verified verified
                    && verified.events().stream().anyMatch(e -> e.transactionId().equals(transactionId))) {
                about = notification;
            }
        }
        return Optional.ofNullable(about);
    }

    /** The sandbox redelivers a notification as real providers do: the same body, signed anew. */
    @Override
    protected Notification redeliveryOf(PaymentProvider provider, Notification first) {
        return sandbox(provider).sign(first.body());
    }

    @Override
    protected Optional<Duration> replayWindow() {
        return Optional.of(SandboxSettings.DEFAULT_TOLERANCE);
    }

    static SandboxPaymentProvider sandbox(PaymentProvider provider) {
        return provider instanceof SandboxWrapper wrapper ? wrapper.sandbox() : (SandboxPaymentProvider) provider;
    }
}

/**
 * A sandbox whose captures, voids and refunds start as pending and settle ten minutes later,
 * as many real providers' do, passes the kit: it follows pending answers up instead of
 * demanding {@code Succeeded}.
 */
class SandboxWithPendingRefundsContractTest extends SandboxPaymentProviderContractTest {

    @Override
    SandboxSettings settings(ContractClock clock) {
        return super.settings(clock).withAsynchronous(EnumSet.of(Operation.CAPTURE, Operation.VOID, Operation.REFUND),
                Duration.ofMinutes(10));
    }
}
