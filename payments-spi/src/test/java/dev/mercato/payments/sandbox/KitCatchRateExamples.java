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
 * Measures the payment kit: run against each deliberately broken plug-in of
 * {@link BrokenPaymentProvider}, it fails (at least the check expected to catch the mistake);
 * run against the correct sandbox through the same hooks, it passes. docs/payment-plugins.md
 * states the figure.
 */
class KitCatchRateExamples {

    @Test
    void theKitPassesTheCorrectSandboxThroughTheSameHooks() {
        KitResult result = run(null);
        assertEquals(Set.of(), result.failed, "the correct sandbox failed " + result.failed);
        assertTrue(result.passed >= 40, "only " + result.passed + " checks ran");
    }

    @ParameterizedTest
    @EnumSource(BrokenPaymentProvider.class)
    void theKitFailsEveryBrokenPlugIn(BrokenPaymentProvider mistake) {
        KitResult result = run(mistake);
        assertTrue(result.failed.contains(mistake.caughtBy()), () -> mistake + " was expected to fail "
                + mistake.caughtBy() + "; failed: " + result.failed);
        System.out.println("payment kit catches " + mistake + " with " + result.failed);
    }

    /** The kit's outcome: the names of the checks that failed, and how many passed (skipped ones are neither). */
    record KitResult(Set<String> failed, int passed) {}

    static KitResult run(BrokenPaymentProvider mistake) {
        BrokenPaymentProviderKitRun.current = mistake;
        try {
            return runKit(BrokenPaymentProviderKitRun.class);
        } finally {
            BrokenPaymentProviderKitRun.current = null;
        }
    }

    /** Runs a kit's test class on the JUnit platform and collects which checks failed and passed. */
    static KitResult runKit(Class<?> kitRun) {
        Set<String> failed = new TreeSet<>();
        int[] passed = {0};
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(kitRun))
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
        return new KitResult(failed, passed[0]);
    }
}
