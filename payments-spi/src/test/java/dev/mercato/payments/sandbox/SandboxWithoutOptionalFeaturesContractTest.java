package dev.mercato.payments.sandbox;

import dev.mercato.payments.Capabilities.Feature;
import dev.mercato.payments.contract.ContractClock;
import java.util.EnumSet;
import java.util.Set;
import javax.money.Monetary;
import javax.money.MonetaryAmount;
import org.javamoney.moneta.Money;

/**
 * A sale-only sandbox (one full refund, no separate capture) in a zero-decimal currency also
 * passes the kit: the checks that need a missing feature are skipped, the others hold.
 */
class SandboxWithoutOptionalFeaturesContractTest extends SandboxPaymentProviderContractTest {

    @Override
    SandboxSettings settings(ContractClock clock) {
        return SandboxSettings.of(clock, "minimal-secret", Set.of(Monetary.getCurrency("JPY")))
                .withFeatures(EnumSet.of(Feature.NOTIFICATIONS));
    }

    @Override
    protected MonetaryAmount testAmount() {
        return Money.of(4980, "JPY");
    }

    @Override
    protected MonetaryAmount unsupportedCurrencyAmount() {
        return Money.of(10, "USD");
    }
}
