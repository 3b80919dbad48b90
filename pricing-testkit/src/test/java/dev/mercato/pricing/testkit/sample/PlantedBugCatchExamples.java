package dev.mercato.pricing.testkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The measure of the ready-made suite: run through the JUnit Platform, with its default tries
 * and fresh seeds (no replay of earlier failures), it fails the tea-time rule with each planted
 * mistake and passes the correct rule.
 */
class PlantedBugCatchExamples {
    private static final List<Class<?>> PLANTED = List.of(TeaTimeSuite.OffByOneThreshold.class,
            TeaTimeSuite.PerUnitRounding.class, TeaTimeSuite.CurrencyDecimals.class,
            TeaTimeSuite.DiscountBeyondTheLine.class, TeaTimeSuite.SignError.class, TeaTimeSuite.OrderDependence.class);

    private static Path database;

    @BeforeAll
    static void freshDatabase() throws java.io.IOException {
        database = Files.createTempDirectory("jqwik-catch-rate").resolve("database");
    }

    /** Runs the suite against one class and returns the properties that failed. */
    private static List<String> failedProperties(Class<?> suite) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(suite))
                .configurationParameter("jqwik.failures.after.default", "RANDOM_SEED")
                .configurationParameter("jqwik.database", database.toString())
                .configurationParameter("jqwik.reporting.onlyfailures", "true")
                // reports go to this launcher's listener, which ignores them, not to the build log
                .configurationParameter("jqwik.reporting.usejunitplatform", "true")
                .build();
        List<String> failed = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        LauncherFactory.create().execute(request, new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest()) {
                    ran.add(id.getDisplayName());
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                        failed.add(id.getDisplayName());
                    }
                }
            }
        });
        assertEquals(9, ran.size(), () -> suite.getSimpleName() + " ran " + ran);
        return failed;
    }

    @Test
    void theSuiteFailsAtLeastFiveOfTheSixPlantedMistakesInItsDefaultTries() {
        Map<String, List<String>> caught = new LinkedHashMap<>();
        for (Class<?> planted : PLANTED) {
            caught.put(planted.getSimpleName(), failedProperties(planted));
        }
        long found = caught.values().stream().filter(f -> !f.isEmpty()).count();
        System.out.println("planted mistakes caught: " + found + " of " + PLANTED.size() + " " + caught);
        assertTrue(found >= 5, () -> "caught only " + found + " of " + PLANTED.size() + ": " + caught);
    }

    @Test
    void theSuitePassesTheCorrectRule() {
        assertEquals(List.of(), failedProperties(TeaTimeSuite.Correct.class));
    }
}
