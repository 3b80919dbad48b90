package dev.mercato.payments.sandbox;

import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.contract.ContractClock;
import dev.mercato.payments.contract.Fault;
import dev.mercato.payments.contract.PayoutProviderContract;
import dev.mercato.payments.sandbox.ScriptedAnswer.TimeOut.Surface;
import java.util.Optional;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/** The sandbox passes the payout conformance kit. */
class SandboxPayoutProviderContractTest extends PayoutProviderContract {

    @Override
    protected PayoutProvider newProvider(ContractClock clock) {
        return SandboxPaymentProvider.create(SandboxSettings.of(clock, "payout-secret", Set.of(Monetary.getCurrency("CNY"))));
    }

    @Override
    protected MonetaryAmount testAmount() {
        return Money.of(new java.math.BigDecimal("8888.88"), "CNY");
    }

    @Override
    protected MonetaryAmount unsupportedCurrencyAmount() {
        return Money.of(1, "USD");
    }

    @Override
    protected PayeeAccount payee() {
        return new PayeeAccount("acct_seller_1");
    }

    @Override
    protected Optional<PayeeAccount> otherPayee() {
        return Optional.of(new PayeeAccount("acct_seller_2"));
    }

    @Override
    protected boolean injectFault(PayoutProvider provider, Fault fault) {
        ((SandboxPaymentProvider) provider).scriptNext(switch (fault) {
            case TIMEOUT_BEFORE_MONEY_MOVED -> ScriptedAnswer.timeOutBeforeMoving(Surface.EXCEPTION);
            case TIMEOUT_AFTER_MONEY_MOVED -> ScriptedAnswer.timeOutAfterMoving(Surface.UNKNOWN_OUTCOME);
            case SERVER_ERROR -> ScriptedAnswer.serverError();
            case SLOW_ANSWER -> ScriptedAnswer.timeOutAfterMoving(Surface.EXCEPTION);
        });
        return true;
    }
}
