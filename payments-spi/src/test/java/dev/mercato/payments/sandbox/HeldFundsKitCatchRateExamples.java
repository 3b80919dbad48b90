package dev.mercato.payments.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
            return KitCatchRateExamples.runKit(HeldFundsKitRun.class);
        } finally {
            HeldFundsKitRun.current = null;
        }
    }
}
