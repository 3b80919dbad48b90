package dev.mercato.payments.sandbox;

import dev.mercato.payments.PaymentProvider;
import dev.mercato.payments.contract.ContractClock;

/**
 * The kit, with the sandbox's hooks, run against the broken plug-in {@link #current}. Not a
 * build test (its name matches no Surefire include): {@link KitCatchRateExamples} launches it
 * once per mistake, and once with no mistake.
 */
class BrokenPaymentProviderKitRun extends SandboxPaymentProviderContractTest {
    /** The mistake under measurement, or {@code null} for the correct sandbox; set by the launching test. */
    static volatile BrokenPaymentProvider current;

    @Override
    SandboxSettings settings(ContractClock clock) {
        BrokenPaymentProvider mistake = current;
        return mistake == null ? super.settings(clock) : mistake.settings(super.settings(clock));
    }

    @Override
    protected PaymentProvider newProvider(ContractClock clock) {
        BrokenPaymentProvider mistake = current;
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(settings(clock));
        return mistake == null ? sandbox : mistake.wrap(sandbox);
    }
}
