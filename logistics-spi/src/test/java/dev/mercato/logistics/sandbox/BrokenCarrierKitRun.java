package dev.mercato.logistics.sandbox;

import dev.mercato.logistics.Carrier;
import java.time.Clock;

/**
 * The kit, with the sandbox's hooks, run against the broken plug-in {@link #current}. Not a
 * build test (its name matches no Surefire include): {@link KitCatchRateExamples} launches it
 * once per mistake, and once with no mistake.
 */
class BrokenCarrierKitRun extends SandboxCarrierContractTest {
    /** The mistake under measurement, or {@code null} for the correct sandbox; set by the launching test. */
    static volatile BrokenCarrier current;

    @Override
    protected Carrier newCarrier(Clock clock) {
        BrokenCarrier mistake = current;
        SandboxCarrier sandbox = SandboxCarrier.create(config(), clock);
        return mistake == null ? sandbox : mistake.wrap(sandbox, clock);
    }
}
