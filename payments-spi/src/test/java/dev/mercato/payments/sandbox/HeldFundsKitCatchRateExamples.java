package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Measures the held-funds kit: run against each deliberately broken plug-in of
 * {@link BrokenHeldFundsProvider}, it fails (at least the check expected to catch the mistake);
 * run against the correct sandbox through the same hooks, it passes. docs/payment-plugins.md
 * states the figure.
 */
class HeldFundsKitCatchRateExamples {

    @Test
    void theKitPassesTheCorrectSandboxThroughTheSameHooks() {
        KitCatchRateExamples.KitResult result = run(null);
        assertEquals(Set.of(), result.failed(), "the correct sandbox failed " + result.failed());
        assertTrue(result.passed() >= 25, "only " + result.passed() + " checks ran");
    }

    @ParameterizedTest
    @EnumSource(BrokenHeldFundsProvider.class)
    void theKitFailsEveryBrokenPlugIn(BrokenHeldFundsProvider mistake) {
        KitCatchRateExamples.KitResult result = run(mistake);
        assertTrue(result.failed().contains(mistake.caughtBy()), () -> mistake + " was expected to fail "
                + mistake.caughtBy() + "; failed: " + result.failed());
        System.out.println("held-funds kit catches " + mistake + " with " + result.failed());
    }

    static KitCatchRateExamples.KitResult run(BrokenHeldFundsProvider mistake) {
        HeldFundsKitRun.current = mistake;
        try {
            Set<String> failed = new TreeSet<>();
            int[] passed = {0};
            Launcher launcher = LauncherFactory.create();
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(HeldFundsKitRun.class))
                    .filters(EngineFilter.includeEngines("junit-jupiter"))
                    .build(), new TestExecutionListener() {
                        @Override
                        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                            if (!test.isTest()) {
                                return;
                            }
                            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
                                passed[0]++;
                            } else if (result.getStatus() == TestExecutionResult.Status.FAILED
                                    && test.getSource().orElse(null) instanceof MethodSource method) {
                                failed.add(method.getMethodName());
                            }
                        }
                    });
            return new KitCatchRateExamples.KitResult(failed, passed[0]);
        } finally {
            HeldFundsKitRun.current = null;
        }
    }
}
