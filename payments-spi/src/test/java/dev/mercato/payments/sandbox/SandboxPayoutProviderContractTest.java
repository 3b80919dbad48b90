package dev.mercato.payments.sandbox;

import dev.mercato.payments.PayeeAccount;
import dev.mercato.payments.PayoutProvider;
import dev.mercato.payments.contract.PayoutProviderContract;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/** The sandbox passes the payout conformance kit. */
class SandboxPayoutProviderContractTest extends PayoutProviderContract {

    @Override
    protected PayoutProvider newProvider() {
        return SandboxPaymentProvider.create(SandboxSettings.of(new MutableClock(), "payout-secret",
                Set.of(Monetary.getCurrency("CNY"))));
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
}
