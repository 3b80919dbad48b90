package dev.mercato.payments.sandbox;

import dev.mercato.payments.HeldFundsProvider;
import dev.mercato.payments.contract.ContractClock;

/**
 * The held-funds kit, with the sandbox's hooks, run against the broken plug-in {@link #current}.
 * Not a build test (its name matches no Surefire include): {@link HeldFundsKitCatchRateExamples}
 * launches it once per mistake, and once with no mistake.
 */
class HeldFundsKitRun extends SandboxHeldFundsContractTest {
    /** The mistake under measurement, or {@code null} for the correct sandbox; set by the launching test. */
    static volatile BrokenHeldFundsProvider current;

    @Override
    protected HeldFundsProvider newProvider(ContractClock clock) {
        BrokenHeldFundsProvider mistake = current;
        SandboxPaymentProvider sandbox = SandboxPaymentProvider.create(settings(clock));
        return mistake == null ? sandbox : mistake.wrap(sandbox);
    }
}
